import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { pathId, requestInfo, type SimState } from '../http/state.ts';
import type { Sim } from '../sim.ts';
import { createRefund, listRefunds, retrieveRefund } from './refunds.service.ts';

/** `/v1/refunds`: create, retrieve, list; all with a secret key, as on Stripe. */
export function refundRoutes(router: Router<SimState>, sim: Sim): void {
  router.post('/refunds', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = createRefund(sim, ctx.state.params, requestInfo(ctx));
  });

  router.get('/refunds', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = listRefunds(sim, ctx.state.params);
  });

  router.get('/refunds/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = retrieveRefund(sim, pathId(ctx), ctx.state.params);
  });
}
