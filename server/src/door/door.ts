import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { eventNotFound } from '../events/events.service.ts';
import { findOwnedEvent, type Owner } from '../events/events.store.ts';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { doorCountsOf, lastScanAt } from './door.store.ts';

const counts = {
  valid: z.number().int().min(0).describe('Tickets that may enter: issued and not voided by a refund.'),
  scanned: z.number().int().min(0).describe('Tickets scanned in.'),
};

export const doorCountsSchema = z
  .object({
    eventId: z.string().describe('`evt_…`'),
    tiers: z
      .array(z.object({ tierId: z.string(), name: z.string(), ...counts }))
      .describe('In the event’s tier order.'),
    totals: z.object(counts),
    lastScanAt: utcInstant.nullable().describe('The latest accepted scan; null before the first.'),
  })
  .meta({
    id: 'DoorCounts',
    description: 'Who is in and who is still to come, per tier: what a door shows.',
  });
export type DoorCounts = z.infer<typeof doorCountsSchema>;

/**
 * `GET /v1/events/:id/door`: tickets scanned in against tickets that may enter, per tier. Door
 * staff and scanner keys read it (no money in it); a scanner key only for its events.
 */
export async function doorCounts(db: Executor, owner: Owner, idOrSlug: string): Promise<DoorCounts> {
  const event = await findOwnedEvent(db, owner, idOrSlug);
  if (!event) throw eventNotFound(idOrSlug);
  const [tiers, last] = await Promise.all([doorCountsOf(db, event.id), lastScanAt(db, event.id)]);
  return {
    eventId: event.id,
    tiers: tiers.map((t) => ({ tierId: t.tier_id, name: t.name, valid: t.valid, scanned: t.scanned })),
    totals: {
      valid: tiers.reduce((sum, t) => sum + t.valid, 0),
      scanned: tiers.reduce((sum, t) => sum + t.scanned, 0),
    },
    lastScanAt: isoOrNull(last ?? null),
  };
}
