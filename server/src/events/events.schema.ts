import { z } from 'zod';
import { pageQuery } from '../http/pagination.ts';
import { isoInstant } from '../lib/dates.ts';
import { slugify } from '../lib/ids.ts';
import { MINIMUM_CHARGE } from '../lib/money.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')
  .max(60);

const tierFields = {
  name: z.string().trim().min(1, 'must not be empty').max(80),
  price: z.number().int('must be an integer amount in minor units (1200 is £12.00)').min(0).max(10_000_000),
  stock: z.number().int().min(0).max(1_000_000),
  maxPerOrder: z.number().int().min(1).max(100),
  salesTime: isoInstant,
};

export const tierInput = z
  .object({
    name: tierFields.name,
    slug: slug.optional(),
    price: tierFields.price,
    stock: tierFields.stock,
    maxPerOrder: tierFields.maxPerOrder.default(10),
    /** When the tier goes on sale and comes off it; open-ended when absent. */
    salesStart: tierFields.salesTime.optional(),
    salesEnd: tierFields.salesTime.optional(),
  })
  .refine((t) => !t.salesStart || !t.salesEnd || Date.parse(t.salesStart) < Date.parse(t.salesEnd), {
    message: 'salesEnd must be after salesStart',
    path: ['salesEnd'],
  })
  .meta({ id: 'TierInput', description: 'A tier of a new event.' });

export const createEventBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    slug: slug.optional(),
    venueId: z.string().min(1, 'must be chosen: pick a venue or add one'),
    doors: isoInstant,
    currency: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, 'must be an ISO 4217 code such as gbp')
      .transform((c) => c.toLowerCase())
      .refine((c) => c in MINIMUM_CHARGE, {
        message: `must be one EntryRate sells in: ${Object.keys(MINIMUM_CHARGE).join(', ')}`,
      })
      .default('gbp'),
    holdMinutes: z.number().int().min(1).max(60).optional(),
    rotatingQr: z.boolean().default(false),
    tiers: z
      .array(tierInput)
      .min(1, 'an event needs at least one tier')
      .max(50)
      // Compared as the slugs they will be stored under ('Early bird' is early-bird), as the database does.
      .refine((tiers) => new Set(tiers.map((t) => t.slug ?? slugify(t.name))).size === tiers.length, {
        message: 'tier names and slugs must be unique within the event',
      }),
  })
  .meta({ id: 'EventCreate', description: 'A new event, a draft until published, with its tiers.' });
export type CreateEventInput = z.infer<typeof createEventBody>;

export const publishEventBody = z.object({ network: z.boolean().default(true) }).default({ network: true });

export const eventIdParam = z.string().min(1).max(100);

/**
 * A tier in `PATCH /v1/events/:id`: with `id`, the fields to change on that tier; without, a new
 * tier (name, price and stock required). Unknown fields are refused rather than ignored, so a
 * `delete` flag, say, is never mistaken for done: tiers cannot be removed, only changed.
 */
const tierPatch = z
  .strictObject({
    id: z.string().min(1).max(100).optional(),
    name: tierFields.name.optional(),
    slug: slug.optional(),
    price: tierFields.price.optional(),
    stock: tierFields.stock.optional(),
    maxPerOrder: tierFields.maxPerOrder.optional(),
    /** null opens the window on that side. */
    salesStart: tierFields.salesTime.nullable().optional(),
    salesEnd: tierFields.salesTime.nullable().optional(),
  })
  .superRefine((tier, ctx) => {
    if (tier.id) return;
    for (const field of ['name', 'price', 'stock'] as const) {
      if (tier[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'is required for a new tier (one without id)',
        });
      }
    }
  });
export type TierPatch = z.infer<typeof tierPatch>;

/** `PATCH /v1/events/:id`: only what is sent changes. Status moves through publish and cancel. */
export const updateEventBody = z
  .strictObject({
    title: createEventBody.shape.title.optional(),
    slug: slug.optional(),
    venueId: createEventBody.shape.venueId.optional(),
    doors: createEventBody.shape.doors.optional(),
    holdMinutes: z.number().int().min(1).max(60).optional(),
    rotatingQr: z.boolean().optional(),
    tiers: z.array(tierPatch).max(50).optional(),
  })
  .meta({ id: 'EventUpdate', description: 'What to change of an event; what is not sent stays.' });
export type UpdateEventInput = z.infer<typeof updateEventBody>;

/** Filters shared by the promoter's event list and the public storefront. */
export const eventFiltersQuery = pageQuery
  .extend({
    cityId: z.string().min(1).max(60).optional(),
    /** Doors from this instant (inclusive) … */
    from: isoInstant.optional(),
    /** … to this one (exclusive). */
    to: isoInstant.optional(),
    /** Case-insensitive part of the title; an empty `q` filters nothing. */
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((q) => q || undefined),
  })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), {
    message: 'to must be after from',
    path: ['to'],
  });

export type EventFiltersQuery = z.infer<typeof eventFiltersQuery>;

export const listEventsQuery = eventFiltersQuery.safeExtend({
  status: z.enum(['draft', 'live', 'cancelled']).optional(),
});
export type ListEventsQuery = z.infer<typeof listEventsQuery>;
