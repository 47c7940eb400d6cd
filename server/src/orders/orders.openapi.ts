import type { RouteDocs } from '../openapi/openapi.types.ts';
import { listOrdersQuery, orderIdParam, refundOrderBody, resendOrderBody } from './orders.schema.ts';

const tag = 'Orders';
const params = { id: orderIdParam };

export const ordersDocs: RouteDocs = {
  'GET /v1/orders': {
    tag,
    access: 'secretKey',
    sdk: 'orders.list',
    summary: 'List your orders',
    query: listOrdersQuery,
    responses: { 200: { description: '`{ data: Order[], pagination }`' } },
  },
  'GET /v1/orders/:id': {
    tag,
    access: 'secretKey',
    sdk: 'orders.retrieve',
    summary: 'Read an order with its tickets',
    params,
    responses: { 200: { description: 'The Order.' } },
    errors: { 404: ['order.not_found'] },
  },
  'POST /v1/orders/:id/refund': {
    tag,
    access: 'secretKey',
    sdk: 'orders.refund',
    summary: 'Refund an order, in full (default) or in part',
    description: 'Through Stripe Refunds; a full refund voids the tickets. Sends `order.refunded`.',
    params,
    body: refundOrderBody,
    responses: { 200: { description: 'The Order, `refunded` or `partially_refunded`.' } },
    errors: {
      400: ['order.refund_too_large'],
      404: ['order.not_found'],
      409: ['order.already_refunded'],
      502: ['payments.refund_failed'],
      503: ['payments.unavailable'],
    },
  },
  'POST /v1/orders/:id/resend': {
    tag,
    access: 'secretKey',
    sdk: 'orders.resend',
    summary: "Send an order's tickets mail again",
    description:
      'Queues the mail with every ticket again, optionally to a corrected `email` (which becomes the ' +
      "order's `buyerEmail`). The new mail carries a new ticket page link; older links stop working. " +
      'Answers 202 with the Order, its `emailStatus` `pending` until the mail server accepts it ' +
      '(`sent`) or refuses it for good (`failed`, with `emailError`).',
    params,
    body: resendOrderBody,
    responses: { 202: { description: 'The Order, `emailStatus: "pending"`.' } },
    errors: { 400: ['request.invalid'], 404: ['order.not_found'] },
  },
};
