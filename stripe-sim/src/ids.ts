import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 string, the alphabet Stripe's ids and secrets use. */
export function randomToken(length: number): string {
  let token = '';
  for (let i = 0; i < length; i++) token += BASE62[randomInt(BASE62.length)];
  return token;
}

/** A new Stripe-style id such as `pi_3Pq…`: the prefix names the object type. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomToken(length)}`;
}
