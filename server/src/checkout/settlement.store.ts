import { sql } from 'kysely';
import type { Executor, PaymentStatus } from '../db/database.ts';
import { type SessionRow, settled } from './checkout.store.ts';

// The worker's queue of sessions whose Stripe side is owed something: when to look next, what it
// did, and how it failed. `settle_at` orders the queue; null means nothing is owed.

/** Records what the worker did at Stripe; `next` null means nothing more is owed. */
export async function recordSettlement(
  db: Executor,
  id: string,
  change: { paymentStatus?: PaymentStatus; cancelled?: boolean; next: Date | null },
): Promise<void> {
  await db
    .updateTable('checkout_sessions')
    .set({
      ...(change.paymentStatus ? { payment_status: change.paymentStatus } : {}),
      ...(change.cancelled ? { intent_cancel_pending: false } : {}),
      ...(change.next ? { settle_at: change.next, settle_attempts: 0, settle_error: null } : settled),
    })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: tried again at `next`, or given up (`next` null) with the error kept for the promoter. */
export async function recordSettlementFailure(
  db: Executor,
  id: string,
  failure: { error: string; next: Date | null },
): Promise<void> {
  await db
    .updateTable('checkout_sessions')
    .set((eb) => ({
      settle_at: failure.next,
      settle_attempts: eb('settle_attempts', '+', 1),
      settle_error: failure.error.slice(0, 500),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Claims the sessions whose Stripe side is due, soonest first, pushing their due time out by a
 * lease so another worker does not take them meanwhile (a crashed worker's claims come due again).
 * Every attempt moves a session's due time, failed ones by their backoff, so none can hold the
 * queue: sessions that never settle fall behind the ones that do.
 */
export async function claimDueSettlements(
  db: Executor,
  options: { limit: number; leaseSeconds: number },
): Promise<SessionRow[]> {
  return db
    .updateTable('checkout_sessions')
    .set({ settle_at: sql<Date>`now() + make_interval(secs => ${options.leaseSeconds})` })
    .where(
      'id',
      'in',
      db
        .selectFrom('checkout_sessions')
        .select('id')
        .where('settle_at', '<=', sql<Date>`now()`)
        .orderBy('settle_at')
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Asks the worker to try again now: a promoter's answer to a settlement it gave up on. */
export async function requestSettlement(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('checkout_sessions')
    .set({ settle_at: sql<Date>`now()`, settle_attempts: 0 })
    .where('id', '=', id)
    .execute();
}
