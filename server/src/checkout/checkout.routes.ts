import Router from '@koa/router';
import type { Context } from 'koa';
import type { AppDeps } from '../app.deps.ts';
import { permitWhenAuthenticated } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { ticketIdParam } from '../tickets/tickets.schema.ts';
import type { Caller } from './checkout.access.ts';
import { startPayment } from './checkout.payment.ts';
import {
  clientSecretBody,
  clientSecretQuery,
  createSessionBody,
  sessionIdParam,
  updateSessionBody,
} from './checkout.schema.ts';
import {
  cancelSession,
  createSession,
  getSession,
  retrySettlement,
  ticketQrCode,
  updateSessionItems,
} from './checkout.service.ts';

/** Checkout sessions, for a promoter's secret key or a buyer's browser (public, with the client secret). */
export function checkoutRouter({ db, payments, config }: AppDeps): Router {
  const links = { publicUrl: config.publicUrl };
  const router = new Router({ prefix: '/v1/checkout/sessions' });
  // A key or a session acting for a promoter needs checkout.write; the widget's public calls pass.
  const promoterSale = permitWhenAuthenticated('checkout.write');

  router.post('/', promoterSale, async (ctx) => {
    const input = parse(createSessionBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createSession(db, callerOf(ctx), input, links);
  });

  router.get('/:id', promoterSale, async (ctx) => {
    const { clientSecret } = parse(clientSecretQuery, ctx.query);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getSession(
      db,
      callerOf(ctx, clientSecret),
      parse(sessionIdParam, ctx.params.id, 'id'),
      links,
    );
  });

  router.post('/:id', promoterSale, async (ctx) => {
    const { items, clientSecret } = parse(updateSessionBody, ctx.request.body);
    const id = parse(sessionIdParam, ctx.params.id, 'id');
    ctx.body = await updateSessionItems(db, callerOf(ctx, clientSecret), id, items, links);
  });

  router.post('/:id/payment', promoterSale, async (ctx) => {
    const { clientSecret } = parse(clientSecretBody, ctx.request.body ?? {});
    ctx.body = await startPayment(
      db,
      payments,
      callerOf(ctx, clientSecret),
      parse(sessionIdParam, ctx.params.id, 'id'),
    );
  });

  router.post('/:id/cancel', promoterSale, async (ctx) => {
    const { clientSecret } = parse(clientSecretBody, ctx.request.body ?? {});
    ctx.body = await cancelSession(
      db,
      callerOf(ctx, clientSecret),
      parse(sessionIdParam, ctx.params.id, 'id'),
      links,
    );
  });

  router.post('/:id/settle', promoterSale, async (ctx) => {
    ctx.body = await retrySettlement(db, callerOf(ctx), parse(sessionIdParam, ctx.params.id, 'id'), links);
  });

  // An <img src> of the buyer's page: the client secret is required, even with a secret key.
  router.get('/:id/tickets/:ticketId/qr.svg', async (ctx) => {
    const { clientSecret } = parse(clientSecretQuery, ctx.query);
    const qr = await ticketQrCode(
      db,
      { kind: 'public', clientSecret },
      parse(sessionIdParam, ctx.params.id, 'id'),
      parse(ticketIdParam, ctx.params.ticketId, 'ticketId'),
      new Date(),
    );
    // A rotating code changes every 30 seconds; a static one never does.
    ctx.set('Cache-Control', qr.rotating ? 'no-store' : 'private, max-age=86400');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'");
    ctx.type = 'image/svg+xml';
    ctx.body = qr.svg;
  });

  return router;
}

function callerOf(ctx: Context, clientSecret?: string): Caller {
  return ctx.state.auth ? { kind: 'promoter', owner: ctx.state.auth } : { kind: 'public', clientSecret };
}
