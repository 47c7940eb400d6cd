import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS, type Permission, ROLES, type Role } from '../src/access/roles.ts';
import { insertMembership, insertPerson } from '../src/accounts/accounts.store.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import { DEMO_PROMOTER_ID, DEMO_TEST_KEY } from '../src/demo/seed.ts';
import { ACTIVE_KEY_TTL_MS } from '../src/promoters/active-key-cache.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createVenue, newPromoter } from './promoters.ts';
import { type Browser, signedIn } from './sessions.ts';

let server: TestServer;
let client: ReturnType<typeof api>;
let doc: any;
/** A person of each role at the demo promoter, signed in. */
const people = {} as Record<Role, Browser>;
/** A door device's key: it scans and reads door counts, as door staff do. */
let scannerKey: string;

const PASSWORD = 'roles-walk-password-2026';

beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
  doc = (await client.get('/v1/openapi.json', { key: null })).body;
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ROLES) {
    const email = `${role.replace('_', '-')}@roles.example`;
    const person = await insertPerson(server.db, {
      id: `psn_roles_${role}`,
      email,
      name: role,
      password_hash: passwordHash,
    });
    if (!person) throw new Error(`no person for ${role}`);
    await insertMembership(server.db, { personId: person.id, promoterId: DEMO_PROMOTER_ID, role });
    people[role] = await signedIn(server.url, { email, password: PASSWORD });
  }
  const scanner = await client.post('/v1/api-keys', { name: 'Door 1', kind: 'scanner' });
  expect(scanner.status).toBe(201);
  scannerKey = scanner.body.secret;
});
afterAll(() => server?.stop());

interface Operation {
  method: string;
  /** `/v1/orders/{id}` with each parameter filled with an id nothing has. */
  path: string;
  permission: Permission;
}

/** Every operation a key can call (its security names bearerAuth), with the permission it needs. */
function promoterOperations(): Operation[] {
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.security?.some((scheme: object) => 'bearerAuth' in scheme))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{\w+\}/g, 'x_roles_walk'),
        permission: op['x-permission'],
      })),
  );
}

describe('every promoter route, as every role', () => {
  it('names a permission on every operation a key or a session can call', () => {
    const operations = promoterOperations();
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      expect(Object.keys(PERMISSIONS), `${op.method} ${op.path} names no permission`).toContain(
        op.permission,
      );
    }
  });

  it('lets each role do what its permissions say and refuses the rest with 403 auth.forbidden', async () => {
    const seen = { allowed: 0, refused: 0 };
    for (const op of promoterOperations()) {
      // Bodies are empty and ids made up: an allowed call fails validation or finds nothing, and changes nothing.
      const body = ['GET', 'DELETE'].includes(op.method) ? undefined : {};
      const withKey = (key: string) =>
        fetch(`${server.url}${op.path}`, {
          method: op.method,
          headers: {
            Authorization: `Bearer ${key}`,
            ...(body ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(body ? { body: '{}' } : {}),
        }).then(async (res) => ({ status: res.status, body: await res.json().catch(() => null) }));
      const callers: [string, Role, () => Promise<{ status: number; body: any }>][] = [
        ...ROLES.map(
          (role) =>
            [
              role,
              role,
              () => people[role].call(op.method, op.path, body, { promoter: DEMO_PROMOTER_ID }),
            ] as [string, Role, () => Promise<{ status: number; body: any }>],
        ),
        ['a secret key', 'owner', () => withKey(DEMO_TEST_KEY)],
        ['a scanner key', 'door', () => withKey(scannerKey)],
      ];
      for (const [who, role, call] of callers) {
        const res = await call();
        const where = `${op.method} ${op.path} as ${who}: ${res.status} ${JSON.stringify(res.body)}`;
        if ((PERMISSIONS[op.permission] as readonly Role[]).includes(role)) {
          expect(res.status, where).not.toBe(401);
          expect(res.body?.error?.code, where).not.toBe('auth.forbidden');
          seen.allowed++;
        } else {
          expect(res.status, where).toBe(403);
          expect(res.body.error.code, where).toBe('auth.forbidden');
          seen.refused++;
        }
      }
    }
    expect(seen.refused).toBeGreaterThan(20);
  });

  it('says in words which role cannot do what', async () => {
    const refund = await people.door.call(
      'POST',
      '/v1/orders/ord_x/refund',
      {},
      { promoter: DEMO_PROMOTER_ID },
    );
    expect(refund.status).toBe(403);
    expect(refund.body.error.message).toMatch(/^Your role \(door\) cannot refund orders\./);
    const keys = await people.manager.call('GET', '/v1/api-keys', undefined, { promoter: DEMO_PROMOTER_ID });
    expect(keys.body.error.message).toMatch(/^Your role \(manager\) cannot manage API keys\./);
    const scan = await people.door.call('POST', '/v1/scans', {}, { promoter: DEMO_PROMOTER_ID });
    expect(scan.status).toBe(400);
  });

  it('asks for a key or a sign-in when neither came, and for the promoter when only a sign-in did', async () => {
    const anonymous = await client.get('/v1/orders', { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 'auth.missing_key' });
    expect(anonymous.body.error.message).toContain('sign in');
    const noPromoter = await people.owner.call('GET', '/v1/orders');
    expect(noPromoter.status).toBe(401);
    expect(noPromoter.body.error.message).toContain('EntryRate-Promoter');
  });

  it('keeps the widget path public: a checkout without a key or session is not asked for one', async () => {
    const res = await client.post('/v1/checkout/sessions', {}, { key: null });
    expect(res.status).toBe(400);
  });
});

describe("an agency's admin key", () => {
  async function agency() {
    const promoter = await newPromoter(server, 'Agency');
    const admin = await client.post(
      '/v1/api-keys',
      { name: 'Agency admin', kind: 'admin' },
      { key: promoter.testKey },
    );
    expect(admin.status, JSON.stringify(admin.body)).toBe(201);
    expect(admin.body).toMatchObject({ kind: 'admin', lastUsedAt: null });
    const managed = await client.post('/v1/promoters', { name: 'Managed' }, { key: admin.body.secret });
    expect(managed.status, JSON.stringify(managed.body)).toBe(201);
    expect(managed.body).toMatchObject({
      id: expect.stringMatching(/^pr_/),
      name: 'Managed',
      agencyId: promoter.promoterId,
    });
    return { promoter, adminKey: admin.body.secret as string, managedId: managed.body.id as string };
  }
  const as = (promoter: string) => ({ headers: { 'EntryRate-Promoter': promoter } });

  it('acts for a promoter its agency manages, chosen per request', async () => {
    const { promoter, adminKey, managedId } = await agency();
    const venue = await client.post(
      '/v1/venues',
      { name: 'Thekla', city: 'Bristol', timezone: 'Europe/London' },
      { key: adminKey, ...as(managedId) },
    );
    expect(venue.status).toBe(201);
    // The venue is the managed promoter's, not the agency's.
    expect(
      (await client.get(`/v1/venues/${venue.body.id}`, { key: adminKey, ...as(managedId) })).status,
    ).toBe(200);
    expect((await client.get(`/v1/venues/${venue.body.id}`, { key: adminKey })).status).toBe(404);
    expect((await client.get(`/v1/venues/${venue.body.id}`, { key: promoter.testKey })).status).toBe(404);
    // Naming its own promoter is the same as naming none.
    expect((await client.get('/v1/venues', { key: adminKey, ...as(promoter.promoterId) })).status).toBe(200);

    const listed = await client.get('/v1/promoters', { key: adminKey });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((p: { id: string }) => p.id)).toEqual([managedId]);
  });

  it('never reaches a promoter outside its agency', async () => {
    const { adminKey, managedId } = await agency();
    const outside = await client.get('/v1/venues', { key: adminKey, ...as(DEMO_PROMOTER_ID) });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('auth.promoter_forbidden');
    const unknown = await client.get('/v1/venues', { key: adminKey, ...as('pr_nobody') });
    expect(unknown.body.error.code).toBe('auth.promoter_forbidden');
    // Another agency's managed promoter is outside too.
    const other = await agency();
    const foreign = await client.get('/v1/venues', { key: adminKey, ...as(other.managedId) });
    expect(foreign.body.error.code).toBe('auth.promoter_forbidden');
    // Agencies are one level deep: a managed promoter manages none.
    const nested = await client.post(
      '/v1/promoters',
      { name: 'Nested' },
      { key: adminKey, ...as(managedId) },
    );
    expect(nested.status).toBe(409);
    expect(nested.body.error.code).toBe('promoter.agency_managed');
  });

  it('makes one request per promoter of a reused Idempotency-Key, never a replay of another promoter’s', async () => {
    const { adminKey, managedId } = await agency();
    const body = { name: 'Same body', city: 'Bristol', timezone: 'Europe/London' };
    const own = await client.post('/v1/venues', body, { key: adminKey, idempotencyKey: 'agency-venue-1' });
    const managed = await client.post('/v1/venues', body, {
      key: adminKey,
      idempotencyKey: 'agency-venue-1',
      ...as(managedId),
    });
    expect(managed.status).toBe(201);
    expect(managed.headers.get('idempotent-replayed')).toBeNull();
    expect(managed.body.id).not.toBe(own.body.id);
  });

  it('is the only kind of key that may name another promoter', async () => {
    const { promoter, managedId } = await agency();
    const secret = await client.get('/v1/venues', { key: promoter.testKey, ...as(managedId) });
    expect(secret.status).toBe(403);
    expect(secret.body.error).toMatchObject({ code: 'auth.promoter_forbidden' });
    expect(secret.body.error.message).toContain("use the agency's admin key");
    expect((await client.get('/v1/venues', { key: DEMO_TEST_KEY, ...as(promoter.promoterId) })).status).toBe(
      403,
    );
    expect((await client.get('/v1/venues', { key: DEMO_TEST_KEY, ...as(DEMO_PROMOTER_ID) })).status).toBe(
      200,
    );
  });

  it('makes a signed-in owner the owner of the promoter they create', async () => {
    const managed = await people.owner.call(
      'POST',
      '/v1/promoters',
      { name: 'Owner made' },
      { promoter: DEMO_PROMOTER_ID },
    );
    expect(managed.status, JSON.stringify(managed.body)).toBe(201);
    expect(managed.body.agencyId).toBe(DEMO_PROMOTER_ID);
    expect(
      (await people.owner.call('GET', '/v1/venues', undefined, { promoter: managed.body.id })).status,
    ).toBe(200);
    const own = await people.manager.call('POST', '/v1/promoters', { name: 'Their own' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.agencyId).toBeNull();
    expect(
      (await people.manager.call('GET', '/v1/api-keys', undefined, { promoter: own.body.id })).status,
    ).toBe(200);
  });
});

describe("a key's lastUsedAt", () => {
  const lastUsedAt = async (id: string) =>
    (
      await server.db
        .selectFrom('api_keys')
        .select('last_used_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).last_used_at;
  /** The write is in the background, after the answer: wait for it. */
  async function settles(id: string, changed: (at: Date | null) => boolean): Promise<Date | null> {
    for (let i = 0; i < 50; i++) {
      const at = await lastUsedAt(id);
      if (changed(at)) return at;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return lastUsedAt(id);
  }

  it('moves when the key is used, at most once a minute', async () => {
    const promoter = await newPromoter(server);
    const key = (await client.post('/v1/api-keys', { name: 'Used' }, { key: promoter.testKey })).body;
    expect(await lastUsedAt(key.id)).toBeNull();

    await createVenue(client, key.secret);
    const first = await settles(key.id, (at) => at !== null);
    expect(first).toBeInstanceOf(Date);

    // Within the minute: unchanged.
    await client.get('/v1/venues', { key: key.secret });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await lastUsedAt(key.id)).toEqual(first);

    // A minute later it moves, and the key list shows it. The server has held the key since its
    // last use (active-key-cache.ts): its clock moves on too, past the time it trusts that copy.
    const earlier = new Date(Date.now() - 5 * 60_000);
    await server.db.updateTable('api_keys').set({ last_used_at: earlier }).where('id', '=', key.id).execute();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ACTIVE_KEY_TTL_MS });
    try {
      await client.get('/v1/venues', { key: key.secret });
    } finally {
      vi.useRealTimers();
    }
    const moved = await settles(key.id, (at) => at !== null && at.getTime() > earlier.getTime());
    expect(moved?.getTime()).toBeGreaterThan(earlier.getTime() + 60_000);
    const listed = await client.get('/v1/api-keys', { key: key.secret });
    const entry = listed.body.data.find((k: { id: string }) => k.id === key.id);
    expect(entry.lastUsedAt).toEqual(expect.any(String));
  });
});
