import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../http/errors.ts';

// scrypt with OWASP's recommended cost (N = 2^17, r = 8, p = 1: 128 MiB, ~0.2 s) would let a few
// sign-ins at once exhaust a small server's memory; N = 2^15 (32 MiB, tens of ms) is the
// cost its cheat sheet lists for that case. The parameters are stored with each hash, so raising
// them later only affects new hashes.
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): a fresh random salt each time. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches `stored`, compared timing-safe; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time a real check takes, for a sign-in with an unknown email, so the answer's
 * timing does not tell which emails have an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('entryrate-dummy-password-never-matches');
  await verifyPassword(password, await dummy);
  return false;
}

/** Refuses a password too short to resist guessing (`422 account.weak_password`). */
export function checkPasswordStrength(password: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw new ApiError(
      422,
      'account.weak_password',
      `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters; a few words make a strong one.`,
      'password',
    );
  }
}
