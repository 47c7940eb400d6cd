import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { pathId, requestInfo, type SimState } from '../http/state.ts';
import type { Sim } from '../sim.ts';
import {
  cancelPaymentIntent,
  completeAuthentication,
  confirmPaymentIntent,
  createPaymentIntent,
  retrievePaymentIntent,
  updatePaymentIntent,
} from './payment-intents.service.ts';

/**
 * `/v1/payment_intents`: create, retrieve, update, confirm, cancel. Retrieve and confirm also take a
 * publishable key with the client secret (the Payment Element's calls); the rest need a secret key.
 */
export function paymentIntentRoutes(router: Router<SimState>, sim: Sim): void {
  router.post('/payment_intents', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = createPaymentIntent(sim, ctx.state.params, ctx.state.caller, requestInfo(ctx));
  });

  router.get('/payment_intents/:id', (ctx) => {
    ctx.body = retrievePaymentIntent(sim, pathId(ctx), ctx.state.params, ctx.state.caller);
  });

  router.post('/payment_intents/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = updatePaymentIntent(sim, pathId(ctx), ctx.state.params, ctx.state.caller);
  });

  router.post('/payment_intents/:id/confirm', (ctx) => {
    ctx.body = confirmPaymentIntent(sim, pathId(ctx), ctx.state.params, ctx.state.caller, requestInfo(ctx));
  });

  router.post('/payment_intents/:id/cancel', (ctx) => {
    requireSecretKey(ctx.state.caller);
    ctx.body = cancelPaymentIntent(sim, pathId(ctx), ctx.state.params, ctx.state.caller, requestInfo(ctx));
  });

  // Not a Stripe endpoint: the answer to the sim's 3-D Secure page ("Complete" / "Fail"), also usable by
  // scripts with a secret key. Namespaced so that nobody mistakes it for Stripe's API.
  router.post('/stripe_sim/payment_intents/:id/authenticate', (ctx) => {
    ctx.body = completeAuthentication(sim, pathId(ctx), ctx.state.params, ctx.state.caller, requestInfo(ctx));
  });
}
