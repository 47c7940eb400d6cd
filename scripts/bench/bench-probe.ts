import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface StatementStats {
  count: number;
  /** Round trips as Node sees them: from `query()` to its result, event-loop delays included. */
  ms: number;
}

export interface ProbeReport {
  statements: Map<string, StatementStats>;
  /** Time spent in `pool.connect()`, waiting for a free connection. */
  poolWaits: StatementStats;
  /** The tiers row lock: from the reserving UPDATE's answer to its transaction's COMMIT or ROLLBACK. */
  rowHolds: StatementStats;
  /** The most connections one pool had open during the window. */
  connections: number;
}

export interface Probe {
  /** Forgets everything counted so far: a new measuring window starts. */
  reset(): void;
  /** A copy of the counts so far. */
  report(): ProbeReport;
}

type Patchable<K extends string> = Record<K, (...args: unknown[]) => unknown>;

/**
 * Counts and times every SQL statement and pool checkout in this process by wrapping `pg`'s
 * Client.query and Pool.connect, so the benchmark can say where a session's time goes without
 * touching server code. Install it once, before the measured traffic.
 */
export function installProbe(): Probe {
  let statements = new Map<string, StatementStats>();
  let poolWaits = { count: 0, ms: 0 };
  let rowHolds = { count: 0, ms: 0 };
  let connections = 0;
  const heldSince = new WeakMap<object, number>();

  const client = pg.Client.prototype as unknown as Patchable<'query'>;
  const query = client.query;
  client.query = function timedQuery(this: object, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const label = labelOf(typeof first === 'string' ? first : (first?.text ?? ''));
    const started = performance.now();
    const result = query.apply(this, args);
    const done = () => {
      const now = performance.now();
      const stats = statements.get(label) ?? { count: 0, ms: 0 };
      stats.count++;
      stats.ms += now - started;
      statements.set(label, stats);
      if (label === 'update tiers') heldSince.set(this, now);
      const since = heldSince.get(this);
      if ((label === 'commit' || label === 'rollback') && since !== undefined) {
        rowHolds.count++;
        rowHolds.ms += now - since;
        heldSince.delete(this);
      }
    };
    if (result instanceof Promise) result.then(done, done);
    return result;
  };

  const pool = pg.Pool.prototype as unknown as Patchable<'connect'>;
  const connect = pool.connect;
  pool.connect = function timedConnect(this: pg.Pool, ...args: unknown[]) {
    const started = performance.now();
    const result = connect.apply(this, args);
    const done = () => {
      poolWaits.count++;
      poolWaits.ms += performance.now() - started;
      connections = Math.max(connections, this.totalCount);
    };
    if (result instanceof Promise) result.then(done, done);
    return result;
  };

  return {
    reset() {
      statements = new Map();
      poolWaits = { count: 0, ms: 0 };
      rowHolds = { count: 0, ms: 0 };
      connections = 0;
    },
    report: () => ({
      statements: new Map([...statements].map(([label, stats]) => [label, { ...stats }])),
      poolWaits: { ...poolWaits },
      rowHolds: { ...rowHolds },
      connections,
    }),
  };
}

/** `select events`, `insert checkout_sessions`, `begin`…: the verb and the first table named. */
function labelOf(sql: string): string {
  const text = sql.trim().toLowerCase();
  const verb = /^(select|insert|update|delete|with)\b/.exec(text)?.[1];
  if (!verb) return text.split(/\s+/)[0] ?? '?';
  const table = (verb === 'select' ? /\bfrom "(\w+)"/ : /"(\w+)"/).exec(text)?.[1];
  return table ? `${verb} ${table}` : verb;
}
