import { z } from 'zod';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { currentPayload, type TicketQr } from './qr.ts';
import type { TicketDetailRow } from './tickets.store.ts';

export const ticketSchema = z
  .object({
    id: z.string().describe('`tkt_…`'),
    orderId: z.string().describe('`ord_…`'),
    eventId: z.string().describe('`evt_…`'),
    tierId: z.string().describe('`tier_…`'),
    status: z.enum(['valid', 'void']).describe('`void` once its order is refunded in full.'),
    qrPayload: z
      .string()
      .describe(
        'What its QR code holds at this moment (it changes every 30 s when the event rotates codes).',
      ),
    scannedAt: utcInstant.nullable().describe('When it was first scanned in at the door; null until then.'),
  })
  .meta({ id: 'Ticket', description: 'One admission: a seat of an order, with its code.' });
export type Ticket = z.infer<typeof ticketSchema>;

/** What signs a ticket's QR payload, from a ticket row joined with its event. */
export function ticketQrOf(row: { id: string; qr_secret: string; rotating_qr: boolean }): TicketQr {
  return { ticketId: row.id, eventSecret: row.qr_secret, rotating: row.rotating_qr };
}

export function toTicket(row: TicketDetailRow, now: Date): Ticket {
  return {
    id: row.id,
    orderId: row.order_id,
    eventId: row.event_id,
    tierId: row.tier_id,
    status: row.status,
    qrPayload: currentPayload(ticketQrOf(row), now),
    scannedAt: isoOrNull(row.scanned_at),
  };
}
