import type { Principal } from '../access/principal.ts';
import type { Database } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import { checkPayload, parsePayload } from '../tickets/qr.ts';
import { ticketQrOf } from '../tickets/tickets.mapper.ts';
import { findOwnedTicket } from '../tickets/tickets.store.ts';
import { outboxEvent } from '../webhooks/webhooks.outbox.ts';
import { type ScanResult, toScanResult } from './scans.mapper.ts';
import type { ScanInput } from './scans.schema.ts';
import { findScanTime, recordScan } from './scans.store.ts';

/**
 * Checks a door scan at `now` and records the first accepted one. The hot path is one primary-key
 * lookup (ticket, its event, its scan) and one statement that inserts the scan with its webhook,
 * deduplicated by the unique constraint, so two doors scanning the same ticket at once accept it
 * once. A refused scan is a result with its reason, not an error: the door needs to know why.
 */
export async function scanTicket(
  db: Database,
  scanner: Principal,
  input: ScanInput,
  now: Date,
): Promise<ScanResult> {
  const parsed = parsePayload(input.payload);
  if (!parsed) return toScanResult(null, { valid: false, reason: 'forged' }, now);
  // Another promoter's ticket is not found, exactly as a ticket that does not exist.
  const row = await findOwnedTicket(db, scanner, parsed.ticketId);
  if (!row) return toScanResult(null, { valid: false, reason: 'not_found' }, now);
  const check = checkPayload(ticketQrOf(row), parsed, now);
  if (check === 'forged') return toScanResult(null, { valid: false, reason: 'forged' }, now);
  // Another event than the door asked for, or than a scanner key was given.
  const otherEvent =
    (input.eventId !== undefined && input.eventId !== row.event_id) ||
    (scanner.eventIds !== undefined && !scanner.eventIds.includes(row.event_id));
  if (otherEvent) return toScanResult(row, { valid: false, reason: 'wrong_event' }, now);
  if (check === 'expired_window') return toScanResult(row, { valid: false, reason: 'expired_window' }, now);
  if (row.status === 'void') return toScanResult(row, { valid: false, reason: 'void' }, now);

  // The answer is known before the write (the scan is at `now`), so the scan and its
  // `scan.recorded` webhook go in one statement, written only for endpoints that listen.
  const result = toScanResult({ ...row, scanned_at: now }, { valid: true }, now);
  const event = outboxEvent({
    promoterId: scanner.promoterId,
    mode: scanner.mode,
    type: 'scan.recorded',
    data: result,
  });
  const scan = { id: newId('scn'), ticket_id: row.id, event_id: row.event_id, key_id: scanner.keyId };
  if (await recordScan(db, { ...scan, scanned_at: now }, event)) return result;
  // Scanned before: answer the first time, which the lookup saw unless a scan raced it.
  const first = row.scanned_at ?? (await findScanTime(db, row.id)) ?? null;
  return toScanResult({ ...row, scanned_at: first }, { valid: false, reason: 'already_scanned' }, now);
}
