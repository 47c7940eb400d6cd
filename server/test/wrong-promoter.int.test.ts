import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_EVENT_ID, DEMO_OWNER, DEMO_VENUE_ID } from '../src/demo/seed.ts';
import { api } from './api.ts';
import { buyOrder, otherPromoter } from './paid-orders.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

// Walks every promoter route the app mounts, as another promoter holding a valid key of the same
// mode, at the first promoter's objects. Each must answer 404, as if the object did not exist, and
// change nothing. A route this test has no object for fails it, so new routes cannot slip past.

let stack: PaidStack;
let owner: ReturnType<typeof api>;
beforeAll(async () => {
  stack = await startPaidStack();
  owner = api(stack.server.url);
});
afterAll(() => stack?.stop());

/** Public routes: no promoter's key is involved (they need a client secret, or show public data). */
const PUBLIC = [
  /^\/v1\/widget\//,
  /^\/v1\/storefront\//,
  /\/qr\.svg$/,
  /^\/v1\/stripe\/webhook$/,
  // An invitation link's token is the credential, whoever holds it.
  /^\/v1\/invitations\//,
];

it("answers 404 on every route for another promoter's objects, and leaves them as they were", async () => {
  const paid = await buyOrder(stack, { eventId: DEMO_EVENT_ID, items: [{ tier: 'standard', quantity: 1 }] });
  const open = await owner.post(
    '/v1/checkout/sessions',
    {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'early-bird', quantity: 1 }],
      customerEmail: 'own@example.com',
    },
    { key: null },
  );
  const endpoint = await owner.post('/v1/webhook-endpoints', {
    url: 'http://localhost:9/hook',
    events: ['*'],
  });
  const ownKey = (await owner.get('/v1/api-keys')).body.data[0];
  expect(endpoint.status).toBe(201);
  const ping = await owner.post(`/v1/webhook-endpoints/${endpoint.body.id}/test`, {});
  expect(ping.status).toBe(202);
  const invitation = await owner.post('/v1/team/invitations', { email: 'new@example.com', role: 'door' });
  expect(invitation.status).toBe(201);

  const objects: [RegExp, string][] = [
    [/^\/v1\/venues\//, DEMO_VENUE_ID],
    [/^\/v1\/events\//, DEMO_EVENT_ID],
    [/^\/v1\/checkout\/sessions\//, open.body.id],
    [/^\/v1\/orders\//, paid.orderId],
    [/^\/v1\/tickets\//, paid.tickets[0]?.id as string],
    [/^\/v1\/api-keys\//, ownKey.id],
    [/^\/v1\/webhook-endpoints\//, endpoint.body.id],
    [/^\/v1\/team\/invitations\//, invitation.body.id],
    [/^\/v1\/team\/members\//, DEMO_OWNER.id],
  ];
  // A second parameter in a path names an object inside the first: the intruder's attempt must fail
  // on the first (another promoter's), not on a malformed second.
  const inner: Record<string, string> = { deliveryId: ping.body.eventId };
  const bodies: Record<string, unknown> = {
    'PATCH /v1/events/:id': { title: 'Taken over' },
    'POST /v1/checkout/sessions/:id': { items: [{ tier: 'early-bird', quantity: 2 }] },
    'PATCH /v1/team/members/:personId': { role: 'door' },
    'PATCH /v1/webhook-endpoints/:id': { url: 'http://localhost:9/taken-over' },
  };

  const intruder = await otherPromoter(stack.server.db);
  const routes = stack.server.app.routers.flatMap((router) =>
    router.stack.flatMap((layer) =>
      layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: String(layer.path) })),
    ),
  );
  const walked: string[] = [];
  for (const { method, path } of routes) {
    if (!path.startsWith('/v1/') || !path.includes('/:') || PUBLIC.some((p) => p.test(path))) continue;
    const id = objects.find(([prefix]) => prefix.test(path))?.[1];
    expect(id, `no object of another promoter to try ${method} ${path} on`).toBeDefined();
    const url = path
      .replace(/:[A-Za-z]+/, id as string)
      .replace(/:([A-Za-z]+)/g, (_, name: string) => inner[name] ?? `:${name}`);
    const options = { key: intruder.key, headers: {} };
    const res =
      method === 'GET'
        ? await owner.get(url, options)
        : method === 'DELETE'
          ? await owner.delete(url, options)
          : method === 'PATCH'
            ? await owner.patch(url, bodies[`${method} ${path}`] ?? {}, options)
            : await owner.post(url, bodies[`${method} ${path}`] ?? {}, options);
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBe(404);
    walked.push(`${method} ${path}`);
  }
  expect(walked.length).toBeGreaterThanOrEqual(12);

  // Scanning their ticket at our door says it does not exist; their lists show none of it.
  const scan = await owner.post('/v1/scans', { payload: paid.tickets[0]?.qrPayload }, { key: intruder.key });
  expect(scan.body).toMatchObject({ valid: false, reason: 'not_found' });
  for (const list of ['/v1/orders', '/v1/events', '/v1/venues', '/v1/webhook-endpoints', '/v1/api-keys']) {
    const res = await owner.get(list, { key: intruder.key });
    expect(res.status, list).toBe(200);
    const ids = res.body.data.map((item: { id: string }) => item.id);
    for (const [, id] of objects) expect(ids, list).not.toContain(id);
  }

  // And nothing changed for the owner.
  expect((await owner.get(`/v1/events/${DEMO_EVENT_ID}`)).body.title).toBe('Mura Masa · UK tour');
  expect((await owner.get(`/v1/orders/${paid.orderId}`)).body.status).toBe('paid');
  expect((await owner.get(`/v1/checkout/sessions/${open.body.id}`)).body.status).toBe('open');
  expect((await owner.get('/v1/webhook-endpoints')).body.data.map((e: { id: string }) => e.id)).toContain(
    endpoint.body.id,
  );
  expect((await owner.get('/v1/api-keys')).body.data[0].revokedAt).toBeNull();
  const team = (await owner.get('/v1/team')).body;
  expect(team.members).toContainEqual(expect.objectContaining({ personId: DEMO_OWNER.id, role: 'owner' }));
  expect(team.invitations.map((i: { id: string }) => i.id)).toContain(invitation.body.id);
});
