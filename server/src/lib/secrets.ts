import { createHash, timingSafeEqual } from 'node:crypto';
import { randomToken } from './ids.ts';

/**
 * A new bearer token for a link or cookie: 40 characters of [0-9a-z] (~206 bits), so it is stored
 * as a plain SHA-256 (`digestOf`) and no slow hash is needed.
 */
export const newToken = (): string => randomToken(40);

/** The SHA-256 of a token, hex: what is stored instead of the token. */
export function digestOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether two secrets are equal, compared in constant time. */
export function sameSecret(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
