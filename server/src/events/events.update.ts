import type { Database, Executor } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { ApiError } from '../http/errors.ts';
import { newId, slugify } from '../lib/ids.ts';
import { findOwnedVenue } from '../venues/venues.store.ts';
import type { Event } from './events.mapper.ts';
import type { TierPatch, UpdateEventInput } from './events.schema.ts';
import { eventNotFound, getEvent } from './events.service.ts';
import {
  findTier,
  insertTiers,
  listTiers,
  lockOwnedEvent,
  type Owner,
  slugTaken,
  type TierRow,
  updateEventRow,
  updateTier,
} from './events.store.ts';

const MAX_TIERS = 50;

/**
 * Changes an event and its tiers, all or nothing: one transaction, so a refused tier change
 * leaves the title and every other tier as they were. Tiers are changed by `id` and added without
 * one; none is ever removed. Price changes reach new checkouts only: an open session keeps the
 * unit prices it was opened with, and so does its total.
 */
export async function updateEvent(
  db: Database,
  owner: Owner,
  idOrSlug: string,
  input: UpdateEventInput,
): Promise<Event> {
  const update = db.transaction().execute(async (tx) => {
    const row = await lockOwnedEvent(tx, owner, idOrSlug);
    if (!row) throw eventNotFound(idOrSlug);
    if (row.status === 'cancelled') {
      throw new ApiError(409, 'event.cancelled', `'${row.title}' is cancelled and can no longer be changed.`);
    }
    if (
      input.venueId &&
      input.venueId !== row.venue_id &&
      !(await findOwnedVenue(tx, owner, input.venueId))
    ) {
      throw new ApiError(404, 'venue.not_found', `No venue '${input.venueId}' belongs to you.`, 'venueId');
    }
    if (input.slug && input.slug !== row.slug && (await slugTaken(tx, owner, input.slug))) {
      throw slugTakenError(input.slug);
    }
    await updateEventRow(
      tx,
      row.id,
      definedOnly({
        title: input.title,
        slug: input.slug,
        venue_id: input.venueId,
        doors: input.doors,
        hold_minutes: input.holdMinutes,
        rotating_qr: input.rotatingQr,
      }),
    );
    if (input.tiers) await changeTiers(tx, row.id, input.tiers);
    return getEvent(tx, owner, row.id);
  });
  return update.catch((error) => {
    // A new event took the slug between the check and the update; the unique constraint decided.
    if (isUniqueViolation(error, 'events_promoter_mode_slug')) throw slugTakenError(input.slug ?? '');
    // Slugs swapped between two tiers in one request collide half-way through.
    if (isUniqueViolation(error, 'tiers_event_slug')) {
      const message = 'Tier slugs must stay unique at every step: swap two slugs in two requests.';
      throw new ApiError(400, 'request.invalid', message, 'tiers');
    }
    throw error;
  });
}

async function changeTiers(tx: Executor, eventId: string, patches: TierPatch[]): Promise<void> {
  const existing = await listTiers(tx, eventId);
  checkTierPatches(existing, patches);
  const indexed = patches.map((patch, index) => ({ patch, index }));

  // Same order as checkouts lock tiers (by id), so the two never deadlock.
  const changes = indexed
    .filter(({ patch }) => patch.id)
    .sort((a, b) => (a.patch.id as string).localeCompare(b.patch.id as string));
  for (const { patch, index } of changes) {
    const changed = await updateTier(
      tx,
      eventId,
      patch.id as string,
      definedOnly({
        name: patch.name,
        slug: patch.slug,
        price: patch.price,
        stock: patch.stock,
        max_per_order: patch.maxPerOrder,
        sales_start: patch.salesStart,
        sales_end: patch.salesEnd,
      }),
    );
    if (!changed) throw await stockBelowSold(tx, patch.id as string, index);
  }

  const firstPosition = Math.max(-1, ...existing.map((tier) => tier.position)) + 1;
  await insertTiers(
    tx,
    indexed
      .filter(({ patch }) => !patch.id)
      .map(({ patch }, n) => ({
        id: newId('tier'),
        event_id: eventId,
        slug: patch.slug ?? slugify(patch.name as string),
        name: patch.name as string,
        price: patch.price as number,
        stock: patch.stock as number,
        max_per_order: patch.maxPerOrder ?? 10,
        position: firstPosition + n,
        sales_start: patch.salesStart ?? null,
        sales_end: patch.salesEnd ?? null,
      })),
  );
}

/** What can be checked before writing: tier ids, slugs unique in the event, sales windows, the count. */
function checkTierPatches(existing: TierRow[], patches: TierPatch[]): void {
  const byId = new Map(existing.map((tier) => [tier.id, tier]));
  const slugOwners = new Map(existing.map((tier) => [tier.slug, tier.id]));
  const seen = new Set<string>();
  patches.forEach((patch, i) => {
    const current = patch.id ? byId.get(patch.id) : undefined;
    if (patch.id && !current) {
      throw new ApiError(
        400,
        'event.tier_not_found',
        `No tier '${patch.id}' in this event.`,
        `tiers[${i}].id`,
      );
    }
    if (patch.id && seen.has(patch.id)) {
      throw new ApiError(400, 'request.invalid', `Tier '${patch.id}' appears twice.`, `tiers[${i}].id`);
    }
    if (patch.id) seen.add(patch.id);

    const slug = patch.slug ?? current?.slug ?? slugify(patch.name as string);
    const owner = slugOwners.get(slug);
    if (owner !== undefined && owner !== patch.id) {
      throw new ApiError(
        400,
        'request.invalid',
        `Another tier of this event already has the slug '${slug}'.`,
        `tiers[${i}].${patch.slug || patch.id ? 'slug' : 'name'}`,
      );
    }
    if (current && slug !== current.slug) slugOwners.delete(current.slug);
    slugOwners.set(slug, patch.id ?? `new:${i}`);

    const start = patch.salesStart === undefined ? current?.sales_start : patch.salesStart;
    const end = patch.salesEnd === undefined ? current?.sales_end : patch.salesEnd;
    if (start && end && new Date(start) >= new Date(end)) {
      const param = patch.salesEnd === undefined ? 'salesStart' : 'salesEnd';
      throw new ApiError(
        400,
        'request.invalid',
        'salesEnd must be after salesStart.',
        `tiers[${i}].${param}`,
      );
    }
  });
  const added = patches.filter((patch) => !patch.id).length;
  if (existing.length + added > MAX_TIERS) {
    throw new ApiError(400, 'request.invalid', `An event has at most ${MAX_TIERS} tiers.`, 'tiers');
  }
}

/** The 409 for a stock below what is sold and held, with both counts as they are now. */
async function stockBelowSold(tx: Executor, tierId: string, index: number): Promise<ApiError> {
  const tier = await findTier(tx, tierId);
  const sold = tier?.sold ?? 0;
  const held = tier?.reserved ?? 0;
  return new ApiError(
    409,
    'event.stock_below_sold',
    `Tier '${tier?.name ?? tierId}' has ${sold} sold and ${held} held by open checkouts: its stock cannot go below ${sold + held}.`,
    `tiers[${index}].stock`,
  );
}

function slugTakenError(slug: string): ApiError {
  return new ApiError(409, 'event.slug_taken', `You already have an event with the slug '${slug}'.`, 'slug');
}

/** The entries that were given: undefined leaves a column as it is, null clears it. */
function definedOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
