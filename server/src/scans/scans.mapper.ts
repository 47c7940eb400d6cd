import { type TicketDetail, toTicketDetail } from '../tickets/tickets.mapper.ts';
import type { TicketDetailRow } from '../tickets/tickets.store.ts';

export type ScanReason =
  | 'already_scanned'
  | 'void'
  | 'forged'
  | 'expired_window'
  | 'wrong_event'
  | 'not_found';

/** What a door scanner hears back; a refused scan names its reason. */
export interface ScanResult {
  valid: boolean;
  reason?: ScanReason;
  /** Null when the payload names no ticket of yours, or was not signed by us. */
  ticket: TicketDetail | null;
  /** The (first) time the ticket was scanned in; null if it never was. */
  scannedAt: string | null;
}

export function toScanResult(
  row: TicketDetailRow | null,
  outcome: { valid: true } | { valid: false; reason: ScanReason },
  now: Date,
): ScanResult {
  const ticket = row && toTicketDetail(row, now);
  return { ...outcome, ticket, scannedAt: ticket?.scannedAt ?? null };
}
