import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { buyerOf } from './buyer.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createEvent, createLiveEvent, createVenue, newPromoter } from './promoters.ts';

// Live mode needs real-looking Stripe keys; listing and holding seats never call Stripe.
const REAL_STRIPE = {
  STRIPE_SECRET_KEY: 'sk_live_x',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
  STRIPE_WEBHOOK_SECRET: 'whsec_x',
};

let server: TestServer;
let client: ReturnType<typeof api>;
const listedIds: Record<string, string> = {};
const hiddenIds: Record<string, string> = {};

// Two promoters' events; only live, networked, live-mode, upcoming ones belong on the storefront.
beforeAll(async () => {
  server = await startTestServer({ env: REAL_STRIPE });
  client = api(server.url);
  const brew = await newPromoter(server, 'Strange Brew');
  const corsica = await newPromoter(server, 'Corsica Studios');
  const bristol = await createVenue(client, brew.liveKey, { name: 'Strange Brew', city: 'Bristol' });
  const london = await createVenue(client, corsica.liveKey, { name: 'Corsica Studios', city: 'London' });
  const testVenue = await createVenue(client, brew.testKey, { name: 'Test room', city: 'Bristol' });

  const live = (key: string, venueId: string, title: string, doors: string) =>
    createLiveEvent(client, key, venueId, { title, doors });
  listedIds.bristol = (await live(brew.liveKey, bristol.id, 'Mura Masa', '2031-05-02T19:00:00Z')).id;
  listedIds.london = (await live(corsica.liveKey, london.id, 'Floating Points', '2031-06-01T21:00:00Z')).id;
  const tiny = await createLiveEvent(client, brew.liveKey, bristol.id, {
    title: 'Tiny room',
    doors: '2031-07-01T20:00:00Z',
    tiers: [{ name: 'Only', price: 500, stock: 1 }],
  });
  listedIds.soldOut = tiny.id;
  const held = await buyerOf(server.url).openSession(tiny.id, [{ tier: 'only', quantity: 1 }]);
  expect(held.status).toBe(201);

  hiddenIds.offNetwork = (
    await createLiveEvent(
      client,
      brew.liveKey,
      bristol.id,
      { title: 'Members only', doors: '2031-05-03T19:00:00Z' },
      false,
    )
  ).id;
  hiddenIds.draft = (await createEvent(client, brew.liveKey, bristol.id, { title: 'Draft' })).id;
  const cancelled = await live(brew.liveKey, bristol.id, 'Cancelled', '2031-05-04T19:00:00Z');
  await client.post(`/v1/events/${cancelled.id}/cancel`, {}, { key: brew.liveKey });
  hiddenIds.cancelled = cancelled.id;
  // Past doors cannot be published, so the night is moved back once it is on sale, as time would.
  hiddenIds.past = (await live(brew.liveKey, bristol.id, 'Last year', '2031-05-06T19:00:00Z')).id;
  await client.patch(
    `/v1/events/${hiddenIds.past}`,
    { doors: '2025-05-02T19:00:00Z' },
    { key: brew.liveKey },
  );
  hiddenIds.testMode = (await live(brew.testKey, testVenue.id, 'Test mode night', '2031-05-05T19:00:00Z')).id;
});
afterAll(() => server?.stop());

const storefront = (query = '') => client.get(`/v1/storefront/events${query}`, { key: null });
const idsOf = (res: { body: { data: { id: string }[] } }) => res.body.data.map((e) => e.id);

describe('GET /v1/storefront/events', () => {
  it('lists upcoming live, networked, live-mode events of every promoter, soonest first, in a public shape', async () => {
    const res = await storefront();
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([listedIds.bristol, listedIds.london, listedIds.soldOut]);
    expect(res.body.pagination).toEqual({ page: 1, limit: 20, total: 3, pages: 1 });
    for (const id of Object.values(hiddenIds)) expect(idsOf(res)).not.toContain(id);
    // The demo promoter's live test-mode event is not there either.
    expect(idsOf(res)).not.toContain('evt_mura_masa_bristol');

    expect(res.body.data[0]).toEqual({
      id: listedIds.bristol,
      slug: 'mura-masa',
      title: 'Mura Masa',
      doors: '2031-05-02T19:00:00.000Z',
      venue: { name: 'Strange Brew', city: 'Bristol', cityId: 'bristol' },
      currency: 'gbp',
      lowestPrice: 1200,
      soldOut: false,
    });
    expect(res.body.data[2]).toMatchObject({ title: 'Tiny room', lowestPrice: 500, soldOut: true });
    expect(JSON.stringify(res.body)).not.toMatch(/promoter|stock|pr_/i);
  });

  it('filters by city, doors window and title, and pages', async () => {
    expect(idsOf(await storefront('?cityId=london'))).toEqual([listedIds.london]);
    expect(idsOf(await storefront('?q=MURA'))).toEqual([listedIds.bristol]);
    expect(idsOf(await storefront('?from=2031-05-10T00:00:00Z&to=2031-06-30T00:00:00Z'))).toEqual([
      listedIds.london,
    ]);
    // An explicit `from` reaches past events.
    expect(idsOf(await storefront('?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'))).toEqual([
      hiddenIds.past,
    ]);
    const page = await storefront('?limit=2&page=2');
    expect(idsOf(page)).toEqual([listedIds.soldOut]);
    expect(page.body.pagination).toEqual({ page: 2, limit: 2, total: 3, pages: 2 });
    const bad = await storefront('?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'request.invalid', param: 'limit' });
  });

  it('answers any origin, like the widget', async () => {
    const res = await fetch(`${server.url}/v1/storefront/events`, {
      headers: { Origin: 'https://listings.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${server.url}/v1/storefront/events`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://listings.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
  });
});
