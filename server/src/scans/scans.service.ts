import type { Principal } from '../access/principal.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../lib/ids.ts';
import { checkPayload, parsePayload } from '../tickets/qr.ts';
import { ticketQrOf } from '../tickets/tickets.mapper.ts';
import { findOwnedTicket, type TicketDetailRow } from '../tickets/tickets.store.ts';
import { outboxEvent } from '../webhooks/webhooks.outbox.ts';
import { type ScanReason, type ScanResult, toScanResult } from './scans.mapper.ts';
import type { ScanInput } from './scans.schema.ts';
import { findAttempt, recordScan, type ScanPlace } from './scans.store.ts';

/** How long a scan made offline may wait to be uploaded, and how far ahead a device's clock may run. */
const OFFLINE_FOR_MS = 7 * 24 * 3600_000;
const CLOCK_AHEAD_MS = 5 * 60_000;

/**
 * Checks a door scan and settles the ticket's admission. A scan may come live (now) or from a
 * device that scanned offline (`scannedAt`, with its own `scanId`): the earliest scan of a ticket is
 * its admission, a later one is reported as its duplicate with both times and gates, and the same
 * `scanId` uploaded again is the same scan, never counted twice. The hot path is one primary-key
 * lookup and one statement (attempt, admission and webhook). A refused scan is a result with its
 * reason, not an error: the door needs to know why.
 */
export async function scanTicket(
  db: Database,
  scanner: Principal,
  input: ScanInput,
  now: Date,
): Promise<ScanResult> {
  const scannedAt = input.scannedAt ? scanTime(input.scannedAt, now) : now;
  const scan: ScanPlace = { scanId: input.scanId ?? newId('scn'), scannedAt, gate: input.gate ?? null };
  const refuse = (row: TicketDetailRow | null, reason: ScanReason) =>
    toScanResult(row, { valid: false, reason }, now, { scan });

  const parsed = parsePayload(input.payload);
  if (!parsed) return refuse(null, 'forged');
  // Another promoter's ticket is not found, exactly as a ticket that does not exist.
  const row = await findOwnedTicket(db, scanner, parsed.ticketId);
  if (!row) return refuse(null, 'not_found');
  // A rotating code is checked against the time it was shown, which offline is the scan's.
  const check = checkPayload(ticketQrOf(row), parsed, scannedAt);
  if (check === 'forged') return refuse(null, 'forged');
  // Another event than the door asked for, or than a scanner key was given.
  const otherEvent =
    (input.eventId !== undefined && input.eventId !== row.event_id) ||
    (scanner.eventIds !== undefined && !scanner.eventIds.includes(row.event_id));
  if (otherEvent) return refuse(row, 'wrong_event');
  if (check === 'expired_window') return refuse(row, 'expired_window');
  if (row.status === 'void') return refuse(row, 'void');

  // The answer to an admission is known before the write, so its webhook goes in the same statement.
  const admitted = toScanResult(row, { valid: true }, now, { scan, admission: scan });
  const event = outboxEvent({
    promoterId: scanner.promoterId,
    mode: scanner.mode,
    type: 'scan.recorded',
    data: admitted,
  });
  const recorded = await recordScan(
    db,
    {
      promoter_id: scanner.promoterId,
      scan_id: scan.scanId,
      ticket_id: row.id,
      event_id: row.event_id,
      key_id: scanner.keyId,
      gate: scan.gate,
      scanned_at: scannedAt,
    },
    event,
    input.scannedAt !== undefined,
  );
  if (recorded.kind === 'admitted') {
    return recorded.displaced
      ? toScanResult(row, { valid: true }, now, { scan, admission: scan, displaced: recorded.displaced })
      : admitted;
  }
  if (recorded.kind === 'duplicate') {
    return toScanResult(row, { valid: false, reason: 'already_scanned' }, now, {
      scan,
      admission: recorded.first,
    });
  }
  return replayed(db, scanner, row, scan.scanId, now);
}

/**
 * A scan id uploaded again: the answer it has now, admitted or a duplicate of an earlier scan, as
 * its first upload was recorded (not as the second says). The id of another ticket's scan is a 409.
 */
async function replayed(
  db: Database,
  scanner: Principal,
  row: TicketDetailRow,
  scanId: string,
  now: Date,
): Promise<ScanResult> {
  const found = await findAttempt(db, scanner.promoterId, scanId);
  if (!found || found.attempt.ticketId !== row.id) {
    throw new ApiError(
      409,
      'scan.id_reused',
      `The scan id '${scanId}' was used for another ticket's scan: make a new id for each scan.`,
      'scanId',
    );
  }
  const { attempt, admission } = found;
  const scan = { scanId: attempt.scanId, scannedAt: attempt.scannedAt, gate: attempt.gate };
  if (admission?.scanId === scanId) return toScanResult(row, { valid: true }, now, { scan, admission });
  return toScanResult(row, { valid: false, reason: 'already_scanned' }, now, { scan, admission });
}

/** The time a scanner says it scanned: within the last week, and not ahead of the server's clock. */
function scanTime(iso: string, now: Date): Date {
  const at = new Date(iso);
  if (at.getTime() > now.getTime() + CLOCK_AHEAD_MS) {
    throw new ApiError(
      400,
      'request.invalid',
      "scannedAt is in the future: check the scanner's clock.",
      'scannedAt',
    );
  }
  if (at.getTime() < now.getTime() - OFFLINE_FOR_MS) {
    throw new ApiError(
      400,
      'request.invalid',
      'scannedAt is more than 7 days ago: that scan can no longer be uploaded.',
      'scannedAt',
    );
  }
  return at;
}
