import { z } from 'zod';

// zod's ISO formats take any four-digit year and offsets up to ±23:59, but PostgreSQL has no year
// 0000 and refuses offsets beyond ±15:59, so such input used to pass validation and fail in SQL.
// Every date the API takes stays within years 0001 to 9999 in UTC, which PostgreSQL stores and
// JavaScript prints in the same four-digit form.
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
const OFFSET = /([+-])(\d\d):(\d\d)$/;

function storable(text: string): boolean {
  const at = Date.parse(text);
  const offsetHours = Number(OFFSET.exec(text)?.[2] ?? 0);
  return Number.isFinite(at) && at >= EARLIEST && at <= LATEST && offsetHours <= 15;
}

/** An ISO 8601 instant with `Z` or an offset (`2026-05-02T19:00:00+01:00`) that PostgreSQL can store. */
export const isoInstant = z.iso.datetime({ offset: true }).refine(storable, {
  message: 'must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, with an offset within ±15:59',
});

/** An ISO 8601 calendar date (`2026-05-02`) from 0001-01-01 to 9999-12-31. */
export const isoDay = z.iso.date().refine(storable, { message: 'must be between 0001-01-01 and 9999-12-31' });

/** An instant as the API answers it: ISO 8601 in UTC, as `Date#toISOString` writes it. */
export const utcInstant = z.iso.datetime();

/** `utcInstant` of a database or Stripe time, or null when there is none. */
export function isoOrNull(date: Date | string | null): string | null {
  return date ? new Date(date).toISOString() : null;
}
