import { sql } from 'kysely';
import type { Executor, ScansTable } from '../db/database.ts';
import { type OutboxEvent, withEventAndDeliveries } from '../webhooks/webhooks.outbox.store.ts';

/**
 * Records a ticket's accepted scan, once, and its `scan.recorded` event for the endpoints that
 * listen: one statement, so the two commit together in one round trip. The unique constraint on
 * ticket_id decides between concurrent scanners, and a scan it refuses writes no event. Answers
 * the scan time, or undefined when the ticket was already scanned.
 */
export async function recordScan(
  db: Executor,
  scan: Omit<ScansTable, 'scanned_at'> & { scanned_at: Date },
  event: OutboxEvent,
): Promise<Date | undefined> {
  const recorded = db.with('recorded', (qb) =>
    qb
      .insertInto('scans')
      .values(scan)
      .onConflict((oc) => oc.column('ticket_id').doNothing())
      .returning('scanned_at'),
  );
  const row = await withEventAndDeliveries(recorded, event, sql<boolean>`exists (select from recorded)`)
    .selectFrom('recorded')
    .select('scanned_at')
    .executeTakeFirst();
  return row?.scanned_at;
}

/** When a ticket was first scanned, if it was. */
export async function findScanTime(db: Executor, ticketId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('scans')
    .select('scanned_at')
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row?.scanned_at;
}
