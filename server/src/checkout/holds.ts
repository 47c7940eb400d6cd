import type { Executor } from '../db/database.ts';
import type { TierRow } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import {
  closeSession,
  listSessionItems,
  lockDueSessions,
  type SessionItemRow,
  type SessionRow,
} from './checkout.store.ts';
import {
  convertHeldSeats,
  releaseSeats,
  reserveSeats,
  seatsLeft,
  sellFreeSeats,
  unsellSeats,
} from './holds.store.ts';

// The one owner of seats: holding them, freeing abandoned holds, giving them back, selling them,
// and the answer a buyer gets when a tier cannot cover a request. Every change to `reserved` and
// `sold` goes through here (and the conditional updates in holds.store.ts).

/** A tier and quantity a request wants, with its position in the request for error `param`s. */
export interface WantedItem {
  index: number;
  tier: TierRow;
  quantity: number;
}

/**
 * Runs `attempt` (a conditional hold on one tier); when it finds the tier full, frees the expired
 * holds on that tier and tries once more. A tier that looks full may only be held by abandoned
 * checkouts. Undefined when it is full all the same.
 */
export async function holdFreeingExpired<T>(
  tx: Executor,
  tierId: string,
  attempt: (tx: Executor) => Promise<T | undefined>,
): Promise<T | undefined> {
  const first = await attempt(tx);
  if (first !== undefined) return first;
  if ((await expireDueSessions(tx, { limit: 100, tierId })) === 0) return undefined;
  return attempt(tx);
}

/**
 * Holds the seats inside the caller's transaction, one conditional update per tier, in a fixed
 * tier order so two sessions for the same tiers cannot deadlock. Callers do it last before
 * COMMIT: the tier row stays locked from here to the commit, and in an on-sale every buyer waits
 * for that row. Throws `event.tier_oversold` (the transaction rolls back) when a tier cannot cover it.
 */
export async function holdSeats(tx: Executor, wanted: WantedItem[]): Promise<void> {
  for (const w of [...wanted].sort((a, b) => a.tier.id.localeCompare(b.tier.id))) {
    const held = await holdFreeingExpired(tx, w.tier.id, async (ex) =>
      (await reserveSeats(ex, w.tier.id, w.quantity)) ? true : undefined,
    );
    if (!held) throw await oversold(tx, w);
  }
}

/** The 409 for a tier that cannot cover a request, saying how many seats it has left. */
export async function oversold(db: Executor, w: WantedItem): Promise<ApiError> {
  const left = await seatsLeft(db, w.tier.id);
  return new ApiError(
    409,
    'event.tier_oversold',
    `Tier '${w.tier.name}' has ${left} left.`,
    `items[${w.index}].quantity`,
  );
}

/** Gives back every seat an open session holds; the caller holds the session row lock. */
export async function releaseSessionSeats(tx: Executor, sessionId: string): Promise<void> {
  for (const item of await listSessionItems(tx, sessionId)) {
    await releaseSeats(tx, item.tier_id, item.quantity);
  }
}

/** Gives a session's held seats back and closes it; the caller holds the session row lock. */
export async function releaseHold(
  tx: Executor,
  session: SessionRow,
  status: 'expired' | 'cancelled',
): Promise<void> {
  await releaseSessionSeats(tx, session.id);
  await closeSession(tx, session.id, status);
}

/**
 * Expires open sessions whose hold ran out and releases their seats, in the caller's transaction.
 * With `tierId`, only sessions holding that tier: a buyer who finds it full frees it first.
 */
export async function expireDueSessions(
  tx: Executor,
  options: { limit: number; tierId?: string },
): Promise<number> {
  const due = await lockDueSessions(tx, options);
  for (const session of due) await releaseHold(tx, session, 'expired');
  return due.length;
}

/** Turns what an open session held into sold seats (its payment succeeded, or it was free). */
export async function sellHeldSeats(tx: Executor, items: SessionItemRow[]): Promise<void> {
  for (const item of items) await convertHeldSeats(tx, item.tier_id, item.quantity);
}

/**
 * Sells a closed session's seats again from free stock, all or none (its payment arrived after the
 * hold was released); false when a tier has too few left.
 */
export async function sellFromFreeStock(tx: Executor, items: SessionItemRow[]): Promise<boolean> {
  const sold: SessionItemRow[] = [];
  for (const item of items) {
    if (!(await sellFreeSeats(tx, item.tier_id, item.quantity))) {
      for (const done of sold) await unsellSeats(tx, done.tier_id, done.quantity);
      return false;
    }
    sold.push(item);
  }
  return true;
}
