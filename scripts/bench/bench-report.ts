import type { Config } from '../../server/src/config.ts';
import { byStatus, countOf, errorFailure, limitsOf, verdict } from './bench-answers.ts';
import { type BuyersResult, CREATED } from './bench-buyers.ts';
import { type Measured, percentile } from './bench-measure.ts';

export interface TierCheck {
  stock: number;
  reserved: number;
  sold: number;
  /** Seats held by session items. */
  held: number;
  /** 201 answers, warm-up included. */
  created: number;
  oversold: number;
  consistent: boolean;
}

export interface RawResult {
  /** Latencies (ms) of the updates that finished in the window. */
  latencies: number[];
  /** Updates of the whole run, warm-up included. */
  total: number;
}

export interface Report {
  settings: {
    buyers: number;
    durationMs: number;
    warmupMs: number;
    sellOutStock: number;
    sellOutMs: number;
    idempotencyKey: boolean;
    connections: number;
  };
  config: Readonly<Config>;
  machine: { cores: number; cpu: string; node: string; load: string; postgres: string };
  hot: Measured<BuyersResult>;
  hotCheck: TierCheck;
  sellOut: BuyersResult;
  sellOutCheck: TierCheck;
  raw: Measured<RawResult>;
}

const RATIO_AIM = 0.4;
const P99_AIM_MS = 50;

/** Prints the figures; the aims are reported, never asserted. */
export function printReport(r: Report): void {
  const { settings: s, hot, raw } = r; // both windows last s.durationMs
  const created = hot.result.window[CREATED] ?? 0;
  // Costs are whole-run totals over whole-run answers, so each request counts with all its statements.
  const requests = countOf(hot.result.total);
  const perSecond = (created * 1000) / s.durationMs;
  const rawPerSecond = (raw.result.latencies.length * 1000) / s.durationMs;
  const ratio = perSecond / rawPerSecond;
  const p99 = percentile(hot.result.latencies, 0.99);

  const out: string[] = [];
  const line = (label = '', value = '') => out.push(value ? `  ${label.padEnd(34)}${value}` : label);
  line('EntryRate checkout benchmark');
  line('machine', `${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}, ${r.machine.load}`);
  line('database', `PostgreSQL ${r.machine.postgres}`);
  const [first, ...rest] = limitsOf(r.config);
  line('server limits', first);
  for (const limit of rest) line('', limit);
  line(
    'load',
    `${s.buyers} buyers, closed loop, ${s.durationMs / 1000} s measured after ${s.warmupMs / 1000} s warm-up, ` +
      `${s.idempotencyKey ? 'an' : 'no'} Idempotency-Key per creation`,
  );
  line();
  line(`On-sale: one tier of ${n(r.hotCheck.stock)}`);
  line('answers in the window', byStatus(hot.result.window));
  line('answers in the whole run', byStatus(hot.result.total));
  line('sessions created per second', n(perSecond));
  line(
    'latency of the sessions created',
    `p50 ${ms(percentile(hot.result.latencies, 0.5))}  p99 ${ms(p99)}  mean ${ms(sum(hot.result.latencies) / created)}`,
  );
  line('oversold', checkLine(r.hotCheck));
  line();
  line(`Sell-out: one tier of ${n(r.sellOutCheck.stock)}, ${s.sellOutMs / 1000} s`);
  line('answers', byStatus(r.sellOut.total));
  line('oversold', checkLine(r.sellOutCheck));
  line();
  line(`Raw limit: reserveSeats' UPDATE alone (autocommit), ${s.connections} connections`);
  line('updates/s', n(rawPerSecond));
  line(
    'latency',
    `p50 ${ms(percentile(raw.result.latencies, 0.5))}  p99 ${ms(percentile(raw.result.latencies, 0.99))}`,
  );
  line();
  // Every answer of the on-sale is a session created, or the figures are not what they say.
  const errors = errorFailure(hot.result.total, 'of the on-sale');
  const unchecked = r.hotCheck.consistent
    ? null
    : `the tier's seats (reserved ${n(r.hotCheck.reserved)}, held ${n(r.hotCheck.held)}) do not match the ${n(r.hotCheck.created)} sessions answered 201`;
  line('Aims (printed, not asserted)');
  line(
    'sessions/s ÷ raw updates/s',
    `${ratio.toFixed(2)}   aim ≥ ${RATIO_AIM}: ${verdict([
      ratio >= RATIO_AIM ? null : `${ratio.toFixed(2)} < ${RATIO_AIM}`,
      errors,
      unchecked,
    ])}`,
  );
  line(
    'p99 latency',
    `${ms(p99)}   aim < ${P99_AIM_MS} ms: ${verdict([
      p99 < P99_AIM_MS ? null : `${ms(p99)} ≥ ${P99_AIM_MS} ms`,
      errors,
    ])}`,
  );
  line(
    'oversold',
    `${r.hotCheck.oversold + r.sellOutCheck.oversold}   aim 0: ${verdict([
      r.hotCheck.oversold + r.sellOutCheck.oversold === 0 ? null : 'seats were sold beyond stock',
      r.sellOutCheck.consistent
        ? null
        : `the sell-out's answers were not all 201 or 409 event.tier_oversold, or its seats do not match them`,
    ])}`,
  );
  line(
    '',
    `(closed loop: mean latency = buyers ÷ throughput, so a p99 under ${P99_AIM_MS} ms with ` +
      `${s.buyers} buyers needs more than ${n((s.buyers * 1000) / P99_AIM_MS)} sessions/s)`,
  );
  line();
  line('Where a session’s time goes (whole run, warm-up included, per request)');
  const { statements, poolWaits, rowHolds } = hot.probe;
  const sqlMs = sum([...statements.values()].map((st) => st.ms)) / requests;
  const statementCount = sum([...statements.values()].map((st) => st.count)) / requests;
  const waitMs = poolWaits.ms / requests;
  const latencyMs = hot.result.latencyMsTotal / requests;
  line('mean latency', ms(latencyMs));
  line(
    '  waiting for a pooled connection',
    `${ms(waitMs)}  (${(poolWaits.count / requests).toFixed(1)} checkouts)`,
  );
  line('  SQL round trips', `${ms(sqlMs)}  (${statementCount.toFixed(1)} statements)`);
  line('  the rest (HTTP, Koa, zod, JSON)', ms(latencyMs - waitMs - sqlMs));
  line('statements', 'per request   mean round trip');
  for (const [label, st] of [...statements].sort((a, b) => b[1].ms - a[1].ms)) {
    line(`  ${label}`, `${(st.count / requests).toFixed(2).padStart(11)}   ${ms(st.ms / st.count)}`);
  }
  if (rowHolds.count > 0) {
    const hold = rowHolds.ms / rowHolds.count;
    line(
      'tier row held, UPDATE → COMMIT',
      `${ms(hold)} a session, locked ${pct(rowHolds.ms / hot.elapsedMs)} of the time ` +
        `(so one tier does at most ${n(1000 / hold)} sessions/s)`,
    );
  }
  line('CPU per session', cpuLine(hot.cpuMs, hot.pgCpuMs, requests, hot.result.cpuMs));
  if (hot.pgCpuMs !== null) {
    const busy = hot.cpuMs + hot.pgCpuMs + hot.result.cpuMs;
    line('machine busy', `${pct(busy / (hot.elapsedMs * r.machine.cores))} of ${r.machine.cores} cores`);
  }
  line('API event loop busy', pct(hot.eventLoop));
  const rawUpdates = raw.probe.statements.get('update tiers');
  line(
    'raw loop, per update',
    `${ms((rawUpdates?.ms ?? 0) / (rawUpdates?.count || 1))} round trip; ` +
      `CPU ${cpuLine(raw.cpuMs, raw.pgCpuMs, raw.result.total)}`,
  );
  console.log(out.join('\n'));
}

function checkLine(c: TierCheck): string {
  const facts = `reserved ${n(c.reserved)} + sold ${n(c.sold)} of ${n(c.stock)}; ${n(c.created)} answered 201; items hold ${n(c.held)}`;
  return `${c.oversold}   (${facts})${c.consistent ? '' : '  INCONSISTENT'}`;
}

function cpuLine(ownMs: number, pgMs: number | null, count: number, buyersMs?: number): string {
  const parts = [`${buyersMs === undefined ? 'bench' : 'API'} ${ms(ownMs / count)}`];
  parts.push(`Postgres ${pgMs === null ? 'n/a' : ms(pgMs / count)}`);
  if (buyersMs !== undefined) parts.push(`buyers ${ms(buyersMs / count)}`);
  return parts.join(', ');
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const pct = (share: number) => `${Math.round(share * 100)}%`;
