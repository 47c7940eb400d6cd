import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { retrieveAccount } from './account.service.ts';

/** The promoter's own account and its Stripe Connect state (who may read payouts may read this). */
export function accountRouter({ db, payments }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/account' });
  router.get('/', permit('payouts.read'), async (ctx) => {
    ctx.body = await retrieveAccount(db, payments, authOf(ctx));
  });
  return router;
}
