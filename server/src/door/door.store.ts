import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface DoorTierRow {
  tier_id: string;
  name: string;
  /** Tickets that can still get in: issued and not voided. */
  valid: number;
  scanned: number;
}

/** Per tier of an event, in its order: tickets that may enter and tickets scanned in. One query. */
export async function doorCountsOf(db: Executor, eventId: string): Promise<DoorTierRow[]> {
  const rows = await db
    .selectFrom('tiers')
    .leftJoin('tickets', 'tickets.tier_id', 'tiers.id')
    .leftJoin('scans', 'scans.ticket_id', 'tickets.id')
    .select([
      'tiers.id as tier_id',
      'tiers.name',
      sql<string>`count(tickets.id) filter (where tickets.status = 'valid')`.as('valid'),
      sql<string>`count(scans.id)`.as('scanned'),
    ])
    .where('tiers.event_id', '=', eventId)
    .groupBy(['tiers.id', 'tiers.name', 'tiers.position'])
    .orderBy('tiers.position')
    .execute();
  return rows.map((r) => ({ ...r, valid: Number(r.valid), scanned: Number(r.scanned) }));
}

/** The time of the event's latest accepted scan, if any. */
export async function lastScanAt(db: Executor, eventId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('scans')
    .select((eb) => eb.fn.max('scanned_at').as('last'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row?.last ? new Date(row.last) : undefined;
}

export interface DoorTicketRow {
  id: string;
  tier_id: string;
  status: 'valid' | 'void';
  scan_id: string | null;
  scanned_at: Date | null;
  gate: string | null;
}

/** Every ticket of an event with its admission, in a stable order: what a scanner takes offline. */
export async function ticketsForDoor(db: Executor, eventId: string): Promise<DoorTicketRow[]> {
  return db
    .selectFrom('tickets')
    .leftJoin('scans', 'scans.ticket_id', 'tickets.id')
    .select([
      'tickets.id',
      'tickets.tier_id',
      'tickets.status',
      'scans.id as scan_id',
      'scans.scanned_at',
      'scans.gate',
    ])
    .where('tickets.event_id', '=', eventId)
    .orderBy('tickets.id')
    .execute();
}
