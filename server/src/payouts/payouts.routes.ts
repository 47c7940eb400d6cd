import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { listPayoutsQuery } from './payouts.schema.ts';
import { listPayouts } from './payouts.service.ts';

/** The promoter's Stripe Connect payouts, read-only (a key or an owner's session). */
export function payoutsRouter({ db, payments }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/payouts' });
  router.get('/', permit('payouts.read'), async (ctx) => {
    ctx.body = await listPayouts(db, payments, authOf(ctx), parse(listPayoutsQuery, ctx.query));
  });

  return router;
}
