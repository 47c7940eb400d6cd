import { APIConnectionError, type EntryRateError } from './errors.js';

const FIRST_WAIT_MS = 500;
const LONGEST_WAIT_MS = 8_000;
const LONGEST_RETRY_AFTER_MS = 60_000;

/** Whether a failed attempt may be tried again: no answer, a 429, a 5xx, or a key still in use. */
export function isRetryable(error: EntryRateError): boolean {
  if (error instanceof APIConnectionError) return true;
  const status = error.status ?? 0;
  return status === 429 || status >= 500 || (status === 409 && error.code === 'idempotency.in_progress');
}

/**
 * How long to wait before retry number `attempt + 1`: the answer's `Retry-After` (seconds or an
 * HTTP date, at most 60 s) when it has one; else 0.5 s doubling to at most 8 s, with jitter
 * (between half and all of it).
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  random: () => number = Math.random,
): number {
  const told = retryAfterMs(retryAfter);
  if (told !== null) return Math.min(told, LONGEST_RETRY_AFTER_MS);
  const wait = Math.min(FIRST_WAIT_MS * 2 ** attempt, LONGEST_WAIT_MS);
  return wait * (0.5 + random() * 0.5);
}

function retryAfterMs(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
