import { type QueryCreator, type RawBuilder, sql } from 'kysely';
import type { DB, Executor } from '../db/database.ts';

/** A delivery a worker holds: what it sends, and the lease token that lets it record the outcome. */
export interface ClaimedDelivery {
  eventId: string;
  endpointId: string;
  mode: 'test' | 'live';
  type: string;
  url: string;
  secret: string;
  /** The stored body, byte for byte. */
  body: string;
  /** Attempts including this one. */
  attempts: number;
  createdAt: Date;
  /** Where its retry window starts: its creation, or when it was last resent or its endpoint re-enabled. */
  retryFrom: Date;
  /** Attempts in that window, this one included: what the backoff counts. */
  windowAttempts: number;
  leaseToken: string;
}

/** Gives up every pending delivery of an endpoint (deleted), saying why. */
export async function failPendingDeliveries(db: Executor, endpointId: string, reason: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: reason, next_attempt_at: null, lease_token: null })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

/** An event as the outbox stores it, `body` being its JSON as every delivery sends it. */
export interface OutboxEvent {
  id: string;
  promoterId: string;
  mode: 'test' | 'live';
  type: string;
  body: string;
  createdAt: Date;
}

/** The outbox's writes as common table expressions, named so a statement can read them. */
export interface OutboxCtes {
  subscribed: { id: string };
  queued: { id: string };
  delivered: { event_id: string };
}

/**
 * Adds the outbox's writes for `event` to a statement, as CTEs after the caller's own: the enabled
 * endpoints subscribed to its type (`subscribed`, none unless `when` holds), the event (`queued`,
 * written only when one listens) and a delivery to each (`delivered`). Nothing is written when no
 * endpoint listens, so a busy path (door scans) writes nothing for promoters without webhooks; and
 * `when` can name the caller's CTE (`exists (select from recorded)`), so that the change and its
 * event are one statement, one round trip, and commit together.
 */
export function withEventAndDeliveries<T extends DB>(
  qc: QueryCreator<T>,
  event: OutboxEvent,
  when: RawBuilder<boolean> = sql<boolean>`true`,
): QueryCreator<T & OutboxCtes> {
  // The caller's CTEs are its own: what is added here reads only the outbox's tables.
  const outbox = (qc as unknown as QueryCreator<DB>)
    .with('subscribed', (qb) =>
      qb
        .selectFrom('webhook_endpoints')
        .select('id')
        .where('promoter_id', '=', event.promoterId)
        .where('mode', '=', event.mode)
        .where('status', '=', 'enabled')
        .where('deleted_at', 'is', null)
        .where(sql<boolean>`(${event.type} = any(events) or '*' = any(events))`)
        .where(when),
    )
    .with('queued', (qb) =>
      qb
        .insertInto('webhook_events')
        .columns(['id', 'promoter_id', 'mode', 'type', 'payload', 'created_at'])
        .expression(
          qb
            .selectNoFrom((eb) => [
              eb.val(event.id).as('id'),
              eb.val(event.promoterId).as('promoter_id'),
              eb.val(event.mode).as('mode'),
              eb.val(event.type).as('type'),
              sql<string>`${event.body}::json`.as('payload'),
              sql<Date>`${event.createdAt}::timestamptz`.as('created_at'),
            ])
            .where((eb) => eb.exists(qb.selectFrom('subscribed').select('subscribed.id'))),
        )
        .returning('id'),
    )
    .with('delivered', (qb) =>
      qb
        .insertInto('webhook_deliveries')
        .columns(['event_id', 'endpoint_id'])
        .expression((eb) =>
          eb
            .selectFrom(['queued', 'subscribed'])
            .select(['queued.id as event_id', 'subscribed.id as endpoint_id']),
        )
        .returning('event_id'),
    );
  return outbox as unknown as QueryCreator<T & OutboxCtes>;
}

/**
 * Writes an event to the outbox with one delivery per enabled endpoint subscribed to its type, in one
 * statement (see withEventAndDeliveries). Answers the number of deliveries queued.
 */
export async function insertEventWithDeliveries(db: Executor, event: OutboxEvent): Promise<number> {
  const row = await withEventAndDeliveries(db, event)
    .selectFrom('delivered')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Writes an event to the outbox with one delivery, to `endpointId` only (a test ping). */
export async function insertEventForEndpoint(
  db: Executor,
  event: OutboxEvent,
  endpointId: string,
): Promise<void> {
  await db
    .insertInto('webhook_events')
    .values({
      id: event.id,
      promoter_id: event.promoterId,
      mode: event.mode,
      type: event.type,
      payload: event.body,
      created_at: event.createdAt,
    })
    .execute();
  await db
    .insertInto('webhook_deliveries')
    .values({ event_id: event.id, endpoint_id: endpointId, created_at: event.createdAt })
    .execute();
}

/**
 * Claims up to `limit` due deliveries in one statement: rows are picked with FOR UPDATE SKIP LOCKED
 * (so concurrent workers take different ones) and leased by moving `next_attempt_at` to the lease's
 * end. The row locks end with the statement; the lease is what keeps other workers off until then,
 * and what hands the delivery back if this process dies.
 */
export async function claimDueDeliveries(
  db: Executor,
  claim: { now: Date; leaseUntil: Date; token: string; limit: number },
): Promise<ClaimedDelivery[]> {
  const due = db
    .selectFrom('webhook_deliveries as due')
    .innerJoin('webhook_endpoints as ep', 'ep.id', 'due.endpoint_id')
    .select(['due.event_id', 'due.endpoint_id'])
    .where('due.status', '=', 'pending')
    .where('due.next_attempt_at', '<=', claim.now)
    .where('ep.status', '=', 'enabled')
    .where('ep.deleted_at', 'is', null)
    .orderBy('due.next_attempt_at')
    .limit(claim.limit)
    .forUpdate('due')
    .skipLocked();
  const rows = await db
    .updateTable('webhook_deliveries as d')
    .from([due.as('picked'), 'webhook_endpoints as ep', 'webhook_events as ev'])
    .set((eb) => ({
      attempts: eb('d.attempts', '+', 1),
      next_attempt_at: claim.leaseUntil,
      last_attempt_at: claim.now,
      lease_token: claim.token,
    }))
    .whereRef('d.event_id', '=', 'picked.event_id')
    .whereRef('d.endpoint_id', '=', 'picked.endpoint_id')
    .whereRef('ep.id', '=', 'd.endpoint_id')
    .whereRef('ev.id', '=', 'd.event_id')
    .returning([
      'd.event_id',
      'd.endpoint_id',
      'd.attempts',
      'd.created_at',
      sql<Date>`coalesce(d.retry_from, d.created_at)`.as('retry_from'),
      sql<number>`d.attempts - d.retry_base`.as('window_attempts'),
      'ep.mode',
      'ep.url',
      'ep.secret',
      'ev.type',
      sql<string>`ev.payload::text`.as('body'),
    ])
    .execute();
  return rows.map((row) => ({
    eventId: row.event_id,
    endpointId: row.endpoint_id,
    mode: row.mode,
    type: row.type,
    url: row.url,
    secret: row.secret,
    body: row.body,
    attempts: row.attempts,
    createdAt: row.created_at,
    retryFrom: row.retry_from,
    windowAttempts: row.window_attempts,
    leaseToken: claim.token,
  }));
}

/** The outcome of one attempt, recorded only by the claim that still holds the lease. */
export async function recordAttempt(
  db: Executor,
  claimed: ClaimedDelivery,
  outcome: {
    status: 'pending' | 'delivered' | 'failed';
    at: Date;
    nextAttemptAt: Date | null;
    statusCode: number | null;
    error: string | null;
  },
): Promise<boolean> {
  const row = await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      lease_token: null,
      ...(outcome.status === 'delivered' ? { delivered_at: outcome.at } : {}),
    })
    .where('event_id', '=', claimed.eventId)
    .where('endpoint_id', '=', claimed.endpointId)
    .where('lease_token', '=', claimed.leaseToken)
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds an attempt to the delivery log, once its outcome is recorded. */
export async function logAttempt(
  db: Executor,
  claimed: ClaimedDelivery,
  attempt: { at: Date; statusCode: number | null; error: string | null; durationMs: number },
): Promise<void> {
  await db
    .insertInto('webhook_delivery_attempts')
    .values({
      event_id: claimed.eventId,
      endpoint_id: claimed.endpointId,
      number: claimed.attempts,
      at: attempt.at,
      status_code: attempt.statusCode,
      error: attempt.error,
      duration_ms: Math.max(0, Math.round(attempt.durationMs)),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function markEndpointSucceeded(db: Executor, endpointId: string, at: Date): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ last_success_at: at })
    .where('id', '=', endpointId)
    .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', at)]))
    .execute();
}

/**
 * Disables an enabled endpoint that has had no successful delivery since `failingSince`; answers
 * whether it did. The condition is checked in the update itself, so a success racing it wins.
 */
export async function disableFailingEndpoint(
  db: Executor,
  endpointId: string,
  failingSince: Date,
  at: Date,
  reason: string,
): Promise<boolean> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ status: 'disabled', disabled_at: at, disabled_reason: reason })
    .where('id', '=', endpointId)
    .where('status', '=', 'enabled')
    .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', failingSince)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
