import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { DEMO_TEST_KEY, DEMO_VENUE_ID, seedDemo } from '../src/demo/seed.ts';
import { api } from './api.ts';
import { type ApiProcess, freePort, startApiProcess } from './api-process.ts';
import { createTestDatabase } from './harness.ts';
import { createLiveEvent } from './promoters.ts';

// The stock guarantee has to hold across processes, not just within one pool: two API processes
// share one database, as two instances behind a load balancer would, and 500 buyers rush 100 seats.
const BUYERS = 500;
const STOCK = 100;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let servers: ApiProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { holdMinutes: 15 });
  const first = await freePort(4500);
  const second = await freePort(first + 1);
  const env = { RATE_LIMIT_CHECKOUT: '100000' };
  const started = await Promise.allSettled(
    [first, second].map((port) => startApiProcess({ databaseUrl: database.url, port, env })),
  );
  servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.drop();
});

it(`holds exactly ${STOCK} seats for ${BUYERS} concurrent buyers spread over two API processes`, async () => {
  const event = await createLiveEvent(api(servers[0]?.url as string), DEMO_TEST_KEY, DEMO_VENUE_ID, {
    title: 'Two doors, one room',
    tiers: [{ name: 'General admission', price: 1500, stock: STOCK }],
  });
  const eventId: string = event.id;
  const tierId: string = event.tiers[0].id;

  // Node's fetch has no per-origin connection cap, so all 500 requests are in flight at once.
  const answers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const server = servers[i % servers.length] as ApiProcess;
      const res = await fetch(`${server.url}/v1/checkout/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          eventId,
          items: [{ tierId, quantity: 1 }],
          customerEmail: `buyer${i}@example.com`,
        }),
        signal: AbortSignal.timeout(30_000),
      });
      return { status: res.status, body: (await res.json()) as any };
    }),
  );

  const holders = answers.filter((a) => a.status === 201);
  const refused = answers.filter((a) => a.status !== 201);
  expect(holders).toHaveLength(STOCK);
  expect(refused.filter((a) => a.status >= 500)).toEqual([]);
  expect(new Set(refused.map((a) => `${a.status} ${a.body.error?.code}`))).toEqual(
    new Set(['409 event.tier_oversold']),
  );

  const tier = await database.db
    .selectFrom('tiers')
    .select(['reserved', 'sold'])
    .where('id', '=', tierId)
    .executeTakeFirstOrThrow();
  expect(tier).toEqual({ reserved: STOCK, sold: 0 });
  expect(await heldSeats(database.db, tierId)).toBe(STOCK);
  const open = await database.db
    .selectFrom('checkout_sessions')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'open')
    .execute();
  expect(open.map((s) => s.id).sort()).toEqual(holders.map((a) => a.body.id).sort());
});

async function heldSeats(db: Database, tierId: string): Promise<number> {
  const row = await db
    .selectFrom('checkout_session_items')
    .select(sql<number>`coalesce(sum(quantity), 0)::int`.as('held'))
    .where('tier_id', '=', tierId)
    .executeTakeFirstOrThrow();
  return row.held;
}
