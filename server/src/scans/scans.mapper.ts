import { z } from 'zod';
import { utcInstant } from '../lib/dates.ts';
import { ticketSchema, toTicket } from '../tickets/tickets.mapper.ts';
import type { TicketDetailRow } from '../tickets/tickets.store.ts';

export const SCAN_REASONS = [
  'already_scanned',
  'void',
  'forged',
  'expired_window',
  'wrong_event',
  'not_found',
] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];

export const scanResultSchema = z
  .object({
    valid: z.boolean().describe('Let them in.'),
    reason: z
      .enum(SCAN_REASONS)
      .optional()
      .describe(
        'Why a scan was refused: scanned before, refunded, not signed by us, an old rotating code, ' +
          'another event, or no ticket of yours.',
      ),
    ticket: ticketSchema
      .nullable()
      .describe('Null when the payload names no ticket of yours, or was not signed by us.'),
    scannedAt: utcInstant
      .nullable()
      .describe('The (first) time the ticket was scanned in; null if it never was.'),
  })
  .meta({
    id: 'ScanResult',
    description: 'What a door scanner hears back; a refused scan names its reason.',
  });
export type ScanResult = z.infer<typeof scanResultSchema>;

export function toScanResult(
  row: TicketDetailRow | null,
  outcome: { valid: true } | { valid: false; reason: ScanReason },
  now: Date,
): ScanResult {
  const ticket = row && toTicket(row, now);
  return { ...outcome, ticket, scannedAt: ticket?.scannedAt ?? null };
}
