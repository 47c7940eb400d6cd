import { type Insertable, type Selectable, sql } from 'kysely';
import type {
  CheckoutSessionItemsTable,
  CheckoutSessionsTable,
  Executor,
  PaymentStatus,
} from '../db/database.ts';

export type SessionRow = Selectable<CheckoutSessionsTable>;
export type SessionItemRow = Selectable<CheckoutSessionItemsTable>;

/** Nothing more is owed at Stripe: the worker stops asking about the session. */
export const settled = { settle_at: null, settle_attempts: 0, settle_error: null } as const;

export async function insertSession(
  db: Executor,
  session: Insertable<CheckoutSessionsTable>,
  items: SessionItemRow[],
): Promise<SessionRow> {
  const row = await db
    .insertInto('checkout_sessions')
    .values(session)
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('checkout_session_items').values(items).execute();
  return row;
}

/**
 * Opens a session for a single tier in one autocommit statement: the conditional UPDATE holds the
 * seats and the session and its item are written only if it did. Nothing else runs while the tier
 * row is locked (no round trip back to the app before COMMIT), which is what an on-sale's hot
 * tier needs. Undefined when the tier cannot cover the quantity.
 */
export async function insertSessionHoldingSeats(
  db: Executor,
  session: Insertable<CheckoutSessionsTable>,
  item: SessionItemRow,
): Promise<SessionRow | undefined> {
  return db
    .with('held', (qb) =>
      qb
        .updateTable('tiers')
        .set((eb) => ({ reserved: eb('reserved', '+', item.quantity) }))
        .where('id', '=', item.tier_id)
        .where(sql<boolean>`sold + reserved + ${item.quantity} <= stock`)
        .returning('id'),
    )
    .with('created', (qb) =>
      qb
        .insertInto('checkout_sessions')
        .columns(Object.keys(session) as (keyof CheckoutSessionsTable)[])
        .expression((eb) =>
          eb
            .selectFrom('held')
            .select(Object.entries(session).map(([column, value]) => eb.val(value).as(column))),
        )
        .returningAll(),
    )
    .with('item', (qb) =>
      qb
        .insertInto('checkout_session_items')
        .columns(['session_id', 'tier_id', 'quantity', 'unit_price'])
        .expression((eb) =>
          eb
            .selectFrom('created')
            .select([
              'created.id',
              eb.val(item.tier_id).as('tier_id'),
              eb.val(item.quantity).as('quantity'),
              eb.val(item.unit_price).as('unit_price'),
            ]),
        ),
    )
    .selectFrom('created')
    .selectAll()
    .executeTakeFirst();
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('checkout_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The session row locked for the rest of the transaction, so webhooks and buyers take turns. */
export async function lockSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('checkout_sessions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listSessionItems(db: Executor, sessionId: string): Promise<SessionItemRow[]> {
  return db
    .selectFrom('checkout_session_items')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('tier_id')
    .execute();
}

/**
 * Records the PaymentIntent the server created for the session, once; a second call with another
 * id changes nothing and returns false. From now on the worker checks with Stripe too (in case the
 * webhook never comes), first after `firstCheckSeconds`.
 */
export async function attachPaymentIntent(
  db: Executor,
  sessionId: string,
  paymentIntentId: string,
  firstCheckSeconds: number,
): Promise<boolean> {
  const result = await db
    .updateTable('checkout_sessions')
    .set({
      payment_intent_id: paymentIntentId,
      settle_at: sql<Date>`coalesce(settle_at, now() + make_interval(secs => ${firstCheckSeconds}))`,
    })
    .where('id', '=', sessionId)
    .where((eb) =>
      eb.or([eb('payment_intent_id', 'is', null), eb('payment_intent_id', '=', paymentIntentId)]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The session that recorded this PaymentIntent, locked: the only one it may complete. */
export async function lockSessionByPaymentIntent(
  db: Executor,
  paymentIntentId: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('checkout_sessions')
    .selectAll()
    .where('payment_intent_id', '=', paymentIntentId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markSessionComplete(db: Executor, sessionId: string, orderId: string): Promise<void> {
  await db
    .updateTable('checkout_sessions')
    .set({
      status: 'complete',
      payment_status: 'paid',
      order_id: orderId,
      completed_at: sql`now()`,
      ...settled,
    })
    .where('id', '=', sessionId)
    .execute();
}

/**
 * Open sessions whose hold ran out, locked for this transaction. SKIP LOCKED lets any number of
 * workers (and buyers who find a tier full) share the work without waiting on each other.
 */
export async function lockDueSessions(
  db: Executor,
  options: { limit: number; tierId?: string },
): Promise<SessionRow[]> {
  let query = db
    .selectFrom('checkout_sessions')
    .selectAll()
    .where('status', '=', 'open')
    .where('expires_at', '<=', sql<Date>`now()`);
  if (options.tierId) {
    const tierId = options.tierId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('checkout_session_items')
          .select('tier_id')
          .whereRef('checkout_session_items.session_id', '=', 'checkout_sessions.id')
          .where('checkout_session_items.tier_id', '=', tierId),
      ),
    );
  }
  return query.orderBy('expires_at').limit(options.limit).forUpdate().skipLocked().execute();
}

/**
 * Closes an open session; its PaymentIntent, if any, is left for the worker to cancel at Stripe,
 * which it does at once.
 */
export async function closeSession(db: Executor, id: string, status: 'expired' | 'cancelled'): Promise<void> {
  await db
    .updateTable('checkout_sessions')
    .set({
      status,
      intent_cancel_pending: sql<boolean>`payment_intent_id is not null`,
      settle_at: sql<Date>`case when payment_intent_id is not null then now() else settle_at end`,
    })
    .where('id', '=', id)
    .execute();
}

/** A payment to give back in full (it came when no seats were left); the worker refunds it at once. */
export async function markRefundPending(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('checkout_sessions')
    .set({ payment_status: 'refund_pending', settle_at: sql<Date>`now()`, settle_attempts: 0 })
    .where('id', '=', id)
    .execute();
}

/** Swaps a session's items and total for new ones held in the same transaction. */
export async function replaceSessionItems(
  db: Executor,
  sessionId: string,
  items: SessionItemRow[],
): Promise<void> {
  await db.deleteFrom('checkout_session_items').where('session_id', '=', sessionId).execute();
  await db.insertInto('checkout_session_items').values(items).execute();
  await db
    .updateTable('checkout_sessions')
    .set({ amount_total: items.reduce((sum, i) => sum + i.quantity * i.unit_price, 0) })
    .where('id', '=', sessionId)
    .execute();
}
