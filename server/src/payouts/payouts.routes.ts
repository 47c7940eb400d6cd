import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, requireApiKey } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { listPayoutsQuery } from './payouts.schema.ts';
import { listPayouts } from './payouts.service.ts';

/** The promoter's Stripe Connect payouts, read-only (secret key). */
export function payoutsRouter({ db, payments }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/payouts' });
  router.use(requireApiKey());

  router.get('/', async (ctx) => {
    ctx.body = await listPayouts(db, payments, authOf(ctx), parse(listPayoutsQuery, ctx.query));
  });

  return router;
}
