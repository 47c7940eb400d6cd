import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { ownedEventOrNotFound } from '../events/events.service.ts';
import type { Owner } from '../events/events.store.ts';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { doorCountsOf } from './door.store.ts';

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
  const event = await ownedEventOrNotFound(db, owner, idOrSlug);
  const tiers = await doorCountsOf(db, event.id);
  const last = tiers.reduce<Date | null>(
    (latest, t) =>
      t.last_scan_at && (!latest || t.last_scan_at > latest) ? new Date(t.last_scan_at) : latest,
    null,
  );
  return {
    eventId: event.id,
    tiers: tiers.map((t) => ({ tierId: t.tier_id, name: t.name, valid: t.valid, scanned: t.scanned })),
    totals: {
      valid: tiers.reduce((sum, t) => sum + t.valid, 0),
      scanned: tiers.reduce((sum, t) => sum + t.scanned, 0),
    },
    lastScanAt: isoOrNull(last),
  };
}
