import { randomToken } from '../lib/ids.ts';
import { digestOf } from '../lib/secrets.ts';

export type Mode = 'test' | 'live';

/** Keys are stored as SHA-256 digests: high-entropy secrets need no slow hash, and a leak of the table reveals no key. */
export const hashApiKey = digestOf;

/** A new secret key `er_test_…` or `er_live_…` (shown once, never stored in clear). */
export function generateApiKey(mode: Mode): string {
  return `er_${mode}_${randomToken(32)}`;
}

/** The mode a key claims by its prefix, or null for anything that is not an EntryRate key. */
export function modeOfKey(key: string): Mode | null {
  const match = /^er_(test|live)_[0-9a-z_]{16,}$/.exec(key);
  return match ? (match[1] as Mode) : null;
}
