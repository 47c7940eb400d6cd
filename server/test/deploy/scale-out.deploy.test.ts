import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeSim, type StripeSim } from '../../../stripe-sim/src/index.ts';
import { SIM_STRIPE_KEYS } from '../../src/config.ts';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { DEMO_TEST_KEY, DEMO_VENUE_ID, seedDemo } from '../../src/demo/seed.ts';
import { api } from '../api.ts';
import { type ApiProcess, freePort, startApiProcess } from '../api-process.ts';
import { buyerOf } from '../buyer.ts';
import { eventually } from '../paid-orders.ts';
import { createLiveEvent } from '../promoters.ts';
import { type DebianPostgres, debianPostgresBin, startDebianPostgres } from './debian-postgres.ts';

// Scaling out as production does it: two compiled servers (`npm run serve`) share a PostgreSQL of
// their own (Debian's), start and migrate at once, sell one tier to buyers spread over both, and
// get every Stripe webhook twice at the same moment, one copy each. Stock and payments must come out exact.
const STOCK = 50;
const BUYERS = 150;

const bin = debianPostgresBin();
// Outside CI a machine without the package skips, and says so in the default reporter's output too.
const skipped = bin ? '' : " (skipped: Debian's postgresql package is not installed)";
if (skipped) console.warn(`scale-out deploy test${skipped}`);

describe.skipIf(!bin)(`two serve processes on Debian PostgreSQL${skipped}`, () => {
  let cluster: DebianPostgres | undefined;
  let sim: StripeSim | undefined;
  let fanOut: FanOut | undefined;
  let servers: ApiProcess[] = [];
  let db: Database | undefined;

  beforeAll(async () => {
    cluster = await startDebianPostgres({ bin: bin as string, port: await freePort(55432) });
    const databaseUrl = await cluster.createDatabase('entryrate');
    sim = await createStripeSim({ port: 0, log: () => {} });
    const first = await freePort(4600);
    const ports = [first, await freePort(first + 1)];
    fanOut = await startFanOut(ports.map((port) => `http://127.0.0.1:${port}/v1/stripe/webhook`));
    sim.setWebhook({ url: fanOut.url, secret: SIM_STRIPE_KEYS.webhookSecret });
    const env = {
      NODE_ENV: 'production',
      STRIPE_SIM_PORT: String(sim.port),
      RATE_LIMIT_CHECKOUT: '100000',
      // The sim's keys, whatever Stripe keys the shell running the tests exports.
      STRIPE_SECRET_KEY: undefined,
      STRIPE_PUBLISHABLE_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: undefined,
    };
    // Started together, so both race to migrate the empty database.
    const started = await Promise.allSettled(
      ports.map((port) => startApiProcess({ databaseUrl, port, env, command: 'serve', waitFor: '/ready' })),
    );
    servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    db = createDatabase(databaseUrl);
    await seedDemo(db, { holdMinutes: 15 });
  });

  afterAll(async () => {
    // Every step runs even when one before it failed; failures are reported once all have run.
    const steps = [
      async () => Promise.all(servers.map((server) => server.stop())),
      async () => fanOut?.stop(),
      async () => sim?.stop(),
      async () => db?.destroy(),
      async () => cluster?.stop(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) {
      const [outcome] = await Promise.allSettled([step()]);
      if (outcome?.status === 'rejected') failures.push(outcome.reason);
    }
    if (failures.length > 0) throw new AggregateError(failures, 'scale-out teardown failed');
  });

  it(`sells exactly ${STOCK} seats to ${BUYERS} buyers over two processes and fulfils each payment once`, async () => {
    const database = db as Database;
    const serverFor = (i: number) => servers[i % servers.length] as ApiProcess;
    const event = await createLiveEvent(api(serverFor(0).url), DEMO_TEST_KEY, DEMO_VENUE_ID, {
      title: 'Two processes, one room',
      tiers: [{ name: 'General admission', price: 1500, stock: STOCK }],
    });
    const eventId: string = event.id;
    const tierId: string = event.tiers[0].id;

    const answers = await Promise.all(
      Array.from({ length: BUYERS }, (_, i) =>
        buyerOf(serverFor(i).url).openSession(
          eventId,
          [{ tierId, quantity: 1 }],
          undefined,
          `b${i}@example.com`,
        ),
      ),
    );
    const holders = answers.filter((a) => a.status === 201).map((a) => a.body as Session);
    const refused = answers.filter((a) => a.status !== 201);
    expect(holders).toHaveLength(STOCK);
    expect(refused.filter((a) => a.status >= 500)).toEqual([]);
    expect(new Set(refused.map((a) => `${a.status} ${a.body.error?.code}`))).toEqual(
      new Set(['409 event.tier_oversold']),
    );
    expect(await tierCounts(database, tierId)).toEqual({ reserved: STOCK, sold: 0 });

    // Each buyer pays as a script would (no browser): the PaymentIntent through one process, the
    // confirmation straight to the sim, whose webhook then reaches both processes at once.
    const stripe = new Stripe(SIM_STRIPE_KEYS.secretKey, {
      host: '127.0.0.1',
      port: (sim as StripeSim).port,
      protocol: 'http',
    });
    const intents = await Promise.all(
      holders.map(async (session, i) => {
        const pay = await buyerOf(serverFor(i).url).startPayment(session);
        if (pay.status !== 200) throw new Error(`payment: ${pay.status} ${JSON.stringify(pay.body)}`);
        await stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_visa' });
        return pay.body.paymentIntentId as string;
      }),
    );

    const orders = await eventually(
      `${STOCK} orders`,
      () =>
        database
          .selectFrom('orders')
          .select(['session_id', 'payment_intent_id'])
          .where('event_id', '=', eventId)
          .execute(),
      (rows) => rows.length >= STOCK,
    );
    await fanOut?.settled();

    // One order per paid session, none twice, and a ticket each.
    expect(orders.map((o) => o.session_id).sort()).toEqual(holders.map((s) => s.id).sort());
    expect(orders.map((o) => o.payment_intent_id).sort()).toEqual([...intents].sort());
    expect(await tierCounts(database, tierId)).toEqual({ reserved: 0, sold: STOCK });
    const tickets = await database
      .selectFrom('tickets')
      .select('id')
      .where('event_id', '=', eventId)
      .execute();
    expect(tickets).toHaveLength(STOCK);

    // Every event reached both processes, both answered 2xx, and exactly one of them applied it.
    const deliveries = (fanOut as FanOut).deliveries;
    const byEvent = new Map<string, Delivery[]>();
    for (const d of deliveries) byEvent.set(d.eventId, [...(byEvent.get(d.eventId) ?? []), d]);
    const targets = [...(fanOut as FanOut).targets].sort();
    const wrong = [...byEvent].filter(
      ([, copies]) =>
        JSON.stringify(copies.map((c) => c.target).sort()) !== JSON.stringify(targets) ||
        copies.some((c) => c.status !== 200) ||
        copies.filter((c) => c.duplicate === false).length !== 1,
    );
    expect(wrong).toEqual([]);

    const succeeded = [...byEvent.values()].flatMap((copies) =>
      copies[0]?.type === 'payment_intent.succeeded' ? [copies[0]] : [],
    );
    expect(succeeded.map((d) => d.objectId).sort()).toEqual([...intents].sort());
    const recorded = await database
      .selectFrom('stripe_events')
      .select('id')
      .where('type', '=', 'payment_intent.succeeded')
      .execute();
    expect(recorded.map((r) => r.id).sort()).toEqual(succeeded.map((d) => d.eventId).sort());
  });
});

interface Session {
  id: string;
  clientSecret: string;
}

async function tierCounts(db: Database, tierId: string) {
  return db
    .selectFrom('tiers')
    .select(['reserved', 'sold'])
    .where('id', '=', tierId)
    .executeTakeFirstOrThrow();
}

/** One copy of a Stripe event as one target received it, with what it answered. */
interface Delivery {
  eventId: string;
  type: string;
  objectId: string;
  target: string;
  status: number;
  /** The webhook route's `duplicate`: true when the event id had already been applied. */
  duplicate: boolean | undefined;
}

interface FanOut {
  url: string;
  targets: string[];
  deliveries: Delivery[];
  /** Resolves once every copy forwarded so far has been answered. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A webhook endpoint for the sim that forwards each delivery (same bytes, same Stripe-Signature) to
 * every target at once and answers the sim with the first 2xx, as if Stripe retried at the very
 * moment a load balancer sent the first attempt to the other process.
 */
async function startFanOut(targets: string[]): Promise<FanOut> {
  const deliveries: Delivery[] = [];
  const forwarding = new Set<Promise<unknown>>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const event = JSON.parse(body.toString('utf-8'));
    const forwards = targets.map(async (target) => {
      const answer = await fetch(target, {
        method: 'POST',
        headers: {
          'Content-Type': String(req.headers['content-type']),
          'Stripe-Signature': String(req.headers['stripe-signature']),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (response) => ({ status: response.status, text: await response.text() }),
        (error: Error) => ({ status: 0, text: error.message }),
      );
      deliveries.push({
        eventId: event.id,
        type: event.type,
        objectId: event.data.object.id,
        target,
        status: answer.status,
        duplicate: duplicateOf(answer.text),
      });
      if (answer.status < 200 || answer.status >= 300) throw new Error(`${target}: ${answer.status}`);
      return answer;
    });
    const all = Promise.allSettled(forwards);
    forwarding.add(all);
    void all.then(() => forwarding.delete(all));
    const first = await Promise.any(forwards).catch(() => ({ status: 502, text: '{}' }));
    res.writeHead(first.status, { 'Content-Type': 'application/json' }).end(first.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    targets,
    deliveries,
    settled: async () => {
      await Promise.all(forwarding);
    },
    stop: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}

function duplicateOf(text: string): boolean | undefined {
  try {
    return JSON.parse(text).duplicate;
  } catch {
    return undefined;
  }
}
