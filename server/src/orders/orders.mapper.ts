import { z } from 'zod';
import { pageSchema } from '../http/pagination.ts';
import { utcInstant } from '../lib/dates.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import { ticketSchema, toTicket } from '../tickets/tickets.mapper.ts';
import type { TicketDetailRow } from '../tickets/tickets.store.ts';
import type { OrderRow } from './orders.store.ts';

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

/** The order of `row`, with those of `tickets` that are its own. */
export function toOrder(row: OrderRow, tickets: TicketDetailRow[], now: Date): Order {
  return {
    id: row.id,
    status: row.status,
    eventId: row.event_id,
    buyerEmail: row.buyer_email,
    amount: row.amount,
    amountRefunded: row.amount_refunded,
    currency: row.currency,
    tickets: tickets.filter((t) => t.order_id === row.id).map((t) => toTicket(t, now)),
    emailStatus: row.email_status,
    emailError: row.email_error,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
