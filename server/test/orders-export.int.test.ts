import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMembership, insertPerson } from '../src/accounts/accounts.store.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import { DEMO_PROMOTER_ID, DEMO_TEST_KEY } from '../src/demo/seed.ts';
import { api } from './api.ts';
import type { TestServer } from './harness.ts';
import { buyOrder, liveEvent, otherPromoter, type PaidOrder } from './paid-orders.ts';
import { signedIn } from './sessions.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

const HEADER = [
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
];
/** More orders than two of the export's batches (500) and than any page of the list (100). */
const BULK = 1050;
const INJECTED_TITLE = '=HYPERLINK("https://evil.example","Rock, Paper")';
const QUOTED_TITLE = 'The "Big" Night, Bristol';

let stack: PaidStack;
let server: TestServer;
let promoter: ReturnType<typeof api>;

/** The export's answer: status, headers, the raw text, and its records split into cells. */
async function exportCsv(query = '', key: string | null = DEMO_TEST_KEY) {
  const res = await fetch(`${server.url}/v1/orders/export${query}`, {
    headers: key ? { Authorization: `Bearer ${key}` } : {},
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, records: res.ok ? parseCsv(text) : [] };
}

/** An RFC 4180 reader, small and strict: what a spreadsheet would make of the file. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let close = i + 1;
      for (;;) {
        const found = text.indexOf('"', close);
        if (found < 0) throw new Error(`unterminated quote at ${i}`);
        if (text[found + 1] === '"') close = found + 2;
        else {
          close = found;
          break;
        }
      }
      cell += text.slice(i + 1, close).replaceAll('""', '"');
      i = close + 1;
    } else if (text.startsWith('\r\n', i)) {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 2;
    } else if (text[i] === ',') {
      record.push(cell);
      cell = '';
      i++;
    } else {
      cell += text[i];
      i++;
    }
  }
  if (cell !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** The rows of an export as objects by column, without the header. */
const rowsOf = (records: string[][]) =>
  records.slice(1).map((cells) => Object.fromEntries(HEADER.map((name, i) => [name, cells[i]])));

let titledEvent: string;
let quotedEvent: string;
let bulkEvent: string;
let alice: PaidOrder;
let bob: PaidOrder;
let carol: PaidOrder;
let rivalOrder: PaidOrder;
let rivalKey: string;
let bulkIds: string[];

/** An order written straight to the database (with the session it needs), as `issueOrder` leaves one. */
interface DirectOrder {
  id: string;
  mode: 'test' | 'live';
  eventId: string;
  amount: number;
  currency: string;
  paymentIntentId: string | null;
  createdAt?: RawBuilder<Date>;
}

async function insertOrders(orders: DirectOrder[]): Promise<void> {
  const email = (order: DirectOrder) => `${order.id}@direct.example`;
  await server.db
    .insertInto('checkout_sessions')
    .values(
      orders.map((order) => ({
        id: `cs_${order.id}`,
        promoter_id: DEMO_PROMOTER_ID,
        mode: order.mode,
        event_id: order.eventId,
        status: 'complete' as const,
        customer_email: email(order),
        amount_total: order.amount,
        currency: order.currency,
        client_secret: `cs_${order.id}_secret`,
        expires_at: new Date(),
      })),
    )
    .execute();
  await server.db
    .insertInto('orders')
    .values(
      orders.map((order) => ({
        id: order.id,
        promoter_id: DEMO_PROMOTER_ID,
        mode: order.mode,
        event_id: order.eventId,
        session_id: `cs_${order.id}`,
        status: 'paid' as const,
        buyer_email: email(order),
        amount: order.amount,
        currency: order.currency,
        payment_intent_id: order.paymentIntentId,
        ...(order.createdAt ? { created_at: order.createdAt } : {}),
      })),
    )
    .execute();
}

/** £12 orders, older than the paid ones, three sharing each instant to the microsecond (a Date has ms). */
async function insertBulkOrders(eventId: string): Promise<string[]> {
  const ids = Array.from({ length: BULK }, (_, i) => `ord_bulk_${String(i).padStart(5, '0')}`);
  await insertOrders(
    ids.map((id, i) => ({
      id,
      mode: 'test',
      eventId,
      amount: 1200,
      currency: 'gbp',
      paymentIntentId: `pi_${id}`,
      createdAt: sql<Date>`timestamptz '2026-01-01T00:00:00.123456Z' - ${Math.floor(i / 3)} * interval '1 second'`,
    })),
  );
  return ids;
}

beforeAll(async () => {
  stack = await startPaidStack();
  server = stack.server;
  promoter = api(server.url);
  titledEvent = await liveEvent(server.url, { title: INJECTED_TITLE });
  quotedEvent = await liveEvent(server.url, { title: QUOTED_TITLE });
  bulkEvent = await liveEvent(server.url);
  alice = await buyOrder(stack, {
    eventId: titledEvent,
    items: [{ tier: 'ga', quantity: 1 }],
    email: 'alice@export.example',
  });
  bob = await buyOrder(stack, {
    eventId: titledEvent,
    items: [{ tier: 'ga', quantity: 2 }],
    email: 'bob@export.example',
  });
  carol = await buyOrder(stack, {
    eventId: quotedEvent,
    items: [{ tier: 'ga', quantity: 3 }],
    email: 'carol@export.example',
  });
  const refunded = await promoter.post(`/v1/orders/${bob.orderId}/refund`, { amount: 450 });
  expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
  const rival = await otherPromoter(server.db);
  rivalKey = rival.key;
  const rivalEvent = await liveEvent(server.url, { key: rival.key, venueId: rival.venueId });
  rivalOrder = await buyOrder(stack, {
    eventId: rivalEvent,
    items: [{ tier: 'ga', quantity: 1 }],
    email: 'rival@export.example',
  });
  bulkIds = await insertBulkOrders(bulkEvent);
  // The demo promoter's live mode: another mode's order, never in a test-mode export.
  await insertOrders([
    {
      id: 'ord_live_one',
      mode: 'live',
      eventId: bulkEvent,
      amount: 500,
      currency: 'jpy',
      paymentIntentId: 'pi_live_one',
    },
  ]);
});
afterAll(() => stack?.stop());

describe('GET /v1/orders/export', () => {
  it('answers a CSV download named after the mode and the day', async () => {
    const res = await exportCsv();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="orders-test-${day}.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Streamed as it is read: no length known up front.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.text.startsWith(`${HEADER.join(',')}\r\n`)).toBe(true);
    expect(res.records[0]).toEqual(HEADER);
  });

  it('has every matching order, not one page, once each, newest first', async () => {
    const { records } = await exportCsv();
    const rows = rowsOf(records);
    const list = await promoter.get('/v1/orders?limit=100');
    expect(list.body.pagination.total).toBeGreaterThan(1000);
    expect(rows).toHaveLength(list.body.pagination.total);
    const ids = rows.map((row) => row.order_id);
    expect(new Set(ids).size).toBe(ids.length);
    // The first page of the list is the export's beginning, in the same order.
    expect(ids.slice(0, 100)).toEqual(list.body.data.map((o: { id: string }) => o.id));
    // The bulk orders come last (the oldest), by time then id, across batch boundaries and ties.
    const expected = await server.db
      .selectFrom('orders')
      .select('id')
      .where('event_id', '=', bulkEvent)
      .where('mode', '=', 'test')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(expected).toHaveLength(BULK);
    expect(ids.filter((id) => id?.startsWith('ord_bulk_'))).toEqual(expected.map((o) => o.id));
    expect(new Set(ids).size).toBeGreaterThanOrEqual(bulkIds.length + 3);
  });

  it('writes amounts in major units, counts tickets, and dates in UTC', async () => {
    const rows = rowsOf((await exportCsv()).records);
    const bobRow = rows.find((row) => row.order_id === bob.orderId);
    const bobOrder = (await promoter.get(`/v1/orders/${bob.orderId}`)).body;
    expect(bobRow).toEqual({
      order_id: bob.orderId,
      created_at: bobOrder.createdAt,
      event_id: titledEvent,
      event_title: `'${INJECTED_TITLE}`,
      buyer_email: 'bob@export.example',
      status: 'partially_refunded',
      tickets: '2',
      amount: '20.00',
      amount_refunded: '4.50',
      currency: 'GBP',
    });
    expect(bobRow?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const bulkRow = rows.find((row) => row.order_id === bulkIds[0]);
    expect(bulkRow).toMatchObject({
      amount: '12.00',
      amount_refunded: '0.00',
      tickets: '0',
      created_at: '2026-01-01T00:00:00.123Z',
    });
  });

  it('makes a title a spreadsheet would run plain text, and quotes commas and quotes', async () => {
    const { text } = await exportCsv(`?eventId=${titledEvent}`);
    expect(text).toContain(`,"'=HYPERLINK(""https://evil.example"",""Rock, Paper"")",`);
    expect(text).not.toMatch(/,=HYPERLINK/);
    const quoted = await exportCsv(`?eventId=${quotedEvent}`);
    expect(quoted.text).toContain(`,"The ""Big"" Night, Bristol",carol@export.example,`);
    expect(rowsOf(quoted.records)[0]?.event_title).toBe(QUOTED_TITLE);
  });

  it('applies the list’s filters: event, status, buyer email and search', async () => {
    const ids = async (query: string) => rowsOf((await exportCsv(query)).records).map((row) => row.order_id);
    expect(await ids(`?eventId=${titledEvent}`)).toEqual([bob.orderId, alice.orderId]);
    expect(await ids('?status=partially_refunded')).toEqual([bob.orderId]);
    expect(await ids(`?eventId=${titledEvent}&status=paid`)).toEqual([alice.orderId]);
    expect(await ids('?buyerEmail=CAROL@export.example')).toEqual([carol.orderId]);
    expect(await ids('?q=export.example')).toEqual([carol.orderId, bob.orderId, alice.orderId]);
    expect(await ids(`?q=${alice.orderId}`)).toEqual([alice.orderId]);
    expect(await ids('?q=nobody-at-all')).toEqual([]);
    // Paging is not an export's: it has everything still.
    expect(await ids(`?eventId=${titledEvent}&limit=1&page=2`)).toHaveLength(2);
  });

  it('holds only this promoter’s orders in this mode', async () => {
    const { text } = await exportCsv();
    expect(text).not.toContain(rivalOrder.orderId);
    expect(text).not.toContain('rival@export.example');
    expect(text).not.toContain('ord_live_one');
    const rival = rowsOf((await exportCsv('', rivalKey)).records);
    expect(rival.map((row) => row.order_id)).toEqual([rivalOrder.orderId]);
  });

  it('refuses bad filters with the usual error', async () => {
    const res = await exportCsv('?status=cancelled');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(res.text).error).toMatchObject({ code: 'request.invalid', param: 'status' });
    const long = await exportCsv(`?q=${'x'.repeat(300)}`);
    expect(long.status).toBe(400);
    expect(JSON.parse(long.text).error).toMatchObject({ code: 'request.invalid', param: 'q' });
  });

  it('is for those who may see orders: no key is 401, door staff are refused', async () => {
    const anonymous = await exportCsv('', null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).error.code).toBe('auth.missing_key');
    const password = 'export-door-password-2026';
    const person = await insertPerson(server.db, {
      id: 'psn_export_door',
      email: 'door@export.example',
      name: 'Door',
      password_hash: await hashPassword(password),
    });
    if (!person) throw new Error('no door person');
    await insertMembership(server.db, { personId: person.id, promoterId: DEMO_PROMOTER_ID, role: 'door' });
    const door = await signedIn(server.url, { email: 'door@export.example', password });
    const refused = await door.call('GET', '/v1/orders/export', undefined, { promoter: DEMO_PROMOTER_ID });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');
  });
});

describe('an order’s refunds and payment', () => {
  it('lists each refund, oldest first, and the payment’s state after a partial and a full refund', async () => {
    const order = await buyOrder(stack, {
      eventId: quotedEvent,
      items: [{ tier: 'ga', quantity: 2 }],
      email: 'dan@export.example',
    });
    const paid = (await promoter.get(`/v1/orders/${order.orderId}`)).body;
    expect(paid.refunds).toEqual([]);
    expect(paid.payment).toEqual({
      paymentIntentId: order.paymentIntentId,
      amount: 2000,
      currency: 'gbp',
      status: 'succeeded',
    });

    const partial = await promoter.post(`/v1/orders/${order.orderId}/refund`, { amount: 700 });
    expect(partial.status).toBe(200);
    expect(partial.body.refunds).toEqual([
      { id: expect.stringMatching(/^re_/), amount: 700, createdAt: expect.any(String) },
    ]);
    expect(partial.body.payment.status).toBe('partially_refunded');
    const read = (await promoter.get(`/v1/orders/${order.orderId}`)).body;
    expect(read.refunds).toEqual(partial.body.refunds);
    expect(read.payment).toEqual({ ...paid.payment, status: 'partially_refunded' });
    expect(Date.parse(read.refunds[0].createdAt)).not.toBeNaN();

    const rest = await promoter.post(`/v1/orders/${order.orderId}/refund`, {});
    expect(rest.body.refunds.map((r: { amount: number }) => r.amount)).toEqual([700, 1300]);
    expect(rest.body.refunds[0].id).toBe(read.refunds[0].id);
    expect(rest.body.payment.status).toBe('refunded');
    const listed = await promoter.get(`/v1/orders?q=${order.orderId}`);
    expect(listed.body.data[0].refunds).toEqual(rest.body.refunds);
    expect(listed.body.data[0].payment.status).toBe('refunded');
  });

  it('has no payment for a free order', async () => {
    await insertOrders([
      {
        id: 'ord_free_one',
        mode: 'test',
        eventId: bulkEvent,
        amount: 0,
        currency: 'gbp',
        paymentIntentId: null,
      },
    ]);
    const free = (await promoter.get('/v1/orders/ord_free_one')).body;
    expect(free).toMatchObject({ amount: 0, refunds: [], payment: null });
  });
});
