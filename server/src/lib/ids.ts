import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random lowercase alphanumerics; 16 characters carry about 82 bits. */
export function randomToken(length = 16): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export type IdPrefix =
  | 'pr'
  | 'key'
  | 'vn'
  | 'evt'
  | 'tier'
  | 'cs'
  | 'ord'
  | 'tkt'
  | 'scn'
  | 'we'
  | 'wh'
  | 'mail'
  | 'psn'
  | 'ses'
  | 'inv';

/** A new prefixed id such as `ord_3k9x…`, the shape every API object carries. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken()}`;
}

/** Lowercase, hyphenated, ASCII: 'Early bird' -> 'early-bird', 'Mura Masa · UK tour' -> 'mura-masa-uk-tour'. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'item';
}
