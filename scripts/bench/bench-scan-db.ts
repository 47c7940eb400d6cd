import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Database } from '../../server/src/db/database.ts';
import type { Owner } from '../../server/src/events/events.store.ts';
import { newId } from '../../server/src/lib/ids.ts';
import { toScanResult } from '../../server/src/scans/scans.mapper.ts';
import { recordScan } from '../../server/src/scans/scans.store.ts';
import { findOwnedTicket } from '../../server/src/tickets/tickets.store.ts';
import { outboxEvent } from '../../server/src/webhooks/webhooks.outbox.ts';

// The database's own limit for a scan (see scan.ts): what PostgreSQL does when nothing else is in
// the way, through the server's own store functions.

export interface ScanLimitResult {
  /** Latencies (ms) of the lookup-and-insert pairs that finished in the window. */
  latencies: number[];
  /** Pairs of the whole run, warm-up included. */
  total: number;
}

/**
 * Copies `count` tickets of `eventId` under new ids (`…_db<n>`), in one statement: fresh tickets
 * for the database's loop, as many as it may need, without issuing orders. Answers their ids.
 */
export async function copyTickets(db: Database, eventId: string, count: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    insert into tickets (id, order_id, event_id, tier_id, status, qr_payload)
    select t.id || '_db' || copy, t.order_id, t.event_id, t.tier_id, t.status, t.qr_payload
    from (select * from tickets where event_id = ${eventId}) t
    cross join generate_series(1, ceil(${count}::numeric / (select count(*) from tickets where event_id = ${eventId}))::int) copy
    limit ${count}
    returning id`.execute(db);
  const ids = rows.map((r) => r.id);
  // Shuffled, as the scanners' are, so the loop does not walk the primary key in order.
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return ids;
}

/**
 * The statements of an accepted scan and nothing else, one closed loop per connection: the ticket's
 * lookup (findOwnedTicket) and the statement that records it (recordScan: its INSERT … ON CONFLICT
 * and the `scan.recorded` outbox rows, none while no endpoint listens), as the server sends them.
 * Each ticket once; running out is an error, not a refusal to count.
 */
export async function scanLimitLoop(
  db: Database,
  owner: Owner,
  ticketIds: string[],
  connections: number,
  from: number,
  until: number,
): Promise<ScanLimitResult> {
  const latencies: number[] = [];
  let total = 0;
  let next = 0;
  const loop = async () => {
    while (Date.now() < until) {
      const id = ticketIds[next++];
      if (id === undefined) throw new Error('the database loop ran out of tickets: raise BENCH_DB_TICKETS');
      const started = performance.now();
      const ticket = await findOwnedTicket(db, owner, id);
      if (!ticket) throw new Error(`ticket ${id} was not found`);
      const now = new Date();
      const place = { scanId: newId('scn'), scannedAt: now, gate: null };
      const event = outboxEvent({
        ...owner,
        type: 'scan.recorded',
        data: toScanResult(ticket, { valid: true }, now, { scan: place, admission: place }),
      });
      const attempt = {
        promoter_id: owner.promoterId,
        scan_id: place.scanId,
        ticket_id: ticket.id,
        event_id: ticket.event_id,
        key_id: null,
        gate: null,
        scanned_at: now,
      };
      const recorded = await recordScan(db, attempt, event, false);
      if (recorded.kind !== 'admitted') throw new Error(`ticket ${id} was scanned twice`);
      const finished = Date.now();
      total++;
      if (finished >= from && finished < until) latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { latencies, total };
}
