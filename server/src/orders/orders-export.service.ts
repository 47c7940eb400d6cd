import type { Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { csvRow } from '../lib/csv.ts';
import { majorUnits } from '../lib/money.ts';
import type { ExportOrdersQuery } from './orders.schema.ts';
import { listOrdersToExport, type OrderExportRow } from './orders.store.ts';

/** The export's header row: one column per field, amounts in major units. */
export const EXPORT_COLUMNS = [
  'order_id',
  'created_at',
  'event_id',
  'event_title',
  'buyer_email',
  'status',
  'tickets',
  'amount',
  'amount_refunded',
  'currency',
] as const;

/** Orders read per query: one batch is in memory at a time, however many orders match. */
const BATCH_SIZE = 500;

export interface OrdersCsv {
  /** `orders-test-2026-05-20.csv`: the mode, and the day (UTC) it was made. */
  filename: string;
  /** The header row, then one row per order, newest first, read batch by batch as they are consumed. */
  lines: AsyncIterable<string>;
}

/**
 * Every order of the promoter in the key's mode that passes the filters, as CSV (RFC 4180, CRLF,
 * formula-safe cells). The first batch is read before the answer starts, so a failing database
 * answers the usual error rather than a file cut short.
 */
export async function exportOrders(
  db: Executor,
  owner: Owner,
  filters: ExportOrdersQuery,
  now = new Date(),
): Promise<OrdersCsv> {
  const first = await listOrdersToExport(db, owner, filters, { after: null, limit: BATCH_SIZE });
  return {
    filename: `orders-${owner.mode}-${now.toISOString().slice(0, 10)}.csv`,
    lines: linesOf(first, (after) => listOrdersToExport(db, owner, filters, { after, limit: BATCH_SIZE })),
  };
}

async function* linesOf(
  first: OrderExportRow[],
  next: (after: string) => Promise<OrderExportRow[]>,
): AsyncGenerator<string> {
  yield csvRow(EXPORT_COLUMNS);
  let batch = first;
  for (;;) {
    // One chunk per batch rather than per row: fewer, larger writes to the socket.
    yield batch.map(toCsvRow).join('');
    const last = batch.at(-1);
    if (!last || batch.length < BATCH_SIZE) return;
    batch = await next(last.id);
  }
}

function toCsvRow(order: OrderExportRow): string {
  return csvRow([
    order.id,
    new Date(order.created_at).toISOString(),
    order.event_id,
    order.event_title,
    order.buyer_email,
    order.status,
    order.tickets,
    majorUnits(order.amount, order.currency),
    majorUnits(order.amount_refunded, order.currency),
    order.currency.toUpperCase(),
  ]);
}
