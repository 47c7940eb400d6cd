import type { Executor, ScansTable } from '../db/database.ts';

/**
 * Records a ticket's accepted scan, once: the unique constraint on ticket_id decides between
 * concurrent scanners. Answers the scan time, or undefined when the ticket was already scanned.
 */
export async function recordScan(db: Executor, scan: Omit<ScansTable, 'scanned_at'> & { scanned_at: Date }) {
  const row = await db
    .insertInto('scans')
    .values(scan)
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .returning('scanned_at')
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
