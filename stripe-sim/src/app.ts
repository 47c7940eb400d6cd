import Router from '@koa/router';
import Koa from 'koa';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { browserRoutes } from './browser/browser.routes.ts';
import { chargeRoutes } from './charges/charges.routes.ts';
import { clockRoutes } from './clock/clock.routes.ts';
import { eventRoutes } from './events/events.routes.ts';
import { connectedAccount } from './http/account.ts';
import { authenticate } from './http/auth.ts';
import { errorHandler, unrecognizedUrl } from './http/errors.ts';
import { formParams } from './http/form-params.ts';
import { idempotency } from './http/idempotency.ts';
import { requestLog } from './http/request-log.ts';
import type { SimState } from './http/state.ts';
import { paymentIntentRoutes } from './payment-intents/payment-intents.routes.ts';
import { payoutRoutes } from './payouts/payouts.routes.ts';
import { refundRoutes } from './refunds/refunds.routes.ts';
import type { Sim } from './sim.ts';
import { webhookRoutes } from './webhooks/webhooks.routes.ts';

export interface AppOptions {
  log: (line: string) => void;
  /** Called once each response has been sent: webhooks go out after the API answer that caused them. */
  onResponseSent: () => void;
}

/** The sim's HTTP app: Stripe's REST API under /v1, and the Stripe.js stand-in with its frames. */
export function createApp(sim: Sim, options: AppOptions): Koa<SimState> {
  const app = new Koa<SimState>();
  app.use(async (ctx, next) => {
    ctx.res.once('close', options.onResponseSent);
    await next();
  });
  app.use(requestLog(options.log));
  app.use(errorHandler(options.log));

  const browser = new Router<SimState>();
  browserRoutes(browser);
  app.use(browser.routes());

  const api = new Router<SimState>({ prefix: '/v1' });
  api.use(formParams(), authenticate(), connectedAccount(), idempotency({ now: () => sim.clock.nowMs() }));
  paymentIntentRoutes(api, sim);
  chargeRoutes(api, sim);
  refundRoutes(api, sim);
  payoutRoutes(api, sim);
  accountRoutes(api, sim);
  eventRoutes(api, sim.events);
  clockRoutes(api, sim);
  webhookRoutes(api, sim);
  app.use(api.routes());
  app.use(unrecognizedUrl());
  return app;
}
