import { z } from 'zod';
import { utcInstant } from '../lib/dates.ts';
import { ticketSchema, toTicket } from '../tickets/tickets.mapper.ts';
import type { TicketDetailRow } from '../tickets/tickets.store.ts';
import type { ScanPlace } from './scans.store.ts';

export const SCAN_REASONS = [
  'already_scanned',
  'void',
  'forged',
  'expired_window',
  'wrong_event',
  'not_found',
] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];

export const scanPlaceSchema = z
  .object({
    scanId: z.string(),
    scannedAt: utcInstant,
    gate: z.string().nullable().describe('The gate or device, as the scanner named it.'),
  })
  .meta({ id: 'ScanPlace', description: 'A scan: which, when and where.' });
export type ScanPlaceJson = z.infer<typeof scanPlaceSchema>;

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
    scan: scanPlaceSchema.describe('This scan: its id (yours, or one made for it), time and gate.'),
    admission: scanPlaceSchema
      .nullable()
      .describe(
        "The ticket's admission after this scan: its earliest scan, wherever it was made. For `already_scanned`, the scan this one duplicates (when and at which gate).",
      ),
    displaced: scanPlaceSchema
      .nullable()
      .describe(
        'A later scan this one, made earlier offline, displaced as the admission: it is now the duplicate. Null otherwise.',
      ),
  })
  .meta({
    id: 'ScanResult',
    description: 'What a door scanner hears back; a refused scan names its reason.',
  });
export type ScanResult = z.infer<typeof scanResultSchema>;

const placeJson = (place: ScanPlace): ScanPlaceJson => ({
  scanId: place.scanId,
  scannedAt: place.scannedAt.toISOString(),
  gate: place.gate,
});

/**
 * The answer to a scan: the outcome, the ticket (as it stands after the scan), this scan, and the
 * ticket's admission (and a displaced later scan) when the scan got that far.
 */
export function toScanResult(
  row: TicketDetailRow | null,
  outcome: { valid: true } | { valid: false; reason: ScanReason },
  now: Date,
  places: { scan: ScanPlace; admission?: ScanPlace | null; displaced?: ScanPlace | null },
): ScanResult {
  const known: ScanPlace | null =
    row?.scanned_at && row.scan_id
      ? { scanId: row.scan_id, scannedAt: new Date(row.scanned_at), gate: row.scanned_gate ?? null }
      : null;
  const admission = places.admission === undefined ? known : places.admission;
  const ticket = row && toTicket({ ...row, scanned_at: admission?.scannedAt ?? null }, now);
  return {
    ...outcome,
    ticket,
    scannedAt: ticket?.scannedAt ?? null,
    scan: placeJson(places.scan),
    admission: admission && placeJson(admission),
    displaced: places.displaced ? placeJson(places.displaced) : null,
  };
}
