import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createEvent, createLiveEvent, createVenue, newPromoter } from './promoters.ts';

// Real-looking Stripe keys, so live keys are allowed; none of these endpoints calls Stripe.
const REAL_STRIPE = {
  STRIPE_SECRET_KEY: 'sk_live_x',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
  STRIPE_WEBHOOK_SECRET: 'whsec_x',
};

let server: TestServer;
let client: ReturnType<typeof api>;
beforeAll(async () => {
  server = await startTestServer({ env: REAL_STRIPE });
  client = api(server.url);
});
afterAll(() => server?.stop());

describe('test and live data', () => {
  it('never meet: each mode of one promoter sees only its own venues, events and keys', async () => {
    const promoter = await newPromoter(server, 'Two modes');
    const { testKey, liveKey } = promoter;
    const testVenue = await createVenue(client, testKey, { name: 'Test hall' });
    const testEvent = await createLiveEvent(client, testKey, testVenue.id, { title: 'Test night' });
    const liveVenue = await createVenue(client, liveKey, { name: 'Live hall' });
    const liveEvent = await createEvent(client, liveKey, liveVenue.id, { title: 'Live night' });

    for (const [key, own, others] of [
      [liveKey, { venue: liveVenue, event: liveEvent }, { venue: testVenue, event: testEvent }],
      [testKey, { venue: testVenue, event: testEvent }, { venue: liveVenue, event: liveEvent }],
    ] as const) {
      const venues = await client.get('/v1/venues', { key });
      expect(venues.body.data.map((v: { id: string }) => v.id)).toEqual([own.venue.id]);
      const events = await client.get('/v1/events', { key });
      expect(events.body.data.map((e: { id: string }) => e.id)).toEqual([own.event.id]);
      expect(events.body.pagination.total).toBe(1);

      const notFound = [
        await client.get(`/v1/venues/${others.venue.id}`, { key }),
        await client.get(`/v1/events/${others.event.id}`, { key }),
        await client.get(`/v1/events/${others.event.slug}`, { key }),
        await client.patch(`/v1/events/${others.event.id}`, { title: 'Taken over' }, { key }),
        await client.post(`/v1/events/${others.event.id}/publish`, {}, { key }),
        await client.post(`/v1/events/${others.event.id}/cancel`, {}, { key }),
      ];
      for (const res of notFound) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toMatch(/^(venue|event)\.not_found$/);
      }
      const crossVenue = await client.post(
        '/v1/events',
        {
          title: 'Cross',
          venueId: others.venue.id,
          doors: '2031-01-01T20:00:00Z',
          tiers: [{ name: 'A', price: 1, stock: 1 }],
        },
        { key },
      );
      expect(crossVenue.status).toBe(404);
      expect(crossVenue.body.error).toMatchObject({ code: 'venue.not_found', param: 'venueId' });
    }

    // Each mode lists and manages only its own keys.
    const liveKeys = await client.get('/v1/api-keys', { key: liveKey });
    expect(liveKeys.body.data).toHaveLength(1);
    expect(liveKeys.body.data[0].mode).toBe('live');
    const testKeys = await client.get('/v1/api-keys', { key: testKey });
    expect(testKeys.body.data.map((k: { mode: string }) => k.mode)).toEqual(['test']);
    const crossRevoke = await client.delete(`/v1/api-keys/${testKeys.body.data[0].id}`, { key: liveKey });
    expect(crossRevoke.status).toBe(404);
    const created = await client.post('/v1/api-keys', {}, { key: liveKey });
    expect(created.body).toMatchObject({ mode: 'live', secret: expect.stringMatching(/^er_live_/) });

    // Nothing of the other mode changed.
    const still = await client.get(`/v1/events/${testEvent.id}`, { key: testKey });
    expect(still.body).toMatchObject({ title: 'Test night', status: 'live' });
    const liveStill = await client.get(`/v1/events/${liveEvent.id}`, { key: liveKey });
    expect(liveStill.body).toMatchObject({ title: 'Live night', status: 'draft' });
  });

  it('lets a live key see none of the demo promoter’s test data either', async () => {
    const { liveKey } = await newPromoter(server, 'Live only');
    expect((await client.get('/v1/events/evt_mura_masa_bristol', { key: liveKey })).status).toBe(404);
    expect((await client.get('/v1/events/mura-masa-bristol', { key: liveKey })).status).toBe(404);
    expect((await client.get('/v1/venues/vn_strange_brew', { key: liveKey })).status).toBe(404);
  });
});
