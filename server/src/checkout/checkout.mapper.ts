import { z } from 'zod';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import { type Order, orderSchema } from '../orders/orders.mapper.ts';
import type { SessionItemRow, SessionRow } from './checkout.store.ts';

export const checkoutSessionSchema = z
  .object({
    id: z.string().describe('`cs_…`'),
    status: z
      .enum(['open', 'complete', 'expired', 'cancelled'])
      .describe('`open` holds the tickets until `expiresAt`; `complete` once paid, with its order.'),
    paymentStatus: z
      .enum(['unpaid', 'paid', 'refund_pending', 'refunded'])
      .describe('`refunded` when a payment arrived after the hold was gone and no seats were left.'),
    eventId: z.string().describe('`evt_…`'),
    customerEmail: z.email(),
    items: z.array(
      z.object({
        tierId: z.string().describe('`tier_…`'),
        quantity: z.number().int().min(1),
        unitPrice: minorUnits.describe('The price held for this session, in minor units.'),
      }),
    ),
    amountTotal: minorUnits.describe('What the buyer pays, in minor units; 0 is a free order.'),
    currency: currencyCode,
    expiresAt: utcInstant.describe('When the hold ends and an unpaid session expires.'),
    clientSecret: z
      .string()
      .describe(
        "The buyer's proof of this session (`?clientSecret=` on GET, `clientSecret` in POST bodies).",
      ),
    url: z
      .url()
      .nullable()
      .describe(
        "Where a promoter's backend sends the buyer to pay (hosted checkout), while the session is open.",
      ),
    successUrl: z
      .string()
      .nullable()
      .describe('Where the hosted checkout sends the buyer once paid, as given (placeholders and all).'),
    cancelUrl: z.string().nullable().describe('Where it sends a buyer who gives up, as given.'),
    orderId: z.string().nullable().describe('`ord_…` once complete.'),
    order: orderSchema
      .nullable()
      .describe("The order and its tickets once the session is complete, so the buyer's page can show them."),
    ticketsUrl: z
      .url()
      .nullable()
      .describe("The buyer's ticket page (the link the order mail carries) once the session is complete."),
    settlement: z
      .object({
        status: z.enum(['settled', 'pending', 'failed']),
        nextAttemptAt: utcInstant.nullable(),
        error: z.string().nullable(),
      })
      .describe(
        "The worker's work with Stripe for this session: `pending` while it still has to check, cancel " +
          'or refund (next at `nextAttemptAt`); `failed` once it gave up (`error` says why; the promoter ' +
          'can ask again with POST …/settle); `settled` when nothing is owed.',
      ),
    createdAt: utcInstant,
  })
  .meta({
    id: 'CheckoutSession',
    description: "A buyer's checkout: the tickets it holds and how paying goes.",
  });
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

/** What the buyer's browser does next: confirm this PaymentIntent, or nothing (a free order is done). */
export const paymentStartSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('open'),
      orderId: z.null(),
      paymentIntentId: z.string().describe("Stripe's `pi_…`."),
      clientSecret: z.string().describe("The PaymentIntent's client secret, for `stripe.confirmPayment`."),
    }),
    z.object({
      status: z.literal('complete').describe('A free session, completed by this call.'),
      orderId: z.string().describe('`ord_…`'),
      paymentIntentId: z.null(),
      clientSecret: z.null(),
    }),
  ])
  .meta({
    id: 'PaymentStart',
    description: 'How to pay a session: the PaymentIntent to confirm, or the order of a free one.',
  });
export type PaymentStart = z.infer<typeof paymentStartSchema>;

/**
 * The hosted checkout page for a session. The client secret travels in the fragment, which
 * browsers send to no server and put in no Referer.
 */
export function hostedCheckoutUrl(publicUrl: string, row: Pick<SessionRow, 'id' | 'client_secret'>): string {
  return `${publicUrl}/embed.html#session=${row.id}&secret=${row.client_secret}`;
}

export function toSession(
  row: SessionRow,
  items: SessionItemRow[],
  order: Order | null,
  publicUrl: string,
  ticketsUrl: string | null = null,
): CheckoutSession {
  return {
    id: row.id,
    status: row.status,
    paymentStatus: row.payment_status,
    eventId: row.event_id,
    customerEmail: row.customer_email,
    items: items.map((i) => ({ tierId: i.tier_id, quantity: i.quantity, unitPrice: i.unit_price })),
    amountTotal: row.amount_total,
    currency: row.currency,
    expiresAt: new Date(row.expires_at).toISOString(),
    clientSecret: row.client_secret,
    url: row.status === 'open' ? hostedCheckoutUrl(publicUrl, row) : null,
    successUrl: row.success_url,
    cancelUrl: row.cancel_url,
    orderId: row.order_id,
    order,
    ticketsUrl,
    settlement: {
      status: row.settle_at ? 'pending' : row.settle_error ? 'failed' : 'settled',
      nextAttemptAt: isoOrNull(row.settle_at),
      error: row.settle_error,
    },
    createdAt: new Date(row.created_at).toISOString(),
  };
}
