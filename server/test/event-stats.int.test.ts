import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMembership, insertPerson } from '../src/accounts/accounts.store.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import { DEMO_PROMOTER_ID, DEMO_TEST_KEY } from '../src/demo/seed.ts';
import { api } from './api.ts';
import { buyerOf } from './buyer.ts';
import type { TestServer } from './harness.ts';
import { buyOrder, otherPromoter, type PaidOrder } from './paid-orders.ts';
import { createEvent, createLiveEvent, createVenue } from './promoters.ts';
import { signedIn } from './sessions.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

let stack: PaidStack;
let server: TestServer;
let promoter: ReturnType<typeof api>;
let event: { id: string; slug: string; tiers: { id: string; slug: string }[] };
let first: PaidOrder;
let second: PaidOrder;

const stats = (idOrSlug: string, key?: string) =>
  promoter.get(`/v1/events/${idOrSlug}/stats`, key ? { key } : {});
const setCreatedAt = (orderId: string, at: string) =>
  server.db
    .updateTable('orders')
    .set({ created_at: new Date(at) })
    .where('id', '=', orderId)
    .execute();

// A New York venue's night: two paid orders over two tiers (Early bird £12, Standard £18), a
// checkout still holding three early birds, £10.00 refunded of the first order, one ticket scanned.
beforeAll(async () => {
  stack = await startPaidStack();
  server = stack.server;
  promoter = api(server.url);
  const venue = await createVenue(promoter, DEMO_TEST_KEY, {
    city: 'New York',
    timezone: 'America/New_York',
  });
  event = await createLiveEvent(promoter, DEMO_TEST_KEY, venue.id);
  first = await buyOrder(stack, {
    eventId: event.id,
    items: [
      { tier: 'early-bird', quantity: 2 },
      { tier: 'standard', quantity: 1 },
    ],
  });
  second = await buyOrder(stack, { eventId: event.id, items: [{ tier: 'standard', quantity: 2 }] });
  const held = await buyerOf(server.url).openSession(event.id, [{ tier: 'early-bird', quantity: 3 }]);
  expect(held.status, JSON.stringify(held.body)).toBe(201);
  const refund = await promoter.post(`/v1/orders/${first.orderId}/refund`, { amount: 1000 });
  expect(refund.status, JSON.stringify(refund.body)).toBe(200);
  const scan = await promoter.post('/v1/scans', { payload: first.tickets[0]?.qrPayload, eventId: event.id });
  expect(scan.body.valid, JSON.stringify(scan.body)).toBe(true);
  // 15:00 UTC is 10:00 in New York the same day; 02:00 UTC is still 21:00 of the day before there.
  await setCreatedAt(first.orderId, '2031-01-14T15:00:00Z');
  await setCreatedAt(second.orderId, '2031-01-16T02:00:00Z');
});
afterAll(() => stack?.stop());

describe('GET /v1/events/:id/stats', () => {
  it('counts each tier’s sold, held and left seats, and what it took after refunds', async () => {
    const res = await stats(event.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [early, standard] = event.tiers;
    // The £10.00 refund of a £42.00 order falls 24:18 on its tiers: £5.71 and £4.29 (the larger remainder).
    expect(res.body).toMatchObject({
      eventId: event.id,
      currency: 'gbp',
      timezone: 'America/New_York',
      tiers: [
        {
          tierId: early?.id,
          name: 'Early bird',
          price: 1200,
          stock: 100,
          sold: 2,
          held: 3,
          left: 95,
          revenue: 2400 - 571,
        },
        {
          tierId: standard?.id,
          name: 'Standard',
          price: 1800,
          stock: 100,
          sold: 3,
          held: 0,
          left: 97,
          revenue: 1800 + 3600 - 429,
        },
      ],
      totals: { sold: 5, held: 3, left: 192, revenue: 7800 - 1000, refunded: 1000, orders: 2, scanned: 1 },
      scans: { scanned: 1, admitted: 1 },
    });
  });

  it('agrees with the event page on what is sold and left', async () => {
    const [page, answer] = await Promise.all([promoter.get(`/v1/events/${event.id}`), stats(event.id)]);
    const shown = page.body.tiers.map((t: { sold: number; available: number }) => [t.sold, t.available]);
    expect(answer.body.tiers.map((t: { sold: number; left: number }) => [t.sold, t.left])).toEqual(shown);
  });

  it('counts sales on the venue’s calendar days, not UTC’s', async () => {
    const res = await stats(event.id);
    expect(res.body.sales).toEqual([
      { date: '2031-01-14', tickets: 3, revenue: 4200 },
      { date: '2031-01-15', tickets: 2, revenue: 3600 },
    ]);
  });

  it('takes the slug as GET /v1/events/:id does', async () => {
    const [bySlug, byId] = await Promise.all([stats(event.slug), stats(event.id)]);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toEqual(byId.body);
  });

  it('answers an event without orders with zeros and no days', async () => {
    const draft = await createEvent(promoter, DEMO_TEST_KEY, 'vn_strange_brew');
    const res = await stats(draft.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      timezone: 'Europe/London',
      totals: { sold: 0, held: 0, left: 200, revenue: 0, refunded: 0, orders: 0, scanned: 0 },
      sales: [],
      scans: { scanned: 0, admitted: 0 },
    });
  });

  it('gives another promoter the 404 the event itself gives', async () => {
    const rival = await otherPromoter(server.db);
    const [res, page] = await Promise.all([
      stats(event.id, rival.key),
      promoter.get(`/v1/events/${event.id}`, { key: rival.key }),
    ]);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'event.not_found', message: page.body.error.message });
  });

  it('is for the box office and up: the door staff are refused', async () => {
    const passwordHash = await hashPassword('event-stats-password-2026');
    const seeAs = async (role: 'door' | 'box_office') => {
      const email = `${role.replace('_', '-')}@stats.example`;
      await insertPerson(server.db, {
        id: `psn_stats_${role}`,
        email,
        name: role,
        password_hash: passwordHash,
      });
      await insertMembership(server.db, {
        personId: `psn_stats_${role}`,
        promoterId: DEMO_PROMOTER_ID,
        role,
      });
      const browser = await signedIn(server.url, { email, password: 'event-stats-password-2026' });
      return browser.call('GET', `/v1/events/${event.id}/stats`, undefined, { promoter: DEMO_PROMOTER_ID });
    };
    const door = await seeAs('door');
    expect(door.status).toBe(403);
    expect(door.body.error.code).toBe('auth.forbidden');
    expect((await seeAs('box_office')).status).toBe(200);
  });
});
