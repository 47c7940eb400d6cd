import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { pathId, type SimState } from '../http/state.ts';
import type { Sim } from '../sim.ts';
import { retrieveCharge } from './charges.service.ts';

/** `GET /v1/charges/:id` (secret key): the charge behind a PaymentIntent's `latest_charge`. */
export function chargeRoutes(router: Router<SimState>, sim: Sim): void {
  router.get('/charges/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = retrieveCharge(sim, pathId(ctx), ctx.state.params);
  });
}
