import type { Schemas } from './api.ts';

// How money and times read on screen. Money is integer minor units with an ISO currency, as the API
// sends it; Intl knows each currency's exponent.

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `1200, 'GBP'` → `£12.00`. */
export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  let format = moneyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: code });
    moneyFormats.set(code, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** A currency's minor units per major unit (100 for GBP, 1 for JPY): for price inputs in major units. */
export function minorUnitsPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).resolvedOptions().maximumFractionDigits;
  return 10 ** (digits ?? 2);
}

const decimalsOf = (currency: string) => Math.round(Math.log10(minorUnitsPerMajor(currency)));

/** `1250, 'gbp'` → `12.50`: an amount as a person types it into a price or amount field. */
export function toMajorUnits(amount: number, currency: string): string {
  return (amount / minorUnitsPerMajor(currency)).toFixed(decimalsOf(currency));
}

/**
 * `12.50` (or `12,50`) in `currency` → 1250 minor units, read digit by digit so no float rounding
 * creeps in; null when it is not an amount in that currency (too many decimals, a sign, letters).
 */
export function parseMajorUnits(text: string, currency: string): number | null {
  const decimals = decimalsOf(currency);
  const normalised = text.trim().replace(',', '.');
  const pattern = decimals > 0 ? new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`) : /^\d+$/;
  if (!pattern.test(normalised)) return null;
  const [whole = '0', fraction = ''] = normalised.split('.');
  return Number(whole) * minorUnitsPerMajor(currency) + Number(fraction.padEnd(decimals, '0') || '0');
}

/** `12 Mar 2027, 19:30` in the viewer's time zone (or `timeZone`, such as the venue's). */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** `12 Mar 2027`. */
export function formatDate(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** `3 minutes ago`, `in 2 days`: for "last used" and "expires". */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** A role of a promoter's team, as the API names it. */
export type Role = Schemas['Member']['role'];

/** Each role in words, in the order the team page offers them, with what it may do. */
export const ROLES: readonly { value: Role; label: string; does: string }[] = [
  { value: 'owner', label: 'Owner', does: 'Everything, including keys, webhooks, payouts and the team.' },
  {
    value: 'manager',
    label: 'Manager',
    does: 'Events, orders and webhooks: everything but keys, team and payouts.',
  },
  { value: 'box_office', label: 'Box office', does: 'Orders: find them, refund them and resend tickets.' },
  { value: 'door', label: 'Door', does: 'Scanning tickets and door counts only.' },
];

/** `box_office` → `Box office`. */
export function roleLabel(role: string): string {
  return ROLES.find((r) => r.value === role)?.label ?? role.replaceAll('_', ' ');
}
