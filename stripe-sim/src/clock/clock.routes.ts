import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { rejectUnknown } from '../http/params.ts';
import type { SimState } from '../http/state.ts';
import type { Sim } from '../sim.ts';
import { advanceClockBy, clockState } from './clock.service.ts';

/**
 * Not Stripe's: the sim clock, which tests move forward to bring webhook retries due. Namespaced so
 * that nobody mistakes it for Stripe's API (Stripe's own test clocks are a Billing feature).
 */
export function clockRoutes(router: Router<SimState>, sim: Sim): void {
  router.get('/stripe_sim/clock', (ctx) => {
    requireSecretKey(ctx.state.caller);
    rejectUnknown(ctx.state.params, new Set());
    ctx.body = clockState(sim);
  });

  router.post('/stripe_sim/clock/advance', async (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = await advanceClockBy(sim, ctx.state.params);
  });
}
