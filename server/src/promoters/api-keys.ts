import { randomToken } from '../lib/ids.ts';
import { digestOf } from '../lib/secrets.ts';

export type Mode = 'test' | 'live';

/** Keys are stored as SHA-256 digests: high-entropy secrets need no slow hash, and a leak of the table reveals no key. */
export const hashApiKey = digestOf;

/**
 * A new key `er_test_…` or `er_live_…` (shown once, never stored in clear); a scanner key reads
 * `er_scan_test_…`, so whoever finds one on a door device knows it only scans.
 */
export function generateApiKey(mode: Mode, kind: 'secret' | 'admin' | 'scanner' = 'secret'): string {
  return `er_${kind === 'scanner' ? 'scan_' : ''}${mode}_${randomToken(32)}`;
}

/** The mode a key claims by its prefix, or null for anything that is not an EntryRate key. */
export function modeOfKey(key: string): Mode | null {
  const match = /^er_(?:scan_)?(test|live)_[0-9a-z_]{16,}$/.exec(key);
  return match ? (match[1] as Mode) : null;
}
