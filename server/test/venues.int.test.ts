import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createVenue, newPromoter } from './promoters.ts';

let server: TestServer;
let client: ReturnType<typeof api>;
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
});
afterAll(() => server?.stop());

describe('POST /v1/venues', () => {
  it('creates a venue with the city slug as cityId and the zone’s canonical name', async () => {
    const { testKey } = await newPromoter(server);
    const res = await client.post(
      '/v1/venues',
      { name: 'The Horn', city: 'St. Albans', timezone: 'europe/london' },
      { key: testKey, idempotencyKey: 'venue-1' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^vn_/),
      name: 'The Horn',
      city: 'St. Albans',
      cityId: 'st-albans',
      timezone: 'Europe/London',
      createdAt: expect.any(String),
    });
    const got = await client.get(`/v1/venues/${res.body.id}`, { key: testKey });
    expect(got.body).toEqual(res.body);

    const given = await createVenue(client, testKey, {
      city: 'Bristol',
      cityId: 'bristol-uk',
      timezone: 'UTC',
    });
    expect(given).toMatchObject({ cityId: 'bristol-uk', timezone: 'UTC' });
  });

  it('names the bad field', async () => {
    const { testKey } = await newPromoter(server);
    const good = { name: 'Hall', city: 'Leeds', timezone: 'Europe/London' };
    for (const [body, param] of [
      [{ ...good, timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      [{ ...good, timezone: 'GMT+25' }, 'timezone'],
      [{ ...good, name: '  ' }, 'name'],
      [{ ...good, city: undefined }, 'city'],
      [{ ...good, cityId: 'Not A Slug' }, 'cityId'],
    ] as const) {
      const res = await client.post('/v1/venues', body, { key: testKey });
      expect(res.status, param).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'request.invalid', param });
    }
    const timezone = await client.post('/v1/venues', { ...good, timezone: 'Nowhere/Land' }, { key: testKey });
    expect(timezone.body.error.message).toMatch(/IANA time zone/);
  });
});

describe('GET /v1/venues', () => {
  it('pages through the promoter’s venues, newest first', async () => {
    const { testKey } = await newPromoter(server);
    const names = ['One', 'Two', 'Three'];
    for (const name of names) await createVenue(client, testKey, { name });

    const first = await client.get('/v1/venues?limit=2', { key: testKey });
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, limit: 2, total: 3, pages: 2 });
    expect(first.body.data.map((v: { name: string }) => v.name)).toEqual(['Three', 'Two']);
    const second = await client.get('/v1/venues?limit=2&page=2', { key: testKey });
    expect(second.body.data.map((v: { name: string }) => v.name)).toEqual(['One']);
    const beyond = await client.get('/v1/venues?limit=2&page=3', { key: testKey });
    expect(beyond.body).toEqual({ data: [], pagination: { page: 3, limit: 2, total: 3, pages: 2 } });
  });

  it('answers 400 naming page or limit when they are bad', async () => {
    const { testKey } = await newPromoter(server);
    for (const [query, param] of [
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=2.5', 'limit'],
    ]) {
      const res = await client.get(`/v1/venues?${query}`, { key: testKey });
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'request.invalid', param });
    }
  });

  it('answers 404 venue.not_found for an unknown venue', async () => {
    const { testKey } = await newPromoter(server);
    const res = await client.get('/v1/venues/vn_nowhere', { key: testKey });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('venue.not_found');
  });
});
