import { currentPayload, type TicketQr } from './qr.ts';
import type { TicketDetailRow } from './tickets.store.ts';

/** A ticket as the promoter API shows it. */
export interface TicketDetail {
  id: string;
  orderId: string;
  eventId: string;
  tierId: string;
  status: TicketDetailRow['status'];
  qrPayload: string;
  /** When the ticket was first scanned in at the door; null until then. */
  scannedAt: string | null;
}

/** What signs a ticket's QR payload, from a ticket row joined with its event. */
export function ticketQrOf(row: { id: string; qr_secret: string; rotating_qr: boolean }): TicketQr {
  return { ticketId: row.id, eventSecret: row.qr_secret, rotating: row.rotating_qr };
}

export function toTicketDetail(row: TicketDetailRow, now: Date): TicketDetail {
  return {
    id: row.id,
    orderId: row.order_id,
    eventId: row.event_id,
    tierId: row.tier_id,
    status: row.status,
    qrPayload: currentPayload(ticketQrOf(row), now),
    scannedAt: row.scanned_at ? new Date(row.scanned_at).toISOString() : null,
  };
}
