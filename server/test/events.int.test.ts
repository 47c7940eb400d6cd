import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';

// The seed document's curl example, unchanged but for the key. Its doors have passed: a draft may
// have them, but publishing needs doors to come.
const seedExample = {
  title: 'Mura Masa · UK tour',
  venueId: 'vn_strange_brew',
  doors: '2026-05-02T19:00:00Z',
  tiers: [
    { name: 'Early bird', price: 1200, stock: 200 },
    { name: 'Standard', price: 1800, stock: 200 },
  ],
};

let server: TestServer;
let client: ReturnType<typeof api>;
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
});
afterAll(() => server?.stop());

const nextMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

describe('POST /v1/events', () => {
  it('accepts the seed curl example and answers the event with slugged tiers', async () => {
    const res = await client.post('/v1/events', seedExample, { idempotencyKey: '8f0e5a2c-0001' });
    expect(res.status).toBe(201);
    expect(res.headers.get('entryrate-version')).toBe('2026-04-25');
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      slug: 'mura-masa-uk-tour',
      title: 'Mura Masa · UK tour',
      status: 'draft',
      venueId: 'vn_strange_brew',
      doors: '2026-05-02T19:00:00.000Z',
      currency: 'gbp',
      holdMinutes: 15,
      lowestPrice: 1200,
      tiers: [
        { slug: 'early-bird', name: 'Early bird', price: 1200, stock: 200, sold: 0, available: 200 },
        { slug: 'standard', name: 'Standard', price: 1800, stock: 200, sold: 0, available: 200 },
      ],
    });
  });

  it('replays the same response for the same Idempotency-Key and body', async () => {
    const first = await client.post(
      '/v1/events',
      { ...seedExample, title: 'Replay' },
      { idempotencyKey: 'same-1' },
    );
    const again = await client.post(
      '/v1/events',
      { ...seedExample, title: 'Replay' },
      { idempotencyKey: 'same-1' },
    );
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await client.post(
      '/v1/events',
      { ...seedExample, title: 'Other' },
      { idempotencyKey: 'same-1' },
    );
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency.key_reused');
  });

  it('numbers a slug made from a title already used', async () => {
    const res = await client.post('/v1/events', seedExample);
    expect(res.status).toBe(201);
    expect(res.body.slug).toMatch(/^mura-masa-uk-tour-\d+$/);
  });

  it('names the bad field in a 400 and never 500s on bad input', async () => {
    const badPrice = await client.post('/v1/events', {
      ...seedExample,
      tiers: [{ name: 'Early bird', price: 12.5, stock: 200 }],
    });
    expect(badPrice.status).toBe(400);
    expect(badPrice.body.error).toMatchObject({ code: 'request.invalid', param: 'tiers[0].price' });
    expect(badPrice.body.error.requestId).toMatch(/^req_/);

    const malformed = await client.post('/v1/events', '{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('request.malformed_json');

    const noVenue = await client.post('/v1/events', { ...seedExample, venueId: 'vn_nowhere' });
    expect(noVenue.status).toBe(404);
    expect(noVenue.body.error).toMatchObject({ code: 'venue.not_found', param: 'venueId' });
  });

  it('requires a valid secret key', async () => {
    const none = await client.post('/v1/events', seedExample, { key: null });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('auth.missing_key');
    const wrong = await client.post('/v1/events', seedExample, { key: 'er_test_notarealkeyatall0000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('auth.invalid_key');
  });

  it('rejects an unknown EntryRate-Version', async () => {
    const res = await client.get('/v1/events/evt_mura_masa_bristol', {
      headers: { 'EntryRate-Version': '1999-01-01' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.unsupported_version');
  });
});

describe('publishing and reading events', () => {
  it('publishes a draft so the widget can sell it, and reads it by id or slug', async () => {
    const created = await client.post('/v1/events', {
      ...seedExample,
      title: 'Publish me',
      doors: nextMonth(),
    });
    const before = await client.get(`/v1/widget/events/${created.body.id}`, { key: null });
    expect(before.status).toBe(404);

    const published = await client.post(`/v1/events/${created.body.id}/publish`, { network: false });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'live', network: false, publishedAt: expect.any(String) });

    const bySlug = await client.get('/v1/events/publish-me');
    expect(bySlug.body.id).toBe(created.body.id);
    const widget = await client.get(`/v1/widget/events/${created.body.id}`, { key: null });
    expect(widget.status).toBe(200);
    expect(widget.body.tiers.map((t: { slug: string }) => t.slug)).toEqual(['early-bird', 'standard']);
  });

  it('refuses to publish an event whose doors have passed until its doors are moved ahead', async () => {
    const created = await client.post('/v1/events', { ...seedExample, title: 'Too late' });
    expect(created.body).toMatchObject({ status: 'draft', doors: '2026-05-02T19:00:00.000Z' });

    const refused = await client.post(`/v1/events/${created.body.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'event.doors_passed', param: 'doors' });
    expect(refused.body.error.message).toMatch(/doors .*passed.*PATCH.*future `doors`/);
    expect((await client.get(`/v1/events/${created.body.id}`)).body).toMatchObject({
      status: 'draft',
      publishedAt: null,
    });

    const moved = await client.patch(`/v1/events/${created.body.id}`, { doors: nextMonth() });
    expect(moved.status).toBe(200);
    const published = await client.post(`/v1/events/${created.body.id}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'live', publishedAt: expect.any(String) });
  });

  it('answers 404 in the error shape for an unknown event or route', async () => {
    const event = await client.get('/v1/events/evt_missing');
    expect(event.status).toBe(404);
    expect(event.body.error).toMatchObject({ code: 'event.not_found', docs: expect.stringContaining('#') });
    const route = await client.get('/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('route.not_found');
  });

  it('lists the refusal in the OpenAPI document of the publish route', async () => {
    const doc = (await client.get('/v1/openapi.json', { key: null })).body;
    const publish = doc.paths['/v1/events/{id}/publish'].post;
    expect(publish.responses['409']['x-error-codes']).toContain('event.doors_passed');
  });

  it('reports liveness, and readiness with the database', async () => {
    const health = await client.get('/health', { key: null });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    const ready = await client.get('/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: 'up' });
  });
});
