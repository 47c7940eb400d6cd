import type { Executor } from '../db/database.ts';
import { listTiers, type TierRow } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import type { CreateSessionInput } from './checkout.schema.ts';
import type { SessionItemRow } from './checkout.store.ts';
import type { WantedItem } from './holds.ts';

/** Matches requested items to the event's tiers (by id or slug) and checks what can be checked before holding. */
export async function resolveItems(
  db: Executor,
  eventId: string,
  items: CreateSessionInput['items'],
): Promise<WantedItem[]> {
  const tiers = await listTiers(db, eventId);
  const now = new Date();
  const wanted = items.map((item, index) => {
    const tier = tiers.find((t) => (item.tierId ? t.id === item.tierId : t.slug === item.tier));
    const param = `items[${index}].${item.tierId ? 'tierId' : 'tier'}`;
    if (!tier) {
      throw new ApiError(
        400,
        'event.tier_not_found',
        `No tier '${item.tierId ?? item.tier}' in this event.`,
        param,
      );
    }
    const closed = salesWindowProblem(tier, now);
    if (closed) throw new ApiError(409, 'event.tier_not_on_sale', `Tier '${tier.name}' ${closed}.`, param);
    if (item.quantity > tier.max_per_order) {
      const message = `At most ${tier.max_per_order} '${tier.name}' tickets per order.`;
      throw new ApiError(400, 'request.invalid', message, `items[${index}].quantity`);
    }
    return { index, tier, quantity: item.quantity };
  });
  if (new Set(wanted.map((w) => w.tier.id)).size !== wanted.length) {
    throw new ApiError(400, 'request.invalid', 'Each tier may appear once in items.', 'items');
  }
  return wanted;
}

/** The rows a session stores for what it holds, at the prices the tiers have now. */
export function sessionItemsOf(sessionId: string, wanted: WantedItem[]): SessionItemRow[] {
  return wanted.map((w) => ({
    session_id: sessionId,
    tier_id: w.tier.id,
    quantity: w.quantity,
    unit_price: w.tier.price,
  }));
}

/** Why a tier cannot be bought at `now`, or null while its sales window is open. */
export function salesWindowProblem(
  tier: Pick<TierRow, 'sales_start' | 'sales_end'>,
  now: Date,
): string | null {
  if (tier.sales_start && tier.sales_start > now) return `goes on sale at ${tier.sales_start.toISOString()}`;
  if (tier.sales_end && tier.sales_end <= now) return 'is no longer on sale';
  return null;
}
