import type { Config } from '../../server/src/config.ts';

// What every benchmark says about the answers it got and the limits it ran under, the same way:
// answers by status, errors counted, and an aim that is never "met" while any answer was an error.

/**
 * Answers counted by outcome: the HTTP status, then what it said (`201`, `200 valid`,
 * `409 event.tier_oversold`), or `network <error name>` when no answer came.
 */
export type Answers = Record<string, number>;

/** Adds one answer to `answers`. */
export function tally(answers: Answers, outcome: string, count = 1): void {
  answers[outcome] = (answers[outcome] ?? 0) + count;
}

/** The outcome key of an HTTP answer: its status, and the error code or detail when it has one. */
export function outcomeOf(status: number, detail?: string): string {
  return detail ? `${status} ${detail}` : String(status);
}

/** `network TimeoutError`: the request got no answer. */
export function networkOutcome(error: unknown): string {
  return `network ${(error as Error)?.name ?? 'Error'}`;
}

/** The answers that are errors: a 4xx or 5xx, or no answer at all. */
export function errorsOf(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).filter(([outcome]) => {
      const status = Number(outcome.split(' ')[0]);
      return Number.isNaN(status) || status >= 400;
    }),
  );
}

export function countOf(answers: Answers): number {
  return Object.values(answers).reduce((a, b) => a + b, 0);
}

/** `200: 31,992 (valid 31,990, already_scanned 2), 429: 8 (rate_limit.exceeded)`, by status. */
export function byStatus(answers: Answers): string {
  const groups = new Map<string, [string, number][]>();
  for (const [outcome, count] of Object.entries(answers)) {
    const [status = '?', ...rest] = outcome.split(' ');
    groups.set(status, [...(groups.get(status) ?? []), [rest.join(' '), count]]);
  }
  if (groups.size === 0) return 'none';
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, details]) => {
      const total = details.reduce((sum, [, count]) => sum + count, 0);
      const named = details.filter(([detail]) => detail !== '');
      if (named.length === 0) return `${status}: ${n(total)}`;
      const parts = details.map(([detail, count]) =>
        details.length === 1 ? detail : `${detail || 'other'} ${n(count)}`,
      );
      return `${status}: ${n(total)} (${parts.join(', ')})`;
    })
    .join(', ');
}

/** The reason an aim is not met when some answers were errors, or null when none were. */
export function errorFailure(answers: Answers, where: string): string | null {
  const errors = errorsOf(answers);
  const count = countOf(errors);
  return count === 0 ? null : `${n(count)} answers ${where} were errors: ${byStatus(errors)}`;
}

/** `met`, or `NOT MET: <every reason>`. */
export function verdict(failures: (string | null)[]): string {
  const reasons = failures.filter((f): f is string => f !== null);
  return reasons.length === 0 ? 'met' : `NOT MET: ${reasons.join('; ')}`;
}

/** The limits a benchmark's server enforces, every one named, as `loadConfig` read them. */
export function limitsOf(config: Readonly<Config>): string[] {
  const r = config.rateLimits;
  return [
    `RATE_LIMIT_SCANS=${r.scans} per minute per key`,
    `RATE_LIMIT_CHECKOUT=${r.checkout} per minute per client`,
    `RATE_LIMIT_PER_KEY=${r.perKey} per 15 minutes`,
    `RATE_LIMIT_PER_PERSON=${r.perPerson} per 15 minutes`,
    `RATE_LIMIT_KEY_MANAGEMENT=${r.keyManagement} per hour`,
    `RATE_LIMIT_TICKET_LINKS=${r.ticketLinks} per hour per client`,
    `DATABASE_POOL_SIZE=${config.databasePoolSize}`,
  ];
}

/**
 * The server environment's limits, each set explicitly so that neither the defaults nor the
 * developer's own environment decide a benchmark's figures.
 */
export function limitsEnv(limits: {
  scans: number;
  checkout: number;
  perKey: number;
  perPerson: number;
  keyManagement: number;
  ticketLinks: number;
  poolSize: number;
}): Record<string, string> {
  return {
    RATE_LIMIT_SCANS: String(limits.scans),
    RATE_LIMIT_CHECKOUT: String(limits.checkout),
    RATE_LIMIT_PER_KEY: String(limits.perKey),
    RATE_LIMIT_PER_PERSON: String(limits.perPerson),
    RATE_LIMIT_KEY_MANAGEMENT: String(limits.keyManagement),
    RATE_LIMIT_TICKET_LINKS: String(limits.ticketLinks),
    DATABASE_POOL_SIZE: String(limits.poolSize),
  };
}

const n = (value: number) => Math.round(value).toLocaleString('en-GB');
