import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { pathId, requestInfo, type SimState } from '../http/state.ts';
import type { Sim } from '../sim.ts';
import { createPayout, listPayouts, payPayout, retrievePayout } from './payouts.service.ts';

/**
 * `/v1/payouts`: create, retrieve, list, for the platform or the connected account named by
 * `Stripe-Account`; all with a secret key, as on Stripe.
 */
export function payoutRoutes(router: Router<SimState>, sim: Sim): void {
  router.post('/payouts', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = createPayout(sim, ctx.state.account, ctx.state.params, requestInfo(ctx));
  });

  router.get('/payouts', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = listPayouts(sim, ctx.state.account, ctx.state.params);
  });

  router.get('/payouts/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = retrievePayout(sim, ctx.state.account, pathId(ctx), ctx.state.params);
  });

  // Not a Stripe endpoint: tells the sim that a payout reached the bank (`payout.paid`). Namespaced so
  // that nobody mistakes it for Stripe's API.
  router.post('/stripe_sim/payouts/:id/pay', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = payPayout(sim, pathId(ctx), requestInfo(ctx));
  });
}
