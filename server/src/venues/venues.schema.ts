import { z } from 'zod';

/** The zone's canonical IANA name ('europe/london' -> 'Europe/London'), or null when Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const cityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens, like bristol')
  .max(60);

export const createVenueBody = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    city: z.string().trim().min(1, 'must not be empty').max(100),
    /** Groups events by city across promoters (storefront, filters); the city's slug unless given. */
    cityId: cityId.optional(),
    timezone: z
      .string()
      .max(64)
      .transform((zone, ctx) => {
        const canonical = canonicalTimeZone(zone);
        if (!canonical) {
          ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/London' });
          return z.NEVER;
        }
        return canonical;
      }),
  })
  .meta({ id: 'VenueCreate', description: 'A new venue.' });
export type CreateVenueInput = z.infer<typeof createVenueBody>;

export const venueIdParam = z.string().min(1).max(100);
