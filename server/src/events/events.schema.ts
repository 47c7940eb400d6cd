import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')
  .max(60);

export const tierInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    slug: slug.optional(),
    price: z.number().int('must be an integer amount in minor units (1200 is £12.00)').min(0).max(10_000_000),
    stock: z.number().int().min(0).max(1_000_000),
    maxPerOrder: z.number().int().min(1).max(100).default(10),
    /** When the tier goes on sale and comes off it; open-ended when absent. */
    salesStart: z.iso.datetime({ offset: true }).optional(),
    salesEnd: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((t) => !t.salesStart || !t.salesEnd || Date.parse(t.salesStart) < Date.parse(t.salesEnd), {
    message: 'salesEnd must be after salesStart',
    path: ['salesEnd'],
  });

export const createEventBody = z.object({
  title: z.string().trim().min(1).max(200),
  slug: slug.optional(),
  venueId: z.string().min(1),
  doors: z.iso.datetime({ offset: true }),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, 'must be an ISO 4217 code such as gbp')
    .transform((c) => c.toLowerCase())
    .default('gbp'),
  holdMinutes: z.number().int().min(1).max(60).optional(),
  rotatingQr: z.boolean().default(false),
  tiers: z
    .array(tierInput)
    .min(1, 'an event needs at least one tier')
    .max(50)
    .refine((tiers) => new Set(tiers.map((t) => t.slug ?? t.name.toLowerCase())).size === tiers.length, {
      message: 'tier names and slugs must be unique within the event',
    }),
});
export type CreateEventInput = z.infer<typeof createEventBody>;

export const publishEventBody = z.object({ network: z.boolean().default(true) }).default({ network: true });

export const eventIdParam = z.string().min(1).max(100);
