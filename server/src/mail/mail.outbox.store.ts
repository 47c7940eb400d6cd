import { sql } from 'kysely';
import type { Executor, MailKind } from '../db/database.ts';

/** A mail a worker holds: what to compose, and the lease token that lets it record the outcome. */
export interface ClaimedMail {
  id: string;
  kind: MailKind;
  orderId: string | null;
  recipient: string;
  payload: Record<string, unknown>;
  /** Attempts including this one. */
  attempts: number;
  createdAt: Date;
  leaseToken: string;
}

export interface NewMail {
  id: string;
  kind: MailKind;
  orderId: string | null;
  recipient: string;
  dedupeKey: string;
  payload?: Record<string, unknown>;
}

/** Queues a mail; false (and nothing written) when one with the same dedupe key exists. */
export async function insertMail(db: Executor, mail: NewMail): Promise<boolean> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      id: mail.id,
      kind: mail.kind,
      order_id: mail.orderId,
      recipient: mail.recipient,
      dedupe_key: mail.dedupeKey,
      payload: JSON.stringify(mail.payload ?? {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Queues one mail of `kind` per order of an event, to each order's buyer, in one statement;
 * `dedupeKey(orderId)` is built in SQL as `<prefix><order id>`. Answers how many were queued.
 */
export async function insertMailPerOrderOfEvent(
  db: Executor,
  mail: { kind: MailKind; eventId: string; dedupePrefix: string; idPrefix: string },
): Promise<number> {
  const result = await db
    .insertInto('mail_outbox')
    .columns(['id', 'kind', 'order_id', 'recipient', 'dedupe_key'])
    .expression((eb) =>
      eb
        .selectFrom('orders')
        .select([
          sql<string>`${mail.idPrefix} || orders.id`.as('id'),
          sql<MailKind>`${mail.kind}`.as('kind'),
          'orders.id as order_id',
          'orders.buyer_email as recipient',
          sql<string>`${mail.dedupePrefix} || orders.id`.as('dedupe_key'),
        ])
        .where('orders.event_id', '=', mail.eventId),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Gives up the pending mails of one kind of an order: a newer one replaces them. */
export async function supersedePendingMails(db: Executor, orderId: string, kind: MailKind): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'superseded', next_attempt_at: null, lease_token: null })
    .where('order_id', '=', orderId)
    .where('kind', '=', kind)
    .where('status', '=', 'pending')
    .execute();
}

/** How many mails of a kind went to an address (any case) since a moment. */
export async function countMailsTo(
  db: Executor,
  recipient: string,
  kind: MailKind,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('kind', '=', kind)
    .where('recipient', '=', recipient.toLowerCase())
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Claims up to `limit` due mails in one statement (FOR UPDATE SKIP LOCKED, so concurrent workers
 * take different ones), leasing each by moving `next_attempt_at` to the lease's end: the lease keeps
 * other workers off, and hands the mail back if this process dies mid-send.
 */
export async function claimDueMails(
  db: Executor,
  claim: { now: Date; leaseUntil: Date; token: string; limit: number },
): Promise<ClaimedMail[]> {
  const due = db
    .selectFrom('mail_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', claim.now)
    .orderBy('next_attempt_at')
    .limit(claim.limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('mail_outbox as m')
    .from(due.as('picked'))
    .set((eb) => ({
      attempts: eb('m.attempts', '+', 1),
      next_attempt_at: claim.leaseUntil,
      lease_token: claim.token,
    }))
    .whereRef('m.id', '=', 'picked.id')
    .returning(['m.id', 'm.kind', 'm.order_id', 'm.recipient', 'm.payload', 'm.attempts', 'm.created_at'])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    orderId: row.order_id,
    recipient: row.recipient,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: row.created_at,
    leaseToken: claim.token,
  }));
}

/** The outcome of one attempt, recorded only by the claim that still holds the lease. */
export async function recordMailOutcome(
  db: Executor,
  claimed: ClaimedMail,
  outcome: {
    status: 'pending' | 'sent' | 'failed' | 'superseded';
    at: Date;
    nextAttemptAt: Date | null;
    error: string | null;
  },
): Promise<boolean> {
  const row = await db
    .updateTable('mail_outbox')
    .set({
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      last_error: outcome.error,
      lease_token: null,
      ...(outcome.status === 'sent' ? { sent_at: outcome.at } : {}),
    })
    .where('id', '=', claimed.id)
    .where('lease_token', '=', claimed.leaseToken)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
