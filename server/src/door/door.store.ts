import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface DoorTierRow {
  tier_id: string;
  name: string;
  /** Tickets that can still get in: issued and not voided. */
  valid: number;
  scanned: number;
  /** The tier's latest accepted scan. */
  last_scan_at: Date | null;
}

/** Per tier of an event, in its order: tickets that may enter, tickets scanned in and the latest scan. One query. */
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
      sql<Date | null>`max(scans.scanned_at)`.as('last_scan_at'),
    ])
    .where('tiers.event_id', '=', eventId)
    .groupBy(['tiers.id', 'tiers.name', 'tiers.position'])
    .orderBy('tiers.position')
    .execute();
  return rows.map((r) => ({ ...r, valid: Number(r.valid), scanned: Number(r.scanned) }));
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
