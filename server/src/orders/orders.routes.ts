import { Readable } from 'node:stream';
import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import {
  exportOrdersQuery,
  listOrdersQuery,
  orderIdParam,
  refundOrderBody,
  resendOrderBody,
} from './orders.schema.ts';
import { getOrder, listOrders, resendOrder } from './orders.service.ts';
import { exportOrders } from './orders-export.service.ts';
import { refundOrder } from './refunds.service.ts';

/** Promoter routes for orders, their refunds and their mail (a key or a session; each route names its permission). */
export function ordersRouter({ db, payments }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/orders' });
  router.get('/', permit('orders.read'), async (ctx) => {
    ctx.body = await listOrders(db, authOf(ctx), parse(listOrdersQuery, ctx.query));
  });

  // Before `/:id`, which would take `export` for an order id.
  router.get('/export', permit('orders.read'), async (ctx) => {
    const csv = await exportOrders(db, authOf(ctx), parse(exportOrdersQuery, ctx.query));
    ctx.attachment(csv.filename);
    ctx.type = 'text/csv; charset=utf-8';
    // Buyers' emails: no cache on the way may keep a copy.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = Readable.from(csv.lines);
  });

  router.get('/:id', permit('orders.read'), async (ctx) => {
    ctx.body = await getOrder(db, authOf(ctx), parse(orderIdParam, ctx.params.id, 'id'));
  });

  router.post('/:id/refund', permit('orders.refund'), async (ctx) => {
    const input = parse(refundOrderBody, ctx.request.body ?? {});
    ctx.body = await refundOrder(db, payments, authOf(ctx), parse(orderIdParam, ctx.params.id, 'id'), {
      amount: input.amount,
      idempotencyKey: ctx.get('Idempotency-Key') || input.idempotency_key || null,
    });
  });

  router.post('/:id/resend', permit('orders.resend'), async (ctx) => {
    const input = parse(resendOrderBody, ctx.request.body ?? {});
    ctx.status = 202;
    ctx.body = await resendOrder(db, authOf(ctx), parse(orderIdParam, ctx.params.id, 'id'), input);
  });

  return router;
}
