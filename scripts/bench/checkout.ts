import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApp } from '../../server/src/app.ts';
import { reserveSeats } from '../../server/src/checkout/holds.store.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { DEMO_TEST_KEY, DEMO_VENUE_ID, seedDemo } from '../../server/src/demo/seed.ts';
import { limitsEnv } from './bench-answers.ts';
import { type BuyersJob, CREATED, startBuyers } from './bench-buyers.ts';
import { cleanups, intEnv, runBenchmark, startDatabase } from './bench-harness.ts';
import { measure } from './bench-measure.ts';
import { installProbe } from './bench-probe.ts';
import { printReport, type RawResult, type TierCheck } from './bench-report.ts';

// `npm run bench:checkout`: an on-sale. Buyers rush one tier with stock to spare (throughput and
// latency), then a tier of small stock (oversold must be 0), then the bare reserving UPDATE runs
// alone on as many connections as the API's pool opened: the most the database allows, to compare.
//
// The API runs in this process, through `createApp` as main.ts wires it: that lets the probe
// (which wraps this process's `pg`) count and time the API's statements and pool waits without
// touching server code. The buyers run in a child process, so their HTTP client does not compete
// with the API for its event loop, as real buyers would not.
//
// PostgreSQL: embedded in a temporary directory (port BENCH_PG_PORT), or DATABASE_URL, where the
// benchmark's event and sessions then stay: point it at a scratch database.

const settings = {
  buyers: intEnv('BENCH_BUYERS', 200),
  durationMs: intEnv('BENCH_DURATION_S', 10) * 1000,
  warmupMs: intEnv('BENCH_WARMUP_S', 2) * 1000,
  sellOutStock: intEnv('BENCH_SELLOUT_STOCK', 100),
  sellOutMs: intEnv('BENCH_SELLOUT_S', 3) * 1000,
  pgPort: intEnv('BENCH_PG_PORT', 54410),
  apiPort: intEnv('BENCH_API_PORT', 4590),
  poolSize: intEnv('BENCH_POOL_SIZE', 10),
  idempotencyKey: process.env.BENCH_IDEMPOTENCY !== '0',
};
const HOT_STOCK = 1_000_000;

await runBenchmark(run);

async function run() {
  const probe = installProbe();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const { databaseUrl, pgDataDir } = await startDatabase(settings.pgPort, 'entryrate-bench-');
  const config = loadConfig({
    PORT: String(settings.apiPort),
    LOG_LEVEL: 'warn',
    ...limitsEnv({
      // Every buyer comes from this machine's one address: the per-client limit would be theirs.
      checkout: 1_000_000_000,
      // The on-sale is made through the API with the demo key.
      perKey: 1_000_000,
      scans: 1200,
      perPerson: 2000,
      keyManagement: 20,
      ticketLinks: 10,
      poolSize: settings.poolSize,
    }),
  });
  const db = createDatabase(databaseUrl, { poolSize: config.databasePoolSize });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  await seedDemo(db, { holdMinutes: 15 });
  const app = createApp({ ...config, databaseUrl }, { db });
  const { url } = await app.start();
  cleanups.push(() => app.stop());
  const { eventId, tiers } = await createOnSale(url);

  const buyers = startBuyers();
  cleanups.push(() => buyers.stop());

  const hotJob = job(url, eventId, tiers.hot, Date.now(), settings.warmupMs, settings.durationMs);
  const hot = await measure({ probe, pgDataDir }, () => buyers.run(hotJob));
  const hotCheck = await checkTier(db, tiers.hot, hot.result.total);

  const sellOutJob = job(url, eventId, tiers.sellOut, Date.now(), 0, settings.sellOutMs);
  const sellOut = await buyers.run(sellOutJob);
  const sellOutCheck = await checkTier(db, tiers.sellOut, sellOut.total);

  // The server's pool as it was under load: the raw loop gets as many connections.
  const connections = hot.probe.connections;
  const rawDb = createDatabase(databaseUrl, { poolSize: connections });
  cleanups.push(() => rawDb.destroy());
  const rawFrom = Date.now() + settings.warmupMs; // same warm-up and window as the buyers
  const rawUntil = rawFrom + settings.durationMs;
  const raw = await measure({ probe, pgDataDir }, () =>
    rawLoop(rawDb, tiers.raw, connections, rawFrom, rawUntil),
  );

  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db);
  printReport({
    settings: { ...settings, connections },
    config,
    machine: {
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? 'unknown cpu',
      node: process.version,
      load: `load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]?.toFixed(1)} at the end`,
      postgres: `${rows[0]?.server_version} (${pgDataDir ? `embedded, port ${settings.pgPort}` : 'DATABASE_URL'})`,
    },
    hot,
    hotCheck,
    sellOut,
    sellOutCheck,
    raw,
  });
  if (
    hotCheck.oversold !== 0 ||
    sellOutCheck.oversold !== 0 ||
    !hotCheck.consistent ||
    !sellOutCheck.consistent
  )
    process.exitCode = 1;
}

/** A live event through the promoter API: a hot tier, a small one to sell out, one for the raw loop. */
async function createOnSale(url: string) {
  const promoter = async (pathname: string, body: unknown) => {
    const res = await fetch(`${url}${pathname}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_TEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${pathname}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; tiers: { id: string }[] };
  };
  const event = await promoter('/v1/events', {
    title: 'Benchmark on-sale',
    slug: `bench-${Date.now().toString(36)}`,
    venueId: DEMO_VENUE_ID,
    doors: '2030-01-01T20:00:00Z',
    tiers: [
      { name: 'Hot', price: 2500, stock: HOT_STOCK },
      { name: 'Sell-out', price: 2500, stock: settings.sellOutStock },
      { name: 'Raw', price: 2500, stock: HOT_STOCK },
    ],
  });
  await promoter(`/v1/events/${event.id}/publish`, {});
  const [hot, sellOut, raw] = event.tiers.map((t) => t.id) as [string, string, string];
  return { eventId: event.id, tiers: { hot, sellOut, raw } };
}

function job(
  url: string,
  eventId: string,
  tierId: string,
  startAt: number,
  warmupMs: number,
  durationMs: number,
): BuyersJob {
  const measureFrom = startAt + warmupMs;
  return {
    url,
    eventId,
    tierId,
    buyers: settings.buyers,
    startAt,
    measureFrom,
    stopAt: measureFrom + durationMs,
    idempotencyKey: settings.idempotencyKey,
  };
}

/**
 * Oversold is reserved + sold beyond stock. Consistent: holds, items and 201 answers agree, and
 * every other answer was a clean `409 event.tier_oversold`.
 */
async function checkTier(db: Database, tierId: string, answers: Record<string, number>): Promise<TierCheck> {
  const tier = await db
    .selectFrom('tiers')
    .select(['stock', 'reserved', 'sold'])
    .where('id', '=', tierId)
    .executeTakeFirstOrThrow();
  const { held } = await db
    .selectFrom('checkout_session_items')
    .select(sql<number>`coalesce(sum(quantity), 0)::int`.as('held'))
    .where('tier_id', '=', tierId)
    .executeTakeFirstOrThrow();
  const created = answers[CREATED] ?? 0;
  return {
    ...tier,
    held,
    created,
    oversold: Math.max(0, tier.reserved + tier.sold - tier.stock),
    consistent:
      held === tier.reserved &&
      created === tier.reserved &&
      tier.sold === 0 &&
      Object.keys(answers).every((answer) => answer === CREATED || answer === '409 event.tier_oversold'),
  };
}

/** The bare reserving UPDATE (reserveSeats, autocommit), one closed loop per connection. */
async function rawLoop(db: Database, tierId: string, connections: number, from: number, until: number) {
  const latencies: number[] = [];
  let total = 0;
  const loop = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      if (!(await reserveSeats(db, tierId, 1))) throw new Error('the raw tier ran out of stock');
      const finished = Date.now();
      total++;
      if (finished >= from && finished < until) latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { latencies, total } satisfies RawResult;
}
