import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createEvent, createLiveEvent, createVenue, newPromoter } from './promoters.ts';

let server: TestServer;
let client: ReturnType<typeof api>;
let key: string;
const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

// Next year, so the live ones can be published whenever the suite runs.
const year = new Date().getUTCFullYear() + 1;

// One promoter's four events, created out of doors order, all in `year`:
//   a  01-10  Bristol  live       "Mura Masa · Bristol"
//   b  02-10  London   draft      "Floating Points"
//   c  03-10  Bristol  cancelled  "Four Tet"
//   d  04-10  London   draft      "100% Jungle"
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
  key = (await newPromoter(server, 'Lister')).testKey;
  const bristol = await createVenue(client, key, { name: 'Louisiana', city: 'Bristol' });
  const london = await createVenue(client, key, { name: 'Corsica', city: 'London' });
  ids.d = (
    await createEvent(client, key, london.id, { title: '100% Jungle', doors: `${year}-04-10T20:00:00Z` })
  ).id;
  ids.c = (
    await createLiveEvent(client, key, bristol.id, { title: 'Four Tet', doors: `${year}-03-10T20:00:00Z` })
  ).id;
  expect((await client.post(`/v1/events/${ids.c}/cancel`, {}, { key })).status).toBe(200);
  ids.a = (
    await createLiveEvent(client, key, bristol.id, {
      title: 'Mura Masa · Bristol',
      doors: `${year}-01-10T20:00:00Z`,
    })
  ).id;
  ids.b = (
    await createEvent(client, key, london.id, { title: 'Floating Points', doors: `${year}-02-10T20:00:00Z` })
  ).id;
});
afterAll(() => server?.stop());

/** The list's events as their letters, in the order the API answered. */
async function listed(query: string): Promise<string[]> {
  const res = await client.get(`/v1/events${query}`, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const letterOf = new Map(Object.entries(ids).map(([letter, id]) => [id, letter]));
  return res.body.data.map((event: { id: string }) => letterOf.get(event.id) ?? event.id);
}

describe('GET /v1/events', () => {
  it('lists every event of the promoter, soonest doors first, each a full event with tiers', async () => {
    expect(await listed('')).toEqual(['a', 'b', 'c', 'd']);
    const res = await client.get('/v1/events', { key });
    expect(res.body.pagination).toEqual({ page: 1, limit: 20, total: 4, pages: 1 });
    expect(res.body.data[0]).toMatchObject({
      id: ids.a,
      title: 'Mura Masa · Bristol',
      status: 'live',
      lowestPrice: 1200,
      scans: 0,
      tiers: [
        { slug: 'early-bird', price: 1200, stock: 100, sold: 0, available: 100 },
        { slug: 'standard', price: 1800 },
      ],
    });
  });

  it('filters by status, city, doors window and title, alone and together', async () => {
    expect(await listed('?status=live')).toEqual(['a']);
    expect(await listed('?status=draft')).toEqual(['b', 'd']);
    expect(await listed('?status=cancelled')).toEqual(['c']);
    expect(await listed('?cityId=bristol')).toEqual(['a', 'c']);
    expect(await listed('?cityId=london')).toEqual(['b', 'd']);
    expect(await listed('?cityId=paris')).toEqual([]);
    // from is inclusive, to exclusive.
    expect(await listed(`?from=${year}-02-10T20:00:00Z`)).toEqual(['b', 'c', 'd']);
    expect(await listed(`?to=${year}-02-10T20:00:00Z`)).toEqual(['a']);
    expect(await listed(`?from=${year}-02-01T00:00:00Z&to=${year}-04-01T00:00:00%2B01:00`)).toEqual([
      'b',
      'c',
    ]);
    expect(await listed('?q=MURA')).toEqual(['a']);
    expect(await listed('?q=t')).toEqual(['a', 'b', 'c']);
    expect(await listed('?q=')).toEqual(['a', 'b', 'c', 'd']);
    // LIKE's wildcards are matched literally.
    expect(await listed('?q=%25')).toEqual(['d']);
    expect(await listed('?q=_')).toEqual([]);
    expect(await listed('?cityId=bristol&status=live&q=masa')).toEqual(['a']);
    expect(await listed(`?cityId=london&from=${year}-03-01T00:00:00Z`)).toEqual(['d']);
  });

  it('pages, with totals counted under the same filters', async () => {
    expect(await listed('?limit=3')).toEqual(['a', 'b', 'c']);
    expect(await listed('?limit=3&page=2')).toEqual(['d']);
    const filtered = await client.get('/v1/events?status=draft&limit=1&page=2', { key });
    expect(filtered.body.pagination).toEqual({ page: 2, limit: 1, total: 2, pages: 2 });
    expect(filtered.body.data.map((e: { id: string }) => e.id)).toEqual([ids.d]);
    const beyond = await client.get('/v1/events?page=9', { key });
    expect(beyond.body).toEqual({ data: [], pagination: { page: 9, limit: 20, total: 4, pages: 1 } });
  });

  it('answers 400 naming the bad filter', async () => {
    for (const [query, param] of [
      ['status=open', 'status'],
      ['from=yesterday', 'from'],
      ['to=2031-13-01T00:00:00Z', 'to'],
      ['from=2031-02-01T00:00:00Z&to=2031-01-01T00:00:00Z', 'to'],
      ['page=0', 'page'],
      ['limit=500', 'limit'],
    ]) {
      const res = await client.get(`/v1/events?${query}`, { key });
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'request.invalid', param });
    }
  });
});

describe('scans', () => {
  it('counts the accepted door scans of each event, on get and in lists', async () => {
    const event = (await client.get(`/v1/events/${ids.a}`, { key })).body;
    await admitTwo(event);
    const got = await client.get(`/v1/events/${event.slug}`, { key });
    expect(got.body.scans).toBe(2);
    const list = await client.get('/v1/events', { key });
    expect(list.body.data.map((e: { scans: number }) => e.scans)).toEqual([2, 0, 0, 0]);
  });
});

/** Two tickets of a paid order for the event, both scanned at the door: rows as the checkout and scans write them. */
async function admitTwo(event: { id: string; tiers: { id: string }[] }) {
  const row = await server.db
    .selectFrom('events')
    .select(['promoter_id', 'mode'])
    .where('id', '=', event.id)
    .executeTakeFirstOrThrow();
  const tierId = event.tiers[0]?.id as string;
  await server.db
    .insertInto('checkout_sessions')
    .values({
      id: 'cs_scanned',
      promoter_id: row.promoter_id,
      mode: row.mode,
      event_id: event.id,
      status: 'complete',
      customer_email: 'door@example.com',
      amount_total: 2400,
      currency: 'gbp',
      client_secret: 'cs_scanned_secret',
      expires_at: new Date(),
    })
    .execute();
  await server.db
    .insertInto('orders')
    .values({
      id: 'ord_scanned',
      promoter_id: row.promoter_id,
      mode: row.mode,
      event_id: event.id,
      session_id: 'cs_scanned',
      status: 'paid',
      buyer_email: 'door@example.com',
      amount: 2400,
      currency: 'gbp',
      payment_intent_id: 'pi_scanned',
    })
    .execute();
  for (const n of [1, 2, 3]) {
    await server.db
      .insertInto('tickets')
      .values({
        id: `tkt_scanned_${n}`,
        order_id: 'ord_scanned',
        event_id: event.id,
        tier_id: tierId,
        status: 'valid',
        qr_payload: `tkt_scanned_${n}`,
      })
      .execute();
  }
  // Two of the three tickets came through the door.
  for (const n of [1, 2]) {
    await server.db
      .insertInto('scans')
      .values({ id: `scn_${n}`, ticket_id: `tkt_scanned_${n}`, event_id: event.id })
      .execute();
  }
}
