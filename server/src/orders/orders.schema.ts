import { z } from 'zod';
import { pageQuery } from '../http/pagination.ts';
import { emailAddress } from '../lib/email.ts';

export const listOrdersQuery = pageQuery.extend({
  eventId: z.string().min(1).max(100).optional(),
  status: z.enum(['paid', 'partially_refunded', 'refunded']).optional(),
  /** Matches the buyer's email exactly, ignoring case. */
  buyerEmail: z.string().trim().min(1).max(254).optional(),
  /** The dashboard's search box: an order id exactly, or any part of the buyer's email, ignoring case. */
  q: z.string().trim().min(1).max(254).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

/** The list's filters without its paging: the export has every matching order. */
export const exportOrdersQuery = listOrdersQuery.omit({ page: true, limit: true });
export type ExportOrdersQuery = z.infer<typeof exportOrdersQuery>;

export const orderIdParam = z.string().min(1).max(100);

export const refundOrderBody = z
  .object({
    /** Minor units; the whole of what is left when absent. */
    amount: z.number().int('must be a whole amount in minor units (1200 is £12.00)').min(1).optional(),
    // The Eventop shape may carry the idempotency key in the body; the middleware reads it.
    idempotency_key: z.string().max(255).optional(),
  })
  .default({});
export type RefundOrderInput = z.infer<typeof refundOrderBody>;

export const resendOrderBody = z
  .object({
    /** A corrected address: the order's buyer email becomes this, and the mail goes there. */
    email: emailAddress.optional(),
    idempotency_key: z.string().max(255).optional(),
  })
  .default({});
