import { randomBytes } from 'node:crypto';
import type { Database, Executor } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { ApiError } from '../http/errors.ts';
import { type Page, pageOf } from '../http/pagination.ts';
import { newId, slugify } from '../lib/ids.ts';
import { queueCancellationMails } from '../orders/order-mails.ts';
import { findOwnedVenue } from '../venues/venues.store.ts';
import { enqueueWebhookEvent } from '../webhooks/webhooks.outbox.ts';
import { type Event, toEvent } from './events.mapper.ts';
import type { CreateEventInput, ListEventsQuery } from './events.schema.ts';
import {
  countScans,
  type EventRow,
  findOwnedEvent,
  insertEvent,
  insertTiers,
  listOwnedEvents,
  listTiersOfEvents,
  lockOwnedEvent,
  markCancelled,
  markPublished,
  type Owner,
  slugTaken,
} from './events.store.ts';

/** Creates a draft event with its tiers; the slug comes from the title unless given. */
export async function createEvent(
  db: Database,
  owner: Owner,
  input: CreateEventInput,
  defaults: { holdMinutes: number; id?: string },
): Promise<Event> {
  if (!(await findOwnedVenue(db, owner, input.venueId))) {
    throw new ApiError(404, 'venue.not_found', `No venue '${input.venueId}' belongs to you.`, 'venueId');
  }
  const create = db.transaction().execute(async (tx) => {
    const slug = input.slug ?? (await freeSlug(tx, owner, slugify(input.title)));
    if (input.slug && (await slugTaken(tx, owner, slug))) {
      throw new ApiError(
        409,
        'event.slug_taken',
        `You already have an event with the slug '${slug}'.`,
        'slug',
      );
    }
    const id = defaults.id ?? newId('evt');
    await insertEvent(tx, {
      id,
      promoter_id: owner.promoterId,
      mode: owner.mode,
      slug,
      title: input.title,
      status: 'draft',
      venue_id: input.venueId,
      doors: input.doors,
      currency: input.currency,
      network: true,
      rotating_qr: input.rotatingQr,
      hold_minutes: input.holdMinutes ?? defaults.holdMinutes,
      qr_secret: randomBytes(32).toString('base64url'),
    });
    await insertTiers(
      tx,
      input.tiers.map((tier, position) => ({
        id: newId('tier'),
        event_id: id,
        slug: tier.slug ?? slugify(tier.name),
        name: tier.name,
        price: tier.price,
        stock: tier.stock,
        max_per_order: tier.maxPerOrder,
        position,
        sales_start: tier.salesStart ?? null,
        sales_end: tier.salesEnd ?? null,
      })),
    );
    return getEvent(tx, owner, id);
  });
  return create.catch((error) => {
    // Two creations raced for the same slug; the unique constraint decided.
    if (isUniqueViolation(error, 'events_promoter_mode_slug')) {
      throw new ApiError(
        409,
        'event.slug_taken',
        'Another event of yours took this slug at the same moment.',
        'slug',
      );
    }
    throw error;
  });
}

/** A slug made from the title, numbered (`-2`, `-3`…) when the promoter already uses it. */
async function freeSlug(db: Executor, owner: Owner, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, owner, candidate))) return candidate;
  }
}

/** One of the owner's events by id or slug, as stored; 404 `event.not_found` otherwise. */
export async function ownedEventOrNotFound(db: Executor, owner: Owner, idOrSlug: string): Promise<EventRow> {
  const row = await findOwnedEvent(db, owner, idOrSlug);
  if (!row) throw eventNotFound(idOrSlug);
  return row;
}

/** One of the promoter's events by id or slug, with its tiers and scans. */
export async function getEvent(db: Executor, owner: Owner, idOrSlug: string): Promise<Event> {
  const row = await ownedEventOrNotFound(db, owner, idOrSlug);
  const [event] = await withDetails(db, [row]);
  return event as Event;
}

/** The promoter's events in the caller's mode, filtered, soonest doors first, each with its tiers. */
export async function listEvents(db: Executor, owner: Owner, query: ListEventsQuery): Promise<Page<Event>> {
  const { page, limit, ...filters } = query;
  const result = await listOwnedEvents(db, owner, filters, { page, limit });
  const events = await withDetails(db, result.rows);
  return pageOf({ page, limit }, { rows: events, total: result.total }, (event) => event);
}

/**
 * Cancels an event: it leaves the widget and the storefront at once and no new checkout opens.
 * Checkouts already open are left to run out their hold, as any other (a buyer who pays within it
 * still gets an order); refunding orders is the promoter's call, through the orders API. Every
 * buyer is mailed, in the same transaction as the cancellation, once. Cancelling a cancelled event
 * again changes nothing.
 */
export async function cancelEvent(db: Database, owner: Owner, idOrSlug: string): Promise<Event> {
  return db.transaction().execute(async (tx) => {
    const row = await findOwnedEvent(tx, owner, idOrSlug);
    if (!row) throw eventNotFound(idOrSlug);
    if (await markCancelled(tx, row.id)) await queueCancellationMails(tx, row.id);
    return getEvent(tx, owner, row.id);
  });
}

async function withDetails(db: Executor, rows: EventRow[]): Promise<Event[]> {
  const ids = rows.map((row) => row.id);
  const [tiers, scans] = await Promise.all([listTiersOfEvents(db, ids), countScans(db, ids)]);
  return rows.map((row) =>
    toEvent(
      row,
      tiers.filter((tier) => tier.event_id === row.id),
      scans.get(row.id) ?? 0,
    ),
  );
}

/** The 404 for an event that does not exist or is another promoter's (or mode's): never a 403. */
export function eventNotFound(idOrSlug: string): ApiError {
  return new ApiError(404, 'event.not_found', `No event '${idOrSlug}' belongs to you.`);
}

/**
 * Puts a draft (or already live) event on sale; `network: false` keeps it off the storefront.
 * Not once its doors have passed: nobody could come, and a draft made with a past date (allowed,
 * so it can be fixed) would otherwise go on sale by mistake. The first publication queues
 * `event.published` in the same transaction; the row lock makes two concurrent publications send it once.
 */
export async function publishEvent(
  db: Database,
  owner: Owner,
  idOrSlug: string,
  options: { network: boolean },
): Promise<Event> {
  return db.transaction().execute(async (tx) => {
    const row = await lockOwnedEvent(tx, owner, idOrSlug);
    if (!row) throw eventNotFound(idOrSlug);
    if (row.status === 'cancelled') {
      throw new ApiError(409, 'event.invalid_transition', 'A cancelled event cannot be published.');
    }
    if (new Date(row.doors).getTime() <= Date.now()) throw doorsPassed(row);
    await markPublished(tx, row.id, options.network);
    const event = await getEvent(tx, owner, row.id);
    if (row.status === 'draft') {
      await enqueueWebhookEvent(tx, {
        promoterId: owner.promoterId,
        mode: owner.mode,
        type: 'event.published',
        data: event,
      });
    }
    return event;
  });
}

function doorsPassed(row: EventRow): ApiError {
  return new ApiError(
    409,
    'event.doors_passed',
    `The doors of '${row.title}' (${new Date(row.doors).toISOString()}) have passed: ` +
      `PATCH /v1/events/${row.id} with a future \`doors\` first, then publish it.`,
    'doors',
  );
}
