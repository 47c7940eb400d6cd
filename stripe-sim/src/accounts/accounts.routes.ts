import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { pathId, type SimState } from '../http/state.ts';
import { invalidRequest } from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';
import { PLATFORM_ACCOUNT_ID, retrieveAccount, updateSimAccount } from './accounts.service.ts';

const checkedId = (ctx: { params: Record<string, string | undefined> }) => {
  const id = pathId(ctx);
  if (!/^acct_\w+$/.test(id)) throw invalidRequest(`Invalid account id: ${id}`, 'id');
  return id;
};

/**
 * `/v1/accounts/:id` and `/v1/account` (the account named by `Stripe-Account`, or the platform's),
 * with a secret key, as on Stripe.
 */
export function accountRoutes(router: Router<SimState>, sim: Sim): void {
  router.get('/account', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = retrieveAccount(sim, ctx.state.account ?? PLATFORM_ACCOUNT_ID, ctx.state.params);
  });

  router.get('/accounts/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = retrieveAccount(sim, checkedId(ctx), ctx.state.params);
  });

  // Not a Stripe endpoint: how far an account's onboarding got. Namespaced like the sim's other helpers.
  router.post('/stripe_sim/accounts/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = updateSimAccount(sim, checkedId(ctx), ctx.state.params);
  });
}
