import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { type OutboxEvent, withEventAndDeliveries } from '../webhooks/webhooks.outbox.store.ts';

/** One scan of a valid ticket, as the scanner made it (offline, `scanned_at` is the device's time). */
export interface ScanAttempt {
  promoter_id: string;
  /** The scanner's own id for this scan: a re-upload of it is the same scan. */
  scan_id: string;
  ticket_id: string;
  event_id: string;
  key_id: string | null;
  gate: string | null;
  scanned_at: Date;
}

/** A scan as a result names it: when and where. */
export interface ScanPlace {
  scanId: string;
  scannedAt: Date;
  gate: string | null;
}

/** What recording an attempt did to the ticket's admission. */
export type Recorded =
  /** This scan is the admission: the ticket's first, or earlier than the one it displaced. */
  | { kind: 'admitted'; displaced: ScanPlace | null }
  /** An earlier scan is the admission: this one is a duplicate of it. */
  | { kind: 'duplicate'; first: ScanPlace }
  /** The scan id was recorded before (a re-upload): nothing changed. */
  | { kind: 'replayed' };

/**
 * Records a scan attempt and settles the ticket's admission, in one statement: the attempt
 * (deduplicated by its scan id), the admission (the unique ticket_id decides between scanners, and
 * an earlier scan made offline displaces a later one), and the `scan.recorded` webhook for the
 * endpoints that listen, written only when the ticket is admitted for the first time. The
 * `previous` CTE reads the admission as it stood before this statement. Only a scan made offline
 * (`offline`: its time is the device's) may displace one: two doors scanning live at once are
 * settled by which insert came first, so one of them is told no.
 */
export async function recordScan(
  db: Executor,
  attempt: ScanAttempt,
  event: OutboxEvent,
  offline: boolean,
): Promise<Recorded> {
  const statement = db
    .with('attempt', (qb) =>
      qb
        .insertInto('scan_attempts')
        .values(attempt)
        .onConflict((oc) => oc.columns(['promoter_id', 'scan_id']).doNothing())
        .returning('scan_id'),
    )
    .with('previous', (qb) =>
      qb.selectFrom('scans').select(['id', 'scanned_at', 'gate']).where('ticket_id', '=', attempt.ticket_id),
    )
    .with('recorded', (qb) =>
      qb
        .insertInto('scans')
        .columns(['id', 'ticket_id', 'event_id', 'key_id', 'scanned_at', 'gate'])
        .expression((eb) =>
          eb
            .selectFrom('attempt')
            .select([
              sql<string>`${attempt.scan_id}::text`.as('id'),
              sql<string>`${attempt.ticket_id}::text`.as('ticket_id'),
              sql<string>`${attempt.event_id}::text`.as('event_id'),
              sql<string | null>`${attempt.key_id}::text`.as('key_id'),
              sql<Date>`${attempt.scanned_at}::timestamptz`.as('scanned_at'),
              sql<string | null>`${attempt.gate}::text`.as('gate'),
            ]),
        )
        .onConflict((oc) =>
          oc
            .column('ticket_id')
            .doUpdateSet((eb) => ({
              id: eb.ref('excluded.id'),
              key_id: eb.ref('excluded.key_id'),
              scanned_at: eb.ref('excluded.scanned_at'),
              gate: eb.ref('excluded.gate'),
            }))
            .where('excluded.scanned_at', '<', (eb) => eb.ref('scans.scanned_at'))
            .where(sql<boolean>`${offline}::boolean`),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('inserted')),
    );
  const row = await withEventAndDeliveries(
    statement,
    event,
    sql<boolean>`exists (select from recorded where inserted)`,
  )
    .selectNoFrom((eb) => [
      eb.selectFrom('attempt').select('scan_id').as('attempted'),
      eb.selectFrom('recorded').select('inserted').as('inserted'),
      eb.selectFrom('previous').select('id').as('previous_id'),
      eb.selectFrom('previous').select('scanned_at').as('previous_at'),
      eb.selectFrom('previous').select('gate').as('previous_gate'),
    ])
    .executeTakeFirstOrThrow();
  if (!row.attempted) return { kind: 'replayed' };
  const previous: ScanPlace | null = row.previous_id
    ? {
        scanId: row.previous_id,
        scannedAt: new Date(row.previous_at as Date),
        gate: row.previous_gate ?? null,
      }
    : null;
  if (row.inserted !== null) return { kind: 'admitted', displaced: row.inserted ? null : previous };
  // A scan that raced this one committed after this statement's snapshot: read the admission it made.
  return { kind: 'duplicate', first: previous ?? (await findAdmission(db, attempt.ticket_id)) };
}

/** A ticket's admission as committed now. */
async function findAdmission(db: Executor, ticketId: string): Promise<ScanPlace> {
  const row = await db
    .selectFrom('scans')
    .select(['id', 'scanned_at', 'gate'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return { scanId: row.id, scannedAt: new Date(row.scanned_at), gate: row.gate };
}

/** An attempt recorded before, by its scanner's id, with the ticket's admission now. */
export async function findAttempt(
  db: Executor,
  promoterId: string,
  scanId: string,
): Promise<{ attempt: ScanPlace & { ticketId: string }; admission: ScanPlace | null } | undefined> {
  const row = await db
    .selectFrom('scan_attempts as a')
    .leftJoin('scans as s', 's.ticket_id', 'a.ticket_id')
    .select([
      'a.scan_id',
      'a.ticket_id',
      'a.scanned_at',
      'a.gate',
      's.id as admission_id',
      's.scanned_at as admission_at',
      's.gate as admission_gate',
    ])
    .where('a.promoter_id', '=', promoterId)
    .where('a.scan_id', '=', scanId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    attempt: {
      scanId: row.scan_id,
      ticketId: row.ticket_id,
      scannedAt: new Date(row.scanned_at),
      gate: row.gate,
    },
    admission: row.admission_id
      ? { scanId: row.admission_id, scannedAt: new Date(row.admission_at as Date), gate: row.admission_gate }
      : null,
  };
}
