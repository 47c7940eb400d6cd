import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { hashApiKey } from '../src/promoters/api-keys.ts';
import { liveModeWarning } from '../src/promoters/live-mode.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createVenue, newPromoter } from './promoters.ts';

// Against the stripe-sim (the harness's default), where live keys are refused.
const KEY_MANAGEMENT_LIMIT = 8;

let server: TestServer;
let client: ReturnType<typeof api>;
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_KEY_MANAGEMENT: String(KEY_MANAGEMENT_LIMIT) } });
  client = api(server.url);
});
afterAll(() => server?.stop());

const liveKeyIdOf = async (promoterId: string) =>
  (
    await server.db
      .selectFrom('api_keys')
      .select('id')
      .where('promoter_id', '=', promoterId)
      .where('mode', '=', 'live')
      .executeTakeFirstOrThrow()
  ).id;

describe('creating a key', () => {
  it('answers the secret once, in the caller’s mode, and the key works at once', async () => {
    const promoter = await newPromoter(server);
    const created = await client.post('/v1/api-keys', { name: 'Box office' }, { key: promoter.testKey });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(created.body).toEqual({
      id: expect.stringMatching(/^key_/),
      mode: 'test',
      kind: 'secret',
      eventIds: null,
      name: 'Box office',
      last4: secret.slice(-4),
      createdAt: expect.any(String),
      revokedAt: null,
      lastUsedAt: null,
      secret: expect.stringMatching(/^er_test_[0-9a-z]{32}$/),
    });

    const withNewKey = await client.get('/v1/venues', { key: secret });
    expect(withNewKey.status).toBe(200);

    // Only its hash is stored.
    const row = await server.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('never lists a secret: ids, kinds, names, last 4 and dates only', async () => {
    const promoter = await newPromoter(server);
    const created = await client.post('/v1/api-keys', {}, { key: promoter.testKey });
    const list = await client.get('/v1/api-keys', { key: promoter.testKey });
    expect(list.status).toBe(200);
    expect(list.body.pagination).toEqual({ page: 1, limit: 20, total: 2, pages: 1 });
    for (const key of list.body.data) {
      expect(Object.keys(key).sort()).toEqual([
        'createdAt',
        'eventIds',
        'id',
        'kind',
        'last4',
        'lastUsedAt',
        'mode',
        'name',
        'revokedAt',
      ]);
      expect(key.mode).toBe('test');
    }
    expect(list.body.data.map((k: { id: string }) => k.id)).toContain(created.body.id);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.body.secret);
    expect(text).not.toContain(promoter.testKey);
  });

  it('replays a retried create without the secret, and keeps no clear copy for replays', async () => {
    const promoter = await newPromoter(server);
    const options = { key: promoter.testKey, idempotencyKey: 'new-key-1' };
    const first = await client.post('/v1/api-keys', { name: 'CI' }, options);
    const again = await client.post('/v1/api-keys', { name: 'CI' }, options);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(again.body).not.toHaveProperty('secret');
    const stored = await server.db.selectFrom('idempotency_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(first.body.secret);
  });

  it('names a bad field', async () => {
    const promoter = await newPromoter(server);
    const res = await client.post('/v1/api-keys', { name: '' }, { key: promoter.testKey });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'request.invalid', param: 'name' });
    const noKey = await client.get('/v1/api-keys', { key: null });
    expect(noKey.status).toBe(401);
    expect(noKey.body.error.code).toBe('auth.missing_key');
  });
});

describe('revoking a key', () => {
  it('refuses the key with 401 on its very next request, and a second revoke changes nothing', async () => {
    const promoter = await newPromoter(server);
    const spare = (await client.post('/v1/api-keys', { name: 'Spare' }, { key: promoter.testKey })).body;
    expect((await client.get('/v1/venues', { key: spare.secret })).status).toBe(200);

    const revoked = await client.delete(`/v1/api-keys/${spare.id}`, { key: promoter.testKey });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: spare.id, revokedAt: expect.any(String) });
    expect(revoked.body).not.toHaveProperty('secret');

    const refused = await client.get('/v1/venues', { key: spare.secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('auth.invalid_key');

    const again = await client.delete(`/v1/api-keys/${spare.id}`, { key: promoter.testKey });
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const listed = await client.get('/v1/api-keys', { key: promoter.testKey });
    const entry = listed.body.data.find((k: { id: string }) => k.id === spare.id);
    expect(entry.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('may revoke the key the request came with', async () => {
    const promoter = await newPromoter(server);
    const mine = (await client.get('/v1/api-keys', { key: promoter.testKey })).body.data[0];
    const res = await client.delete(`/v1/api-keys/${mine.id}`, { key: promoter.testKey });
    expect(res.status).toBe(200);
    expect((await client.get('/v1/api-keys', { key: promoter.testKey })).status).toBe(401);
  });

  it("answers 404 for another promoter's key and for the other mode's key, and revokes neither", async () => {
    const owner = await newPromoter(server, 'Owner');
    const other = await newPromoter(server, 'Other');
    const ownersKey = (await client.get('/v1/api-keys', { key: owner.testKey })).body.data[0];

    const theirs = await client.delete(`/v1/api-keys/${ownersKey.id}`, { key: other.testKey });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('api_key.not_found');
    const liveId = await liveKeyIdOf(owner.promoterId);
    const otherMode = await client.delete(`/v1/api-keys/${liveId}`, { key: owner.testKey });
    expect(otherMode.status).toBe(404);
    expect(otherMode.body.error.code).toBe('api_key.not_found');

    expect((await client.get('/v1/venues', { key: owner.testKey })).status).toBe(200);
    const live = await server.db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', liveId)
      .executeTakeFirstOrThrow();
    expect(live.revoked_at).toBeNull();
    const othersList = await client.get('/v1/api-keys', { key: other.testKey });
    expect(othersList.body.data.map((k: { id: string }) => k.id)).not.toContain(ownersKey.id);
  });
});

describe('the key-management limit', () => {
  it('allows a key so many requests an hour on /v1/api-keys, whatever the method, apart from the rest', async () => {
    const promoter = await newPromoter(server);
    const key = promoter.testKey;
    const calls = [
      () => client.get('/v1/api-keys', { key }),
      () => client.post('/v1/api-keys', { name: 'Rotated' }, { key }),
      () => client.delete('/v1/api-keys/key_missing', { key }),
    ];
    for (let i = 0; i < KEY_MANAGEMENT_LIMIT; i++) {
      const res = await (calls[i % calls.length] as () => ReturnType<typeof client.get>)();
      expect(res.status).not.toBe(429);
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(KEY_MANAGEMENT_LIMIT));
      expect(Number(res.headers.get('x-ratelimit-remaining'))).toBe(KEY_MANAGEMENT_LIMIT - 1 - i);
    }
    const over = await client.post('/v1/api-keys', {}, { key });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limit.exceeded');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);

    const elsewhere = await client.get('/v1/venues', { key });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('x-ratelimit-limit')).toBe('200');
  });
});

describe('live keys against the stripe-sim', () => {
  it('refuses a live key with 403 auth.live_mode_unavailable on every route, and says what to set', async () => {
    const promoter = await newPromoter(server);
    const requests = [
      client.get('/v1/events', { key: promoter.liveKey }),
      client.get('/v1/venues', { key: promoter.liveKey }),
      client.post('/v1/venues', { name: 'X', city: 'Bristol', timezone: 'UTC' }, { key: promoter.liveKey }),
      client.get('/v1/api-keys', { key: promoter.liveKey }),
      client.get('/v1/storefront/events', { key: promoter.liveKey }),
      client.get('/v1/widget/events/evt_mura_masa_bristol', { key: promoter.liveKey }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('auth.live_mode_unavailable');
      expect(res.body.error.message).toMatch(/Live keys need real Stripe keys: set STRIPE_SECRET_KEY/);
    }
    // Nothing was written in live mode, and the same promoter's test key works.
    const liveVenues = await server.db.selectFrom('venues').select('id').where('mode', '=', 'live').execute();
    expect(liveVenues).toEqual([]);
    await createVenue(client, promoter.testKey);
  });

  it('is what the start-up warning says, with how many live keys it shuts out', async () => {
    const warning = await liveModeWarning(server.db, server.app.deps.config.stripe);
    expect(warning).toMatch(/^Live mode is off: this server uses the stripe-sim/);
    expect(warning).toMatch(/\d+ active live keys? in the database/);
    const real = loadConfig({
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    });
    expect(await liveModeWarning(server.db, real.stripe)).toBeNull();
  });
});
