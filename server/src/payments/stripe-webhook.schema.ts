import { z } from 'zod';

/** What Stripe hears back for an event it may stop sending. */
export const stripeWebhookReceiptSchema = z
  .object({
    received: z.literal(true),
    duplicate: z.boolean().describe('The event id was applied before; nothing changed this time.'),
  })
  .meta({ id: 'StripeWebhookReceipt', description: 'The event is recorded (or was already).' });
export type StripeWebhookReceipt = z.infer<typeof stripeWebhookReceiptSchema>;
