import { z } from 'zod';
import { emailAddress } from '../lib/email.ts';

const item = z
  .object({
    tierId: z.string().min(1).max(100).optional(),
    tier: z.string().min(1).max(100).optional(),
    quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100),
  })
  .refine((i) => Boolean(i.tierId) !== Boolean(i.tier), {
    message: 'give either tierId or tier (a tier slug)',
    path: ['tierId'],
  });

export const createSessionBody = z
  .object({
    eventId: z.string().min(1).max(100),
    items: z.array(item).min(1, 'choose at least one ticket').max(20),
    customerEmail: emailAddress,
    successUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    cancelUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    // The Eventop shape sends its idempotency key in the body; the middleware reads it.
    idempotency_key: z.string().max(255).optional(),
  })
  .meta({ id: 'CheckoutSessionCreate', description: 'The tickets a buyer wants, and who they are.' });
export type CreateSessionInput = z.infer<typeof createSessionBody>;

export const updateSessionBody = z.object({
  items: createSessionBody.shape.items,
  clientSecret: z.string().min(1).max(200).optional(),
});

export const sessionIdParam = z.string().regex(/^cs_[0-9a-z]+$/, 'must be a checkout session id (cs_…)');

export const clientSecretBody = z.object({ clientSecret: z.string().min(1).max(200).optional() }).default({});
export const clientSecretQuery = z.object({ clientSecret: z.string().min(1).max(200).optional() });
