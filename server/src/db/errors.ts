/** True when a PostgreSQL error is a unique violation, optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

// Socket failures between us and PostgreSQL, as Node reports them.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs that mean "not now" rather than "not this": shutting down, starting up, too busy.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres and its pool say these in words only, with no code.
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * True when an error means PostgreSQL cannot be reached for now (refused or dropped connections,
 * a server shutting down or starting up, the pool timing out), so the request may succeed when
 * retried; false for errors of the query itself. The one place that knows these shapes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, hops = 0; e && typeof e === 'object' && hops < 5; e = (e as Error).cause, hops++) {
    const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
        return true;
    }
    if (typeof message === 'string' && LOST_CONNECTION.test(message)) return true;
    // Connecting to a host name that resolves to several addresses fails with all their errors.
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
