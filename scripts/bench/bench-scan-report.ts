import type { Config } from '../../server/src/config.ts';
import {
  type Answers,
  byStatus,
  countOf,
  errorFailure,
  errorsOf,
  limitsOf,
  verdict,
} from './bench-answers.ts';
import { type Measured, percentile } from './bench-measure.ts';
import type { ScanLimitResult } from './bench-scan-db.ts';
import { ACCEPTED, type ScansResult } from './bench-scanners.ts';
import type { ScanSettings } from './scan.ts';

const AIMS = { perSecond: 1000, serverP99Ms: 10, dbRatio: 0.5 };

export interface ScanReport {
  settings: ScanSettings;
  config: Readonly<Config>;
  machine: string;
  database: string;
  issuedMs: number;
  api: Measured<ScansResult>;
  /** Rows in the scans table the API's key recorded: what the accepted answers must match. */
  recorded: number;
  /** `200 valid` answers of the whole run. */
  acceptedAnswers: number;
  dbLimit: Measured<ScanLimitResult>;
}

/** Prints the figures and whether the aims are met; the aims are reported, never asserted. */
export function printScanReport(r: ScanReport): void {
  const { settings: s, api } = r;
  const result = api.result;
  const accepted = result.window[ACCEPTED] ?? 0;
  const perSecond = (accepted * 1000) / s.durationMs;
  const serverP99 = percentile(result.server, 0.99);
  const dbPerSecond = (r.dbLimit.result.latencies.length * 1000) / s.durationMs;
  const ratio = perSecond / dbPerSecond;
  const sent = countOf(result.total);
  const refused = refusals(result.total);

  const out: string[] = [];
  const line = (label = '', value = '') => out.push(value ? `  ${label.padEnd(34)}${value}` : label);
  line('EntryRate scan benchmark');
  line('machine', r.machine);
  line('database', r.database);
  const [first, ...rest] = limitsOf(r.config);
  line('server limits', first);
  for (const limit of rest) line('', limit);
  line(
    'tickets',
    `${n(s.tickets)} issued in ${(r.issuedMs / 1000).toFixed(1)} s (${s.rotating ? 'rotating' : 'static'} QR), ${n(s.dbTickets)} more for the database's loop`,
  );
  line(
    'scanners',
    `${s.scanners} closed loops, ${s.durationMs / 1000} s after ${s.warmupMs / 1000} s warm-up`,
  );
  line('scanId on each scan', 'yes (a repeat is the same scan: no Idempotency-Key is stored)');
  line('Idempotency-Key on each scan', s.idempotencyKey ? 'yes' : 'no (BENCH_IDEMPOTENCY=0)');
  line(
    'commits',
    s.syncCommit
      ? 'durable (wait for the WAL flush)'
      : 'NOT durable: synchronous_commit=off (BENCH_SYNC_COMMIT=off)',
  );
  line();
  line('Through the API: POST /v1/scans');
  line('answers in the window', byStatus(result.window));
  line('answers in the whole run', byStatus(result.total));
  line(
    'accepted scans recorded',
    `${n(r.recorded)} rows in scans for ${n(r.acceptedAnswers)} accepted answers (of ${n(sent)} sent, warm-up included)`,
  );
  line('accepted scans per second', n(perSecond));
  line(
    'server time p50 / p99 / max',
    `${ms(result.server, 0.5)} / ${ms(result.server, 0.99)} / ${ms(result.server, 1)}  (Server-Timing, accepted scans)`,
  );
  line(
    'client latency p50 / p99 / max',
    `${ms(result.client, 0.5)} / ${ms(result.client, 0.99)} / ${ms(result.client, 1)}`,
  );
  line();
  line(
    `The database alone: a scan's statements (ticket lookup, INSERT … ON CONFLICT), ${s.scanners} connections`,
  );
  line('scans per second', `${n(dbPerSecond)}  (${n(dbPerSecond * 2)} statements per second)`);
  line(
    'latency p50 / p99',
    `${ms(r.dbLimit.result.latencies, 0.5)} / ${ms(r.dbLimit.result.latencies, 0.99)}`,
  );
  line('CPU per scan: loop / PostgreSQL', cpu(r.dbLimit.cpuMs, r.dbLimit.pgCpuMs, r.dbLimit.result.total));
  line();
  const errors = errorFailure(result.total, 'in the run');
  const refusedFailure = refused
    ? `${n(countOf(refused))} scans were refused (${byStatus(refused)}), so not all the load was admissions`
    : null;
  const mismatch =
    r.recorded === r.acceptedAnswers
      ? null
      : `${n(r.recorded)} scans recorded for ${n(r.acceptedAnswers)} accepted answers`;
  line('Aims (printed, not asserted)');
  line(
    'accepted scans per second',
    `${n(perSecond)}   aim ≥ ${n(AIMS.perSecond)}: ${verdict([
      perSecond >= AIMS.perSecond ? null : `${n(perSecond)} < ${n(AIMS.perSecond)}`,
      errors,
      refusedFailure,
      mismatch,
    ])}`,
  );
  line(
    'server time p99',
    `${ms(result.server, 0.99)}   aim < ${AIMS.serverP99Ms} ms: ${verdict([
      serverP99 < AIMS.serverP99Ms ? null : `${serverP99.toFixed(2)} ms ≥ ${AIMS.serverP99Ms} ms`,
      errors,
    ])}`,
  );
  line(
    'API scans/s ÷ database scans/s',
    `${ratio.toFixed(2)}   within 2× of the database's limit (≥ ${AIMS.dbRatio}): ${verdict([
      ratio >= AIMS.dbRatio ? null : `${ratio.toFixed(2)} < ${AIMS.dbRatio}`,
      errors,
      mismatch,
    ])}`,
  );
  line();
  line('Where a scan goes (whole API run, warm-up included, per answer)');
  const statements = [...api.probe.statements].sort((a, b) => b[1].count - a[1].count);
  line('statements', 'per answer   mean round trip');
  for (const [label, st] of statements.filter(([, st]) => st.count / sent >= 0.01)) {
    line(`  ${label}`, `${(st.count / sent).toFixed(2).padStart(10)}   ${(st.ms / st.count).toFixed(2)} ms`);
  }
  line(
    'pool',
    `${api.probe.connections} connections, waits ${(api.probe.poolWaits.ms / Math.max(1, api.probe.poolWaits.count)).toFixed(2)} ms on average`,
  );
  line('CPU per answer: API / PostgreSQL', cpu(api.cpuMs, api.pgCpuMs, sent));
  line(
    'CPU per answer: the scanners',
    `${(result.cpuMs / Math.max(1, sent)).toFixed(3)} ms (the load itself, on the same cores)`,
  );
  line('API event loop busy', `${(api.eventLoop * 100).toFixed(0)}%`);
  console.log(out.join('\n'));
}

/** The 200 answers that were not admissions: `already_scanned`, `void`… */
function refusals(answers: Answers): Answers | null {
  const errors = errorsOf(answers);
  const rest = Object.entries(answers).filter(([outcome]) => outcome !== ACCEPTED && !(outcome in errors));
  return rest.length ? Object.fromEntries(rest) : null;
}

function cpu(ownMs: number, pgMs: number | null, count: number): string {
  const per = (value: number) => `${(value / Math.max(1, count)).toFixed(3)} ms`;
  return `${per(ownMs)} / ${pgMs === null ? 'n/a' : per(pgMs)}`;
}

const n = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : 'n/a');
const ms = (values: number[], q: number) =>
  values.length ? `${percentile(values, q).toFixed(2)} ms` : 'n/a (no accepted scans)';
