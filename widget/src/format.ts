// Formatting in the buyer's own locale (undefined = the browser's); tests pass one explicitly.

/** Formats integer minor units (1200) in a lowercase ISO currency ('gbp') as '£12.00'. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  // Not every currency has two decimals (JPY has none), so the scale comes from Intl, not from 100.
  return nf.format(minor / 10 ** (nf.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A price as a buyer reads it: '£12.00', or 'Free' for nothing. */
export const formatPrice = (minor: number, currency: string) =>
  minor ? formatMoney(minor, currency) : 'Free';

/** Formats an ISO date-time as a short weekday, date and time, e.g. 'Sun, 2 May 2027, 20:00'. */
export function formatDoors(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** Formats a duration as m:ss ('14:59'), rounding down so that 0:00 means the hold has run out. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** What a tier row says about stock: '198 left', 'Only 3 left' when it matters, 'Sold out'. */
export const stockLabel = (available: number) =>
  available <= 0 ? 'Sold out' : available <= 10 ? `Only ${available} left` : `${available} left`;
