import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EVENT_ID } from '../src/demo/seed.ts';
import { fingerprintOf } from '../src/http/idempotency.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let client: ReturnType<typeof api>;
let tierId: string;
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
  tierId = (await client.get(`/v1/widget/events/${DEMO_EVENT_ID}`)).body.tiers[0].id;
});
afterAll(() => server?.stop());

const held = async () =>
  (await server.db.selectFrom('tiers').select('reserved').where('id', '=', tierId).executeTakeFirstOrThrow())
    .reserved;
const body = (quantity: number) => ({
  eventId: DEMO_EVENT_ID,
  items: [{ tierId, quantity }],
  customerEmail: 'idem@example.com',
});

describe('Idempotency-Key', () => {
  it('reserves once for concurrent identical requests', async () => {
    const before = await held();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.post('/v1/checkout/sessions', body(1), { key: null, idempotencyKey: 'burst-1' }),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    // The first runs; the rest either replay it or are told it is still running.
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409);
      expect(a.body.error.code).toBe('idempotency.in_progress');
    }
    expect(await held()).toBe(before + 1);
    const replay = await client.post('/v1/checkout/sessions', body(1), {
      key: null,
      idempotencyKey: 'burst-1',
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(created[0]?.body.id);
  });

  it('answers 409 while a request with the key is still running, 422 for another body', async () => {
    // What a second process sees while the first is mid-request: a claimed, unfinished key.
    await server.db
      .insertInto('idempotency_keys')
      .values({
        scope: 'client:127.0.0.1',
        key: 'running-1',
        fingerprint: fingerprintOf('POST', '/v1/checkout/sessions', body(1)),
      })
      .execute();
    const same = await client.post('/v1/checkout/sessions', body(1), {
      key: null,
      idempotencyKey: 'running-1',
    });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('idempotency.in_progress');
    const other = await client.post('/v1/checkout/sessions', body(2), {
      key: null,
      idempotencyKey: 'running-1',
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency.key_reused');
  });

  it('scopes keys to the caller: a promoter and a browser may use the same key', async () => {
    const asBrowser = await client.post('/v1/checkout/sessions', body(1), {
      key: null,
      idempotencyKey: 'shared-key',
    });
    const asPromoter = await client.post('/v1/checkout/sessions', body(1), { idempotencyKey: 'shared-key' });
    expect(asBrowser.status).toBe(201);
    expect(asPromoter.status).toBe(201);
    expect(asPromoter.body.id).not.toBe(asBrowser.body.id);
  });

  it('accepts the Eventop shape: idempotency_key in the body', async () => {
    const before = await held();
    const first = await client.post(
      '/v1/checkout/sessions',
      { ...body(2), idempotency_key: 'eventop-1' },
      { key: null },
    );
    const again = await client.post(
      '/v1/checkout/sessions',
      { ...body(2), idempotency_key: 'eventop-1' },
      { key: null },
    );
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await held()).toBe(before + 2);
  });

  it('keeps a key for 24 hours, then lets it be used afresh', async () => {
    const first = await client.post('/v1/checkout/sessions', body(1), {
      key: null,
      idempotencyKey: 'old-key',
    });
    await server.db
      .updateTable('idempotency_keys')
      .set({ created_at: sql`now() - interval '25 hours'` })
      .where('key', '=', 'old-key')
      .execute();
    const later = await client.post('/v1/checkout/sessions', body(1), {
      key: null,
      idempotencyKey: 'old-key',
    });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('does not keep failures: a corrected retry with the same key runs', async () => {
    const bad = await client.post(
      '/v1/checkout/sessions',
      { ...body(1), customerEmail: 'nope' },
      { key: null, idempotencyKey: 'fix-me' },
    );
    expect(bad.status).toBe(400);
    const again = await client.post(
      '/v1/checkout/sessions',
      { ...body(1), customerEmail: 'nope' },
      { key: null, idempotencyKey: 'fix-me' },
    );
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});
