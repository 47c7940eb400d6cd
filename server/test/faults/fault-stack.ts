import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import Stripe from 'stripe';
import { type SimProcess, startSimProcess } from '../../../stripe-sim/test/sim-process.ts';
import { SIM_STRIPE_KEYS } from '../../src/config.ts';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { type EmbeddedPg, startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { DEMO_VENUE_ID, seedDemo } from '../../src/demo/seed.ts';
import { api } from '../api.ts';
import { type ApiProcess, freePort, startApiProcess } from '../api-process.ts';
import { unbalancedBooks } from '../books.ts';

/**
 * Every part as its own process, so each can fail on its own: PostgreSQL (stopped and started
 * again on the same data), the stripe-sim (its clock moved on instead of waiting), and the
 * compiled API server (killed with SIGKILL and started again on the same port).
 */
export interface FaultStack {
  db: Database;
  stripe: Stripe;
  apiUrl: () => string;
  /** The last few KB the API printed. */
  apiOutput: () => string;
  /** SIGKILL: the server dies mid-request, with no graceful anything. */
  killApi(): Promise<void>;
  startApi(): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  /** Moves the sim's clock on, making every webhook retry that came due; answers what happened. */
  advanceSim(
    seconds: number,
  ): Promise<{ delivered: number; failed: number; given_up: number; pending: number }>;
  /** Makes every settlement the server has scheduled due now, as if its clock had moved on too. */
  settleDueNow(): Promise<void>;
  /** A live event with one tier, through the API. */
  liveEvent(stock: number, price?: number): Promise<{ eventId: string; tierId: string }>;
  /** Polls until the event's books balance, failing with what is still wrong. */
  balanced(eventId: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startFaultStack(): Promise<FaultStack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entryrate-faults-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user, which must enter it
  const pgPort = await freePort(55800);
  const apiPort = await freePort(4900);
  let pg: EmbeddedPg | undefined;
  const startPostgres = async () => {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: pgPort });
  };
  await startPostgres();
  const databaseUrl = (pg as EmbeddedPg).url;
  const db = createDatabase(databaseUrl, { poolSize: 4, onConnectionError: () => {} });

  let sim: SimProcess | undefined;
  let server: ApiProcess | undefined;
  const stop = async () => {
    await server?.stop().catch(() => {});
    await sim?.stop().catch(() => {});
    await db.destroy().catch(() => {});
    await pg?.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    sim = await startSimProcess({
      STRIPE_SIM_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/v1/stripe/webhook`,
      STRIPE_WEBHOOK_SECRET: SIM_STRIPE_KEYS.webhookSecret,
    });
    const simUrl = new URL(sim.url);
    const startApi = async () => {
      server = await startApiProcess({
        databaseUrl,
        port: apiPort,
        command: 'serve',
        waitFor: '/ready',
        env: {
          STRIPE_SIM_URL: sim?.url,
          RATE_LIMIT_CHECKOUT: '1000000',
          RATE_LIMIT_PER_KEY: '1000000',
          STRIPE_SECRET_KEY: undefined,
          STRIPE_PUBLISHABLE_KEY: undefined,
          STRIPE_WEBHOOK_SECRET: undefined,
        },
      });
    };
    await startApi();
    await seedDemo(db, { holdMinutes: 15 });
    const stripe = new Stripe(SIM_STRIPE_KEYS.secretKey, {
      host: simUrl.hostname,
      port: Number(simUrl.port),
      protocol: 'http',
    });
    const apiUrl = () => (server as ApiProcess).url;
    return {
      db,
      stripe,
      apiUrl,
      apiOutput: () => server?.output() ?? '',
      killApi: async () => server?.kill(),
      startApi,
      stopPostgres: async () => pg?.stop(),
      startPostgres,
      advanceSim: async (seconds) => {
        const res = await fetch(`${sim?.url}/v1/stripe_sim/clock/advance`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${SIM_STRIPE_KEYS.secretKey}`,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: `seconds=${seconds}`,
        });
        if (!res.ok) throw new Error(`clock advance: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { webhooks: Awaited<ReturnType<FaultStack['advanceSim']>> }).webhooks;
      },
      settleDueNow: async () => {
        await sql`update checkout_sessions set settle_at = now() where settle_at is not null`.execute(db);
      },
      liveEvent: async (stock, price = 1500) => {
        const client = api(apiUrl());
        const created = await client.post('/v1/events', {
          title: `Fault ${Math.random()}`,
          venueId: DEMO_VENUE_ID,
          doors: '2031-06-01T19:00:00Z',
          tiers: [{ name: 'GA', price, stock }],
        });
        if (created.status !== 201)
          throw new Error(`event: ${created.status} ${JSON.stringify(created.body)}`);
        await client.post(`/v1/events/${created.body.id}/publish`, {});
        return { eventId: created.body.id, tierId: created.body.tiers[0].id };
      },
      balanced: async (eventId, timeoutMs = 30_000) => {
        const deadline = Date.now() + timeoutMs;
        let wrong: string[] = [];
        while (Date.now() < deadline) {
          wrong = await unbalancedBooks(db, eventId, stripe).catch((error) => [String(error)]);
          if (wrong.length === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        throw new Error(
          `the books never balanced:\n  ${wrong.join('\n  ')}\n--- API ---\n${server?.output()}`,
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
