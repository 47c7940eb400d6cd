import { z } from 'zod';
import { pageSchema } from '../http/pagination.ts';
import { utcInstant } from '../lib/dates.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import { ticketSchema, toTicket } from '../tickets/tickets.mapper.ts';
import type { TicketDetailRow } from '../tickets/tickets.store.ts';
import type { OrderRow, OrderStatus, RefundRow } from './orders.store.ts';

export const refundSchema = z
  .object({
    id: z.string().describe("Stripe's refund, `re_…`."),
    amount: minorUnits.describe('What went back to the buyer, in minor units.'),
    createdAt: utcInstant,
  })
  .meta({
    id: 'Refund',
    description: 'Money given back to the buyer through Stripe, here or in its dashboard.',
  });

export const orderPaymentSchema = z
  .object({
    paymentIntentId: z.string().describe("Stripe's PaymentIntent, `pi_…`."),
    amount: minorUnits.describe('What Stripe charged, in minor units.'),
    currency: currencyCode,
    status: z
      .enum(['succeeded', 'partially_refunded', 'refunded'])
      .describe('The charge, and how much of it has been refunded.'),
  })
  .meta({ id: 'OrderPayment', description: 'The Stripe payment an order was paid with.' });

export const orderSchema = z
  .object({
    id: z.string().describe('`ord_…`'),
    status: z.enum(['paid', 'partially_refunded', 'refunded']),
    eventId: z.string().describe('`evt_…`'),
    buyerEmail: z.email(),
    amount: minorUnits.describe('What the buyer paid, in minor units (0 for a free order).'),
    amountRefunded: minorUnits,
    currency: currencyCode,
    tickets: z.array(ticketSchema),
    refunds: z.array(refundSchema).describe('Every refund of the order, oldest first.'),
    payment: orderPaymentSchema.nullable().describe('Null for a free order: no payment was taken.'),
    emailStatus: z
      .enum(['none', 'pending', 'sent', 'failed'])
      .describe(
        'The mail that carries the tickets: queued, sent, refused for good, or never sent (older orders).',
      ),
    emailError: z
      .string()
      .nullable()
      .describe('Why the mail server refused it, when `emailStatus` is `failed`.'),
    createdAt: utcInstant,
  })
  .meta({
    id: 'Order',
    description: "A buyer's paid checkout: what was paid and refunded, and the tickets.",
  });
export type Order = z.infer<typeof orderSchema>;

export const orderPageSchema = pageSchema(orderSchema, 'OrderPage');

/** What an order is read with besides its row, for one or many orders (those of other orders are left out). */
export interface OrderDetails {
  tickets: TicketDetailRow[];
  refunds: RefundRow[];
}

const PAYMENT_STATUS = {
  paid: 'succeeded',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
} as const satisfies Record<OrderStatus, z.infer<typeof orderPaymentSchema>['status']>;

/** The order of `row`, with those of `details` that are its own. */
export function toOrder(row: OrderRow, details: OrderDetails, now: Date): Order {
  return {
    id: row.id,
    status: row.status,
    eventId: row.event_id,
    buyerEmail: row.buyer_email,
    amount: row.amount,
    amountRefunded: row.amount_refunded,
    currency: row.currency,
    tickets: details.tickets.filter((t) => t.order_id === row.id).map((t) => toTicket(t, now)),
    refunds: details.refunds
      .filter((r) => r.order_id === row.id)
      .map((r) => ({ id: r.id, amount: r.amount, createdAt: new Date(r.created_at).toISOString() })),
    payment: row.payment_intent_id
      ? {
          paymentIntentId: row.payment_intent_id,
          amount: row.amount,
          currency: row.currency,
          status: PAYMENT_STATUS[row.status],
        }
      : null,
    emailStatus: row.email_status,
    emailError: row.email_error,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
