import os from 'node:os';
import { sql } from 'kysely';
import { createApp } from '../../server/src/app.ts';
import { insertSession, markSessionComplete } from '../../server/src/checkout/checkout.store.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { DEMO_PROMOTER_ID, DEMO_TEST_KEY, DEMO_VENUE_ID, seedDemo } from '../../server/src/demo/seed.ts';
import { createEvent, publishEvent } from '../../server/src/events/events.service.ts';
import { findEventById } from '../../server/src/events/events.store.ts';
import { newId, randomToken } from '../../server/src/lib/ids.ts';
import { issueOrder } from '../../server/src/orders/orders.service.ts';
import { findActiveKey } from '../../server/src/promoters/promoters.store.ts';
import { currentPayload } from '../../server/src/tickets/qr.ts';
import { limitsEnv } from './bench-answers.ts';
import { cleanups, intEnv, runBenchmark, startDatabase } from './bench-harness.ts';
import { measure } from './bench-measure.ts';
import { installProbe } from './bench-probe.ts';
import { copyTickets, scanLimitLoop } from './bench-scan-db.ts';
import { printScanReport } from './bench-scan-report.ts';
import { ACCEPTED, runScanners } from './bench-scanners.ts';

// `npm run bench:scan`: the doors open. N tickets are issued straight through the order service
// (no Stripe), then C door scanners scan them through POST /v1/scans for a fixed time. Counts the
// accepted scans (answers that recorded an admission, checked against the scans table), prints
// every answer by status, and latency as the scanners saw it (client) and as the server spent it
// (its `Server-Timing: app;dur=` header: every middleware and the handler, not the network).
//
// Then, in the same run, the database's own limit: the statements an accepted scan sends (the
// ticket lookup, and the INSERT … ON CONFLICT that records it with its outbox rows) straight
// through a pg pool, one closed loop per scanner, for the same time. The ratio of the two is what
// the API costs on top: HTTP, authentication, the rate limit's counter, idempotency.
//
// The API runs in this process, through `createApp` as main.ts wires it, with every limit set
// here; the scanners run in a child process so their HTTP client does not share the API's event
// loop. PostgreSQL: embedded in a temporary directory (port BENCH_PG_PORT), or DATABASE_URL (a
// scratch database: the tickets stay).

const settings = {
  tickets: intEnv('BENCH_TICKETS', 30_000),
  /** Tickets for the database's loop, copied in SQL from the issued ones. */
  dbTickets: intEnv('BENCH_DB_TICKETS', 120_000),
  scanners: intEnv('BENCH_SCANNERS', 32),
  durationMs: intEnv('BENCH_DURATION_S', 10) * 1000,
  warmupMs: intEnv('BENCH_WARMUP_S', 2) * 1000,
  pgPort: intEnv('BENCH_PG_PORT', 54411),
  apiPort: intEnv('BENCH_API_PORT', 4591),
  /** Scans per minute per key: far above the load by default, so it is not what is measured. */
  rateLimitScans: intEnv('BENCH_RATE_LIMIT_SCANS', 100_000_000),
  /**
   * The API's pool: by default a connection per scanner, as the database's own loop gets, so the
   * ratio weighs what the API does on top of the statements, not a smaller pool that makes scans
   * queue for a connection (10, the server's default, waits about 15 ms a scan at 32 scanners).
   */
  poolSize: intEnv('BENCH_POOL_SIZE', intEnv('BENCH_SCANNERS', 32)),
  idempotencyKey: process.env.BENCH_IDEMPOTENCY !== '0',
  rotating: process.env.BENCH_ROTATING === '1',
  /** `off`: commits do not wait for the WAL flush, as if the disk's fsync were free. Durability off: a what-if. */
  syncCommit: process.env.BENCH_SYNC_COMMIT !== 'off',
};
export type ScanSettings = typeof settings;

await runBenchmark(run);

async function run() {
  const probe = installProbe();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const { databaseUrl, pgDataDir } = await startDatabase(settings.pgPort, 'entryrate-bench-scan-');
  const url = settings.syncCommit ? databaseUrl : withoutSyncCommit(databaseUrl);
  const config = loadConfig({
    PORT: String(settings.apiPort),
    LOG_LEVEL: 'warn',
    ...limitsEnv({
      scans: settings.rateLimitScans,
      // Not met by POST /v1/scans; set all the same, so no default decides a figure.
      checkout: 100,
      perKey: 100_000_000,
      perPerson: 100_000_000,
      keyManagement: 20,
      ticketLinks: 10,
      poolSize: settings.poolSize,
    }),
  });
  const db = createDatabase(url, { poolSize: config.databasePoolSize });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  await seedDemo(db, { holdMinutes: 15 });

  const issuing = Date.now();
  const { eventId, payloads } = await issueTickets(db, settings.tickets);
  const issuedMs = Date.now() - issuing;
  const dbTickets = await copyTickets(db, eventId, settings.dbTickets);
  const key = await findActiveKey(db, DEMO_TEST_KEY);
  if (!key?.keyId) throw new Error('the demo key is missing');
  const keyId = key.keyId;

  const app = createApp({ ...config, databaseUrl: url }, { db });
  const { url: apiUrl } = await app.start();
  let stopped: Promise<void> | undefined;
  const stopApi = () => {
    stopped ??= app.stop();
    return stopped;
  };
  cleanups.push(stopApi);

  const startAt = Date.now() + 500;
  const api = await measure({ probe, pgDataDir }, () =>
    runScanners({
      url: apiUrl,
      key: DEMO_TEST_KEY,
      payloads,
      scanners: settings.scanners,
      startAt,
      measureFrom: startAt + settings.warmupMs,
      stopAt: startAt + settings.warmupMs + settings.durationMs,
      idempotencyKey: settings.idempotencyKey,
    }),
  );
  // Idle, its worker would still poll the database the next phase measures.
  await stopApi();

  // The database alone, on a pool of its own with a connection per scanner.
  const rawDb = createDatabase(url, { poolSize: settings.scanners });
  cleanups.push(() => rawDb.destroy());
  const rawFrom = Date.now() + settings.warmupMs;
  const dbLimit = await measure({ probe, pgDataDir }, () =>
    scanLimitLoop(rawDb, key, dbTickets, settings.scanners, rawFrom, rawFrom + settings.durationMs),
  );

  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db);
  const recorded = await db
    .selectFrom('scans')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('key_id', '=', keyId)
    .executeTakeFirstOrThrow();
  printScanReport({
    settings,
    config,
    machine: `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]?.toFixed(1)} at the end`,
    database: `PostgreSQL ${rows[0]?.server_version} (${pgDataDir ? `embedded, port ${settings.pgPort}` : 'DATABASE_URL'})`,
    issuedMs,
    api,
    recorded: Number(recorded.n),
    acceptedAnswers: api.result.total[ACCEPTED] ?? 0,
    dbLimit,
  });
}

/**
 * Issues `count` tickets of a new live event, ten to an order, as a paid session would: a complete
 * session and `issueOrder`. Answers the event and the QR payloads as the buyers' phones show them.
 */
async function issueTickets(db: Database, count: number): Promise<{ eventId: string; payloads: string[] }> {
  const owner = { promoterId: DEMO_PROMOTER_ID, mode: 'test' as const };
  const event = await createEvent(
    db,
    owner,
    {
      title: 'Benchmark doors',
      slug: `bench-doors-${randomToken(6)}`,
      venueId: DEMO_VENUE_ID,
      doors: '2030-01-01T19:00:00Z',
      currency: 'gbp',
      rotatingQr: settings.rotating,
      tiers: [{ name: 'GA', price: 1000, stock: count, maxPerOrder: 10 }],
    },
    { holdMinutes: 15 },
  );
  await publishEvent(db, owner, event.id, { network: false });
  const row = await findEventById(db, event.id);
  const tierId = event.tiers[0]?.id;
  if (!row || !tierId) throw new Error('the benchmark event was not created');

  const issueOne = (quantity: number) =>
    db.transaction().execute(async (tx) => {
      const sessionId = newId('cs');
      await insertSession(
        tx,
        {
          id: sessionId,
          promoter_id: owner.promoterId,
          mode: owner.mode,
          event_id: event.id,
          status: 'complete',
          customer_email: 'door@bench.example',
          amount_total: quantity * 1000,
          currency: 'gbp',
          client_secret: `${sessionId}_secret_${randomToken(24)}`,
          expires_at: new Date(),
          payment_status: 'paid',
        },
        [{ session_id: sessionId, tier_id: tierId, quantity, unit_price: 1000 }],
      );
      const orderId = await issueOrder(tx, {
        sessionId,
        promoterId: owner.promoterId,
        mode: owner.mode,
        eventId: event.id,
        eventQrSecret: row.qr_secret,
        buyerEmail: 'door@bench.example',
        amount: quantity * 1000,
        currency: 'gbp',
        paymentIntentId: `pi_bench_${sessionId}`,
        items: [{ tierId, quantity }],
      });
      await markSessionComplete(tx, sessionId, orderId);
    });
  const orders = Array.from({ length: Math.ceil(count / 10) }, (_, i) => Math.min(10, count - i * 10));
  for (let i = 0; i < orders.length; i += 20) await Promise.all(orders.slice(i, i + 20).map(issueOne));

  const tickets = await db.selectFrom('tickets').select('id').where('event_id', '=', event.id).execute();
  const now = new Date();
  // Shuffled, so consecutive scans do not walk the primary key in order.
  const payloads = tickets.map((t) =>
    currentPayload({ ticketId: t.id, eventSecret: row.qr_secret, rotating: row.rotating_qr }, now),
  );
  for (let i = payloads.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [payloads[i], payloads[j]] = [payloads[j] as string, payloads[i] as string];
  }
  return { eventId: event.id, payloads };
}

/** The same database, with commits that do not wait for the WAL to reach the disk. */
function withoutSyncCommit(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', '-c synchronous_commit=off');
  return url.toString();
}
