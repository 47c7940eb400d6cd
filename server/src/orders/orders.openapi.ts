import { exampleOrder, examplePage, exampleRefundedOrder } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { orderPageSchema, orderSchema } from './orders.mapper.ts';
import {
  exportOrdersQuery,
  listOrdersQuery,
  orderIdParam,
  refundOrderBody,
  resendOrderBody,
} from './orders.schema.ts';
import { EXPORT_COLUMNS } from './orders-export.service.ts';

const tag = 'Orders';
const params = { id: orderIdParam };
const example = { params: { id: exampleOrder.id } };

export const ordersDocs: RouteDocs = {
  'GET /v1/orders': {
    tag,
    access: 'secretKey',
    permission: 'orders.read',
    sdk: 'orders.list',
    summary: 'List your orders',
    query: listOrdersQuery,
    example: {
      query: { eventId: exampleOrder.eventId, status: 'paid', buyerEmail: exampleOrder.buyerEmail },
    },
    responses: {
      200: {
        description: 'A page of Orders with their tickets, newest first.',
        schema: orderPageSchema,
        example: examplePage([exampleOrder]),
      },
    },
  },
  'GET /v1/orders/export': {
    tag,
    access: 'secretKey',
    permission: 'orders.read',
    sdk: 'orders.exportCsv',
    summary: 'Download your orders as CSV',
    description:
      'Every order that passes the filters of `GET /v1/orders` (not one page), newest first, as a CSV ' +
      'file (RFC 4180: a header row, CRLF line ends, cells with commas, quotes or line breaks ' +
      `quoted). Columns: ${EXPORT_COLUMNS.map((c) => `\`${c}\``).join(', ')}. \`created_at\` is ISO 8601 in ` +
      'UTC; `tickets` the number of tickets; `amount` and `amount_refunded` are in major units with ' +
      "the currency's decimals (`12.00` for 1200 pence, `500` for ¥500); `currency` is the upper-case " +
      'ISO code. A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or ' +
      "a carriage return) starts with a `'`, so it shows as text. The file is streamed as it is read.",
    query: exportOrdersQuery,
    example: { query: { eventId: exampleOrder.eventId, status: 'paid' } },
    responses: {
      200: {
        description:
          'The CSV file, `Content-Disposition: attachment; filename="orders-<mode>-<YYYY-MM-DD>.csv"`.',
        contentType: 'text/csv',
      },
    },
  },
  'GET /v1/orders/:id': {
    tag,
    access: 'secretKey',
    permission: 'orders.read',
    sdk: 'orders.retrieve',
    summary: 'Read an order with its tickets',
    params,
    example,
    responses: { 200: { description: 'The Order.', schema: orderSchema, example: exampleOrder } },
    errors: { 404: ['order.not_found'] },
  },
  'POST /v1/orders/:id/refund': {
    tag,
    access: 'secretKey',
    permission: 'orders.refund',
    sdk: 'orders.refund',
    summary: 'Refund an order, in full (default) or in part',
    description: 'Through Stripe Refunds; a full refund voids the tickets. Sends `order.refunded`.',
    params,
    body: refundOrderBody,
    example: { ...example, body: { amount: 1200 } },
    responses: {
      200: {
        description: 'The Order, `refunded` or `partially_refunded`.',
        schema: orderSchema,
        example: exampleRefundedOrder,
      },
    },
    errors: {
      400: ['order.refund_too_large'],
      404: ['order.not_found'],
      409: ['order.already_refunded', 'order.not_refundable'],
      502: ['payments.refund_failed'],
      503: ['payments.unavailable'],
    },
  },
  'POST /v1/orders/:id/resend': {
    tag,
    access: 'secretKey',
    permission: 'orders.resend',
    sdk: 'orders.resend',
    summary: "Send an order's tickets mail again",
    description:
      'Queues the mail with every ticket again, optionally to a corrected `email` (which becomes the ' +
      "order's `buyerEmail`). The new mail carries a new ticket page link; older links stop working. " +
      'Answers 202 with the Order, its `emailStatus` `pending` until the mail server accepts it ' +
      '(`sent`) or refuses it for good (`failed`, with `emailError`).',
    params,
    body: resendOrderBody,
    example: { ...example, body: { email: 'sam.jones@example.com' } },
    responses: {
      202: {
        description: 'The Order, `emailStatus: "pending"`.',
        schema: orderSchema,
        example: { ...exampleOrder, buyerEmail: 'sam.jones@example.com', emailStatus: 'pending' },
      },
    },
    errors: { 400: ['request.invalid'], 404: ['order.not_found'] },
  },
};
