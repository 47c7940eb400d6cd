import { fork } from 'node:child_process';
import { once } from 'node:events';
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
import { currentPayload } from '../../server/src/tickets/qr.ts';
import { cleanups, intEnv, runBenchmark, startDatabase } from './bench-harness.ts';
import { measure, percentile } from './bench-measure.ts';
import { installProbe, type ProbeReport } from './bench-probe.ts';

// `npm run bench:scan`: the doors open. N tickets are issued straight through the order service
// (no Stripe), then C door scanners scan them through POST /v1/scans for a fixed time. Prints
// scans per second and latency as the scanners saw it (client) and as the server spent it (its
// `Server-Timing: app;dur=` header: every middleware and the handler, not the network).
//
// The API runs in this process, through `createApp` as main.ts wires it; the scanners run in a
// child process so their HTTP client does not share the API's event loop. PostgreSQL: embedded in
// a temporary directory (port BENCH_PG_PORT), or DATABASE_URL (a scratch database: the tickets stay).

const settings = {
  tickets: intEnv('BENCH_TICKETS', 30_000),
  scanners: intEnv('BENCH_SCANNERS', 32),
  durationMs: intEnv('BENCH_DURATION_S', 10) * 1000,
  warmupMs: intEnv('BENCH_WARMUP_S', 2) * 1000,
  pgPort: intEnv('BENCH_PG_PORT', 54411),
  apiPort: intEnv('BENCH_API_PORT', 4591),
  idempotencyKey: process.env.BENCH_IDEMPOTENCY !== '0',
  rotating: process.env.BENCH_ROTATING === '1',
  /** `off`: commits do not wait for the WAL flush, as if the disk's fsync were free. Durability off: a what-if. */
  syncCommit: process.env.BENCH_SYNC_COMMIT !== 'off',
};
const AIMS = { perSecond: 1000, serverP99Ms: 10 };

/** What the scanners' process is told to do. */
export interface ScanJob {
  url: string;
  key: string;
  payloads: string[];
  scanners: number;
  /** Epoch ms: scanners start at `startAt`, are measured from `measureFrom`, start nothing after `stopAt`. */
  startAt: number;
  measureFrom: number;
  stopAt: number;
  /** Send a fresh `Idempotency-Key` with every scan, as a scanner that retries safely does. */
  idempotencyKey: boolean;
}

/** What it answers: latencies (ms) and outcomes of the scans that finished in the window. */
export interface ScansResult {
  client: number[];
  server: number[];
  window: Record<string, number>;
  /** Scans of the whole run, warm-up included. */
  total: number;
}

await runBenchmark(run);

async function run() {
  const probe = installProbe();
  const { databaseUrl, pgDataDir } = await startDatabase(settings.pgPort, 'entryrate-bench-scan-');
  const db = createDatabase(settings.syncCommit ? databaseUrl : withoutSyncCommit(databaseUrl));
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  await seedDemo(db, { holdMinutes: 15 });

  const issuing = Date.now();
  const payloads = await issueTickets(db, settings.tickets);
  const issuedMs = Date.now() - issuing;

  const config = loadConfig({
    PORT: String(settings.apiPort),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_KEY: '100000000',
  });
  const app = createApp({ ...config, databaseUrl }, { db });
  const { url } = await app.start();
  cleanups.push(() => app.stop());

  const child = fork(new URL('./bench-scanners-process.ts', import.meta.url));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  });
  const startAt = Date.now() + 500;
  const job: ScanJob = {
    url,
    key: DEMO_TEST_KEY,
    payloads,
    scanners: settings.scanners,
    startAt,
    measureFrom: startAt + settings.warmupMs,
    stopAt: startAt + settings.warmupMs + settings.durationMs,
    idempotencyKey: settings.idempotencyKey,
  };
  const measured = await measure({ probe, pgDataDir }, async () => {
    child.send(job);
    const [result] = (await once(child, 'message')) as [ScansResult];
    return result;
  });

  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db);
  const recorded = await db
    .selectFrom('scans')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  print({
    machine: `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)} at the end`,
    database: `PostgreSQL ${rows[0]?.server_version} (${pgDataDir ? `embedded, port ${settings.pgPort}` : 'DATABASE_URL'})`,
    issuedMs,
    result: measured.result,
    probe: measured.probe,
    cpu: {
      api: measured.cpuMs,
      pg: measured.pgCpuMs,
      elapsedMs: measured.elapsedMs,
      eventLoop: measured.eventLoop,
    },
    recorded: Number(recorded.n),
  });
}

/**
 * Issues `count` tickets of a new live event, ten to an order, as a paid session would: a complete
 * session and `issueOrder`. Answers their QR payloads as the buyers' phones show them.
 */
async function issueTickets(db: Database, count: number): Promise<string[]> {
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
  return payloads;
}

function print(r: {
  machine: string;
  database: string;
  issuedMs: number;
  result: ScansResult;
  probe: ProbeReport;
  cpu: { api: number; pg: number | null; elapsedMs: number; eventLoop: number };
  recorded: number;
}): void {
  const { result } = r;
  const answered = result.client.length;
  const perSecond = (answered * 1000) / settings.durationMs;
  const ms = (values: number[], q: number) => `${percentile(values, q).toFixed(2)} ms`;
  const serverP99 = percentile(result.server, 0.99);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(34)}${value}`);

  console.log('EntryRate scan benchmark');
  line('machine', r.machine);
  line('database', r.database);
  line(
    'tickets',
    `${settings.tickets} issued in ${(r.issuedMs / 1000).toFixed(1)} s (${settings.rotating ? 'rotating' : 'static'} QR)`,
  );
  line(
    'scanners',
    `${settings.scanners} closed loops, ${settings.durationMs / 1000} s after ${settings.warmupMs / 1000} s warm-up`,
  );
  line('Idempotency-Key on each scan', settings.idempotencyKey ? 'yes' : 'no (BENCH_IDEMPOTENCY=0)');
  line(
    'commits',
    settings.syncCommit
      ? 'durable (wait for the WAL flush)'
      : 'NOT durable: synchronous_commit=off (BENCH_SYNC_COMMIT=off)',
  );
  console.log('');
  line(
    'scans per second',
    `${perSecond.toFixed(0)}  (aim ≥ ${AIMS.perSecond}: ${met(perSecond >= AIMS.perSecond)})`,
  );
  line(
    'server time p50 / p99 / max',
    `${ms(result.server, 0.5)} / ${ms(result.server, 0.99)} / ${ms(result.server, 1)}  (aim p99 < ${AIMS.serverP99Ms} ms: ${met(serverP99 < AIMS.serverP99Ms)})`,
  );
  line(
    'client latency p50 / p99 / max',
    `${ms(result.client, 0.5)} / ${ms(result.client, 0.99)} / ${ms(result.client, 1)}`,
  );
  line(
    'answers in the window',
    Object.entries(result.window)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  );
  line('accepted scans recorded', `${r.recorded} (of ${result.total} scans sent, warm-up included)`);
  console.log('');
  const statements = [...r.probe.statements].sort((a, b) => b[1].count - a[1].count);
  line('statements per scan (round trip)', '');
  for (const [label, s] of statements.filter(([, s]) => s.count / result.total >= 0.01)) {
    line(
      `  ${label}`,
      `${(s.count / result.total).toFixed(2)}  (${(s.ms / s.count).toFixed(2)} ms on average)`,
    );
  }
  line(
    'pool',
    `${r.probe.connections} connections, waits ${(r.probe.poolWaits.ms / Math.max(1, r.probe.poolWaits.count)).toFixed(2)} ms on average`,
  );
  line(
    'CPU per scan: API / PostgreSQL',
    `${(r.cpu.api / result.total).toFixed(3)} ms / ${r.cpu.pg === null ? 'n/a' : `${(r.cpu.pg / result.total).toFixed(3)} ms`}  (API event loop ${(r.cpu.eventLoop * 100).toFixed(0)}% busy)`,
  );
}

/** The same database, with commits that do not wait for the WAL to reach the disk. */
function withoutSyncCommit(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', '-c synchronous_commit=off');
  return url.toString();
}
