// The event form's state as a person types it (prices in major units, times on the venue's wall
// clock) and the API body made from it. Only the reading of what was typed lives here; whether an
// event is valid is the API's to say, and its errors come back naming the field (`param`).

import { ApiError, type Schemas } from '../../api.ts';
import { parseMajorUnits, toMajorUnits } from '../../format.ts';
import { isoToZoned, zonedToIso } from '../../zoned-time.ts';

export interface TierDraft {
  /** The saved tier's id; undefined for a tier added in this form. */
  id: string | undefined;
  /** Tells the rows apart while a list of new tiers changes (never sent). */
  key: string;
  name: string;
  /** `12.50`, in the event's currency. */
  price: string;
  stock: string;
  maxPerOrder: string;
  /** `datetime-local` values on the venue's clock; '' leaves that side of the window open. */
  salesStart: string;
  salesEnd: string;
  /** Tickets already sold: a saved tier cannot be removed, and its stock cannot go below this. */
  sold: number;
}

export interface EventDraft {
  title: string;
  venueId: string;
  doors: string;
  currency: string;
  /** '' takes the server's default. */
  holdMinutes: string;
  rotatingQr: boolean;
  tiers: TierDraft[];
}

let nextKey = 0;

export function newTier(): TierDraft {
  nextKey += 1;
  return {
    id: undefined,
    key: `new-${nextKey}`,
    name: '',
    price: '',
    stock: '',
    maxPerOrder: '10',
    salesStart: '',
    salesEnd: '',
    sold: 0,
  };
}

export function emptyDraft(): EventDraft {
  return {
    title: '',
    venueId: '',
    doors: '',
    currency: 'GBP',
    holdMinutes: '',
    rotatingQr: false,
    tiers: [{ ...newTier(), name: 'General admission' }],
  };
}

/** A saved event as the form shows it, on its venue's clock. */
export function draftOf(event: Schemas['Event'], timeZone: string): EventDraft {
  return {
    title: event.title,
    venueId: event.venueId,
    doors: isoToZoned(event.doors, timeZone),
    currency: event.currency.toUpperCase(),
    holdMinutes: String(event.holdMinutes),
    rotatingQr: event.rotatingQr,
    tiers: event.tiers.map((tier) => ({
      id: tier.id,
      key: tier.id,
      name: tier.name,
      price: toMajorUnits(tier.price, event.currency),
      stock: String(tier.stock),
      maxPerOrder: String(tier.maxPerOrder),
      salesStart: isoToZoned(tier.salesStart, timeZone),
      salesEnd: isoToZoned(tier.salesEnd, timeZone),
      sold: tier.sold,
    })),
  };
}

/** A field the form could not read, reported as the API reports one, so it shows beside the field. */
function unreadable(param: string, message: string): ApiError {
  return new ApiError(400, 'request.invalid', message, param);
}

function parsePrice(text: string, currency: string, param: string): number {
  const amount = parseMajorUnits(text, currency);
  if (amount === null) {
    throw unreadable(param, `Enter a price such as ${toMajorUnits(1250, currency)}, or 0 for free tickets.`);
  }
  return amount;
}

function parseCount(text: string, param: string, what: string): number {
  const normalised = text.trim();
  if (!/^\d+$/.test(normalised)) throw unreadable(param, `Enter ${what} as a whole number.`);
  return Number(normalised);
}

function parseTime(local: string, timeZone: string, param: string): string | null {
  if (local === '') return null;
  const iso = zonedToIso(local, timeZone);
  if (!iso) throw unreadable(param, 'Enter a date and a time.');
  return iso;
}

function tierBody(tier: TierDraft, index: number, currency: string, timeZone: string) {
  const param = (field: string) => `tiers[${index}].${field}`;
  return {
    name: tier.name,
    price: parsePrice(tier.price, currency, param('price')),
    stock: parseCount(tier.stock, param('stock'), 'the number of tickets'),
    maxPerOrder: parseCount(tier.maxPerOrder, param('maxPerOrder'), 'the most tickets per order'),
    salesStart: parseTime(tier.salesStart, timeZone, param('salesStart')),
    salesEnd: parseTime(tier.salesEnd, timeZone, param('salesEnd')),
  };
}

/** A new tier leaves out an open side of its sales window rather than sending null. */
function withoutOpenSides<T extends { salesStart: string | null; salesEnd: string | null }>(tier: T) {
  const { salesStart, salesEnd, ...rest } = tier;
  return { ...rest, ...(salesStart ? { salesStart } : {}), ...(salesEnd ? { salesEnd } : {}) };
}

function eventFields(draft: EventDraft, timeZone: string) {
  const doors = parseTime(draft.doors, timeZone, 'doors');
  if (!doors) throw unreadable('doors', 'Enter when the doors open.');
  const holdMinutes =
    draft.holdMinutes.trim() === ''
      ? undefined
      : parseCount(draft.holdMinutes, 'holdMinutes', 'the hold in minutes');
  return { title: draft.title, venueId: draft.venueId, doors, holdMinutes, rotatingQr: draft.rotatingQr };
}

/** `POST /v1/events`: throws an ApiError naming the field when something typed cannot be read. */
export function createBody(draft: EventDraft, timeZone: string): Schemas['EventCreate'] {
  const currency = draft.currency.trim().toLowerCase();
  return {
    ...eventFields(draft, timeZone),
    currency,
    tiers: draft.tiers.map((tier, i) => withoutOpenSides(tierBody(tier, i, currency, timeZone))),
  };
}

/** `PATCH /v1/events/:id`: the saved tiers by id (null reopens a window's side), new ones without. */
export function updateBody(draft: EventDraft, timeZone: string): Schemas['EventUpdate'] {
  const currency = draft.currency.toLowerCase();
  return {
    ...eventFields(draft, timeZone),
    tiers: draft.tiers.map((tier, i) => {
      const body = tierBody(tier, i, currency, timeZone);
      return tier.id ? { id: tier.id, ...body } : withoutOpenSides(body);
    }),
  };
}
