import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { buyerOf } from './buyer.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createLiveEvent, createVenue, newPromoter } from './promoters.ts';

let server: TestServer;
let client: ReturnType<typeof api>;
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
});
afterAll(() => server?.stop());

describe("another promoter's data", () => {
  it('is a 404 on every endpoint, by id and by slug, never a 403, and is left unchanged', async () => {
    const owner = await newPromoter(server, 'Owner');
    const intruder = await newPromoter(server, 'Intruder');
    const venue = await createVenue(client, owner.testKey, { name: 'Owner hall' });
    const event = await createLiveEvent(client, owner.testKey, venue.id, { title: 'Owner night' });
    const ownersKey = (await client.get('/v1/api-keys', { key: owner.testKey })).body.data[0];
    const session = (await buyerOf(server.url).openSession(event.id, [{ tier: 'early-bird', quantity: 1 }]))
      .body;
    const key = intruder.testKey;

    const attempts: [string, Promise<{ status: number; body: any }>][] = [
      ['GET venue', client.get(`/v1/venues/${venue.id}`, { key })],
      ['GET event by id', client.get(`/v1/events/${event.id}`, { key })],
      ['GET event by slug', client.get(`/v1/events/${event.slug}`, { key })],
      ['PATCH event by id', client.patch(`/v1/events/${event.id}`, { title: 'Mine now' }, { key })],
      ['PATCH event by slug', client.patch(`/v1/events/${event.slug}`, { title: 'Mine now' }, { key })],
      [
        'PATCH a tier',
        client.patch(`/v1/events/${event.id}`, { tiers: [{ id: event.tiers[0].id, price: 1 }] }, { key }),
      ],
      ['publish by id', client.post(`/v1/events/${event.id}/publish`, { network: false }, { key })],
      ['publish by slug', client.post(`/v1/events/${event.slug}/publish`, { network: false }, { key })],
      ['cancel by id', client.post(`/v1/events/${event.id}/cancel`, {}, { key })],
      ['cancel by slug', client.post(`/v1/events/${event.slug}/cancel`, {}, { key })],
      ['revoke key', client.delete(`/v1/api-keys/${ownersKey.id}`, { key })],
      [
        'create event at their venue',
        client.post(
          '/v1/events',
          {
            title: 'Squat',
            venueId: venue.id,
            doors: '2031-01-01T20:00:00Z',
            tiers: [{ name: 'A', price: 1, stock: 1 }],
          },
          { key },
        ),
      ],
      [
        'move own event to their venue',
        createVenue(client, key).then(async (own) => {
          const mine = await client.post(
            '/v1/events',
            {
              title: 'Mine',
              venueId: own.id,
              doors: '2031-01-01T20:00:00Z',
              tiers: [{ name: 'A', price: 1, stock: 1 }],
            },
            { key },
          );
          return client.patch(`/v1/events/${mine.body.id}`, { venueId: venue.id }, { key });
        }),
      ],
      ['read their checkout session', client.get(`/v1/checkout/sessions/${session.id}`, { key })],
      [
        'open a session as them',
        client.post(
          '/v1/checkout/sessions',
          { eventId: event.id, items: [{ tier: 'early-bird', quantity: 1 }], customerEmail: 'a@example.com' },
          { key },
        ),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const res = await attempt;
      expect(res.status, what).toBe(404);
      expect(res.body.error.code, what).toMatch(/not_found$/);
    }

    // Lists show none of it.
    const lists = await Promise.all([
      client.get('/v1/venues', { key }),
      client.get('/v1/events', { key }),
      client.get('/v1/api-keys', { key }),
    ]);
    for (const list of lists) {
      expect(JSON.stringify(list.body)).not.toContain(owner.promoterId);
      for (const id of [venue.id, event.id, ownersKey.id])
        expect(JSON.stringify(list.body)).not.toContain(id);
    }

    // And the owner's things are as they were.
    const after = await client.get(`/v1/events/${event.id}`, { key: owner.testKey });
    expect(after.body).toMatchObject({
      title: 'Owner night',
      status: 'live',
      network: true,
      venueId: venue.id,
    });
    expect(after.body.tiers[0].price).toBe(1200);
    expect((await client.get('/v1/api-keys', { key: owner.testKey })).status).toBe(200);
  });
});
