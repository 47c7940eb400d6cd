import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { ownedEventOrNotFound } from '../events/events.service.ts';
import { listTiers, type Owner } from '../events/events.store.ts';
import { utcInstant } from '../lib/dates.ts';
import { scanPlaceSchema } from '../scans/scans.mapper.ts';
import { QR_WINDOW_SECONDS, rotatingKeyOf, staticPublicKey } from '../tickets/qr.ts';
import { ticketsForDoor } from './door.store.ts';

export const scanManifestSchema = z
  .object({
    eventId: z.string().describe('`evt_…`'),
    title: z.string(),
    doors: utcInstant,
    rotatingQr: z.boolean(),
    verification: z
      .object({
        staticPublicKey: z
          .string()
          .describe(
            "The event's Ed25519 public key (raw, base64url): a static code `tkt_….signature` is valid when the signature of the ticket id verifies. It checks codes and cannot make one.",
          ),
        rotatingKey: z
          .string()
          .nullable()
          .describe(
            "For an event with rotating codes only: the HMAC-SHA256 key of `ticketId.windowStart` (the first 22 base64url characters). A device holding it could make this event's rotating codes, and no other event's; null when codes do not rotate.",
          ),
        windowSeconds: z
          .number()
          .int()
          .describe('How long a rotating code lasts; one window either side is accepted.'),
      })
      .describe(
        'What a device needs to check codes offline, and nothing that makes a code of another event.',
      ),
    tiers: z.array(z.object({ tierId: z.string(), name: z.string() })),
    tickets: z
      .array(
        z.object({
          id: z.string(),
          tierId: z.string(),
          status: z.enum(['valid', 'void']).describe('`void`: refunded, it must not enter.'),
          admission: scanPlaceSchema.nullable().describe('Its admission so far; null if not scanned in.'),
        }),
      )
      .describe('Every ticket of the event, by id.'),
    generatedAt: utcInstant.describe('When this was read: scans after it are not in it.'),
  })
  .meta({
    id: 'ScanManifest',
    description: 'What a scanner downloads before doors to check tickets with no network.',
  });
export type ScanManifest = z.infer<typeof scanManifestSchema>;

/**
 * `GET /v1/events/:id/scan-manifest`: an event's tickets, their admissions and the keys that check
 * codes offline. Static codes are Ed25519-signed, so the device gets the public key only; rotating
 * codes are HMACs of the window, so a device that checks them offline holds that event's rotating
 * key, derived from the event's secret and useless for any other event (README, "Door keys").
 */
export async function scanManifest(
  db: Executor,
  owner: Owner,
  idOrSlug: string,
  now: Date,
): Promise<ScanManifest> {
  const event = await ownedEventOrNotFound(db, owner, idOrSlug);
  const [tiers, tickets] = await Promise.all([listTiers(db, event.id), ticketsForDoor(db, event.id)]);
  return {
    eventId: event.id,
    title: event.title,
    doors: new Date(event.doors).toISOString(),
    rotatingQr: event.rotating_qr,
    verification: {
      staticPublicKey: staticPublicKey(event.qr_secret),
      rotatingKey: event.rotating_qr ? rotatingKeyOf(event.qr_secret) : null,
      windowSeconds: QR_WINDOW_SECONDS,
    },
    tiers: tiers.map((tier) => ({ tierId: tier.id, name: tier.name })),
    tickets: tickets.map((t) => ({
      id: t.id,
      tierId: t.tier_id,
      status: t.status,
      admission:
        t.scan_id && t.scanned_at
          ? { scanId: t.scan_id, scannedAt: new Date(t.scanned_at).toISOString(), gate: t.gate }
          : null,
    })),
    generatedAt: now.toISOString(),
  };
}
