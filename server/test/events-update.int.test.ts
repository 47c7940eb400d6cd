import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { buyerOf } from './buyer.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createEvent, createLiveEvent, createVenue, newPromoter } from './promoters.ts';

let server: TestServer;
let client: ReturnType<typeof api>;
let buyer: ReturnType<typeof buyerOf>;
let key: string;
let venueId: string;
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
  buyer = buyerOf(server.url);
  key = (await newPromoter(server, 'Editor')).testKey;
  venueId = (await createVenue(client, key)).id;
});
afterAll(() => server?.stop());

const patch = (idOrSlug: string, body: unknown) => client.patch(`/v1/events/${idOrSlug}`, body, { key });
const read = async (idOrSlug: string) => (await client.get(`/v1/events/${idOrSlug}`, { key })).body;

describe('PATCH /v1/events/:id', () => {
  it('changes only the fields sent, event and tiers, and adds new tiers last', async () => {
    const event = await createEvent(client, key, venueId, { title: 'Before' });
    const otherVenue = await createVenue(client, key, { name: 'Thekla' });
    const [early, standard] = event.tiers;
    const res = await patch(event.id, {
      title: 'After',
      slug: 'after-party',
      doors: '2031-06-01T21:00:00+01:00',
      venueId: otherVenue.id,
      holdMinutes: 5,
      rotatingQr: true,
      tiers: [
        { id: standard.id, name: 'General admission', price: 2000, maxPerOrder: 4 },
        { name: 'VIP', price: 5000, stock: 20, salesStart: '2031-01-01T00:00:00Z' },
        { id: early.id, stock: 50, salesEnd: '2031-05-01T00:00:00Z' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: event.id,
      title: 'After',
      slug: 'after-party',
      doors: '2031-06-01T20:00:00.000Z',
      venueId: otherVenue.id,
      holdMinutes: 5,
      rotatingQr: true,
      status: 'draft',
      currency: 'gbp',
      lowestPrice: 1200,
    });
    expect(res.body.tiers).toEqual([
      expect.objectContaining({
        id: early.id,
        slug: 'early-bird',
        name: 'Early bird',
        price: 1200,
        stock: 50,
      }),
      expect.objectContaining({
        id: standard.id,
        slug: 'standard',
        name: 'General admission',
        price: 2000,
        stock: 100,
        maxPerOrder: 4,
      }),
      expect.objectContaining({
        id: expect.stringMatching(/^tier_/),
        slug: 'vip',
        price: 5000,
        stock: 20,
        maxPerOrder: 10,
        salesStart: '2031-01-01T00:00:00.000Z',
        salesEnd: null,
      }),
    ]);
    expect(res.body.tiers[0].salesEnd).toBe('2031-05-01T00:00:00.000Z');
    expect(await read('after-party')).toEqual(res.body);

    // null reopens a sales window; an empty PATCH changes nothing.
    const reopened = await patch(event.id, { tiers: [{ id: early.id, salesEnd: null }] });
    expect(reopened.body.tiers[0].salesEnd).toBeNull();
    const unchanged = await patch(event.id, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(reopened.body);
  });

  it('refuses what it does not offer and names the field: unknown fields, removal, new tiers without price', async () => {
    const event = await createEvent(client, key, venueId);
    const tierId = event.tiers[0].id;
    const cases: [unknown, string, string][] = [
      [{ tiers: [{ id: tierId, delete: true }] }, 'request.invalid', 'tiers[0]'],
      [{ status: 'live' }, 'request.invalid', ''],
      [{ currency: 'usd' }, 'request.invalid', ''],
      [{ tiers: [{ name: 'Late', stock: 5 }] }, 'request.invalid', 'tiers[0].price'],
      [{ tiers: [{ id: tierId, price: 12.5 }] }, 'request.invalid', 'tiers[0].price'],
      [
        { tiers: [{ id: tierId }, { id: 'tier_elsewhere', price: 1 }] },
        'event.tier_not_found',
        'tiers[1].id',
      ],
      [{ tiers: [{ id: tierId }, { id: tierId }] }, 'request.invalid', 'tiers[1].id'],
      [{ tiers: [{ name: 'Standard', price: 1, stock: 1 }] }, 'request.invalid', 'tiers[0].name'],
      [{ tiers: [{ id: tierId, slug: 'standard' }] }, 'request.invalid', 'tiers[0].slug'],
      [
        { tiers: [{ id: tierId, salesStart: '2031-01-02T00:00:00Z', salesEnd: '2031-01-01T00:00:00Z' }] },
        'request.invalid',
        'tiers[0].salesEnd',
      ],
      [{ doors: 'tomorrow' }, 'request.invalid', 'doors'],
      [{ holdMinutes: 61 }, 'request.invalid', 'holdMinutes'],
    ];
    for (const [body, code, param] of cases) {
      const res = await patch(event.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
      expect(res.body.error.param ?? '', JSON.stringify(body)).toBe(param);
    }
    const removal = await patch(event.id, { tiers: [{ id: tierId, delete: true }] });
    expect(removal.body.error.message).toMatch(/delete/);
    expect(await read(event.id)).toEqual(event);
  });

  it('answers 409 for a slug in use and 404 for a venue that is not the promoter’s', async () => {
    const first = await createEvent(client, key, venueId, { title: 'Slug owner' });
    const second = await createEvent(client, key, venueId, { title: 'Slug wanter' });
    const taken = await patch(second.id, { slug: first.slug });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'event.slug_taken', param: 'slug' });
    const sameSlug = await patch(second.id, { slug: second.slug, title: 'Kept slug' });
    expect(sameSlug.status).toBe(200);
    const noVenue = await patch(second.id, { venueId: 'vn_strange_brew' });
    expect(noVenue.status).toBe(404);
    expect(noVenue.body.error).toMatchObject({ code: 'venue.not_found', param: 'venueId' });
  });
});

describe('stock and prices while tickets sell', () => {
  it('never lowers stock below sold plus held: 409 naming the tier, and nothing of the request applied', async () => {
    const event = await createLiveEvent(client, key, venueId, { title: 'Busy night' });
    const early = event.tiers[0];
    // Two sold (as a completed checkout leaves the tier) and three held by an open checkout.
    await server.db.updateTable('tiers').set({ sold: 2 }).where('id', '=', early.id).execute();
    const held = await buyer.openSession(event.id, [{ tierId: early.id, quantity: 3 }]);
    expect(held.status).toBe(201);

    const res = await patch(event.id, {
      title: 'Renamed',
      tiers: [
        { name: 'Extra', price: 100, stock: 10 },
        { id: early.id, stock: 4, price: 900 },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'event.stock_below_sold',
      param: 'tiers[1].stock',
      message: "Tier 'Early bird' has 2 sold and 3 held by open checkouts: its stock cannot go below 5.",
    });
    const after = await read(event.id);
    expect(after.title).toBe('Busy night');
    expect(after.tiers).toHaveLength(2);
    expect(after.tiers[0]).toMatchObject({ stock: 100, price: 1200, sold: 2, available: 95 });

    // Down to exactly what is sold and held is allowed, and then the tier is full.
    const exact = await patch(event.id, { tiers: [{ id: early.id, stock: 5 }] });
    expect(exact.status).toBe(200);
    expect(exact.body.tiers[0]).toMatchObject({ stock: 5, available: 0 });
    const more = await buyer.openSession(event.id, [{ tierId: early.id, quantity: 1 }]);
    expect(more.status).toBe(409);
    expect(more.body.error.code).toBe('event.tier_oversold');
  });

  it('leaves an open checkout at the prices it was opened with; new checkouts pay the new price', async () => {
    const event = await createLiveEvent(client, key, venueId, { title: 'Price rise' });
    const early = event.tiers[0];
    const opened = await buyer.openSession(event.id, [{ tierId: early.id, quantity: 2 }]);
    expect(opened.body).toMatchObject({ amountTotal: 2400, items: [{ tierId: early.id, unitPrice: 1200 }] });

    const raised = await patch(event.id, { tiers: [{ id: early.id, price: 1500 }] });
    expect(raised.status).toBe(200);
    expect(raised.body.tiers[0].price).toBe(1500);

    const session = await buyer.read(opened.body);
    expect(session.body).toMatchObject({
      status: 'open',
      amountTotal: 2400,
      items: [{ tierId: early.id, quantity: 2, unitPrice: 1200 }],
    });
    const later = await buyer.openSession(event.id, [{ tierId: early.id, quantity: 2 }]);
    expect(later.body).toMatchObject({ amountTotal: 3000, items: [{ unitPrice: 1500 }] });
  });
});

describe('PATCH during an on-sale', () => {
  it('never errors, deadlocks or oversells while buyers hold seats on the same tiers', async () => {
    for (let round = 0; round < 3; round++) {
      const event = await createLiveEvent(client, key, venueId, {
        title: `Rush ${round}`,
        tiers: [
          { name: 'Early bird', price: 1200, stock: 30 },
          { name: 'Standard', price: 1800, stock: 30 },
        ],
      });
      const [early, standard] = event.tiers;
      const buyers = Array.from({ length: 30 }, (_, i) =>
        buyer.openSession(
          event.id,
          i % 2
            ? [{ tierId: early.id, quantity: 1 }]
            : [
                { tierId: standard.id, quantity: 1 },
                { tierId: early.id, quantity: 1 },
              ],
        ),
      );
      const edit = patch(event.id, {
        tiers: [
          { id: standard.id, stock: 20, price: 1900 },
          { id: early.id, stock: 18 },
        ],
      });
      const [edited, ...opened] = await Promise.all([edit, ...buyers]);
      expect([200, 409]).toContain(edited.status);
      if (edited.status === 409) expect(edited.body.error.code).toBe('event.stock_below_sold');
      for (const res of opened) expect([201, 409]).toContain(res.status);

      const tiers = await server.db
        .selectFrom('tiers')
        .selectAll()
        .where('event_id', '=', event.id)
        .orderBy('position')
        .execute();
      const heldOf = (tierId: string) =>
        opened
          .filter((res) => res.status === 201)
          .flatMap((res) => res.body.items)
          .filter((item: { tierId: string }) => item.tierId === tierId).length;
      for (const tier of tiers) {
        expect(tier.sold + tier.reserved).toBeLessThanOrEqual(tier.stock);
        expect(tier.reserved).toBe(heldOf(tier.id));
      }
      if (edited.status === 200) expect(tiers.map((t) => t.stock)).toEqual([18, 20]);
      else expect(tiers.map((t) => t.stock)).toEqual([30, 30]);
    }
  });
});

describe('POST /v1/events/:id/cancel', () => {
  it('takes the event off the widget, refuses new checkouts, leaves open ones to run out, and sticks', async () => {
    const event = await createLiveEvent(client, key, venueId, { title: 'Called off' });
    const open = await buyer.openSession(event.id, [{ tier: 'standard', quantity: 1 }]);
    expect(open.status).toBe(201);

    const cancelled = await client.post(`/v1/events/${event.slug}/cancel`, {}, { key });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: event.id, status: 'cancelled' });

    const widget = await client.get(`/v1/widget/events/${event.id}`, { key: null });
    expect(widget.status).toBe(404);
    expect(widget.body.error.code).toBe('event.not_found');
    // To buyers a cancelled event no longer exists, as on the widget route; its promoter is told why.
    const fresh = await buyer.openSession(event.id, [{ tier: 'standard', quantity: 1 }]);
    expect(fresh.status).toBe(404);
    expect(fresh.body.error.code).toBe('event.not_found');
    const own = await client.post(
      '/v1/checkout/sessions',
      { eventId: event.id, items: [{ tier: 'standard', quantity: 1 }], customerEmail: 'b@example.com' },
      { key },
    );
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('event.not_on_sale');
    expect((await buyer.read(open.body)).body.status).toBe('open');

    const again = await client.post(`/v1/events/${event.id}/cancel`, {}, { key });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('cancelled');
    const edit = await patch(event.id, { title: 'Back on' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('event.cancelled');
    const republish = await client.post(`/v1/events/${event.id}/publish`, {}, { key });
    expect(republish.status).toBe(409);
    expect(republish.body.error.code).toBe('event.invalid_transition');
    expect((await read(event.id)).title).toBe('Called off');
  });

  it('cancels a draft too, and answers 404 for an unknown event', async () => {
    const draft = await createEvent(client, key, venueId, { title: 'Never on' });
    const res = await client.post(`/v1/events/${draft.id}/cancel`, {}, { key });
    expect(res.body.status).toBe('cancelled');
    const missing = await client.post('/v1/events/evt_missing/cancel', {}, { key });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('event.not_found');
  });
});
