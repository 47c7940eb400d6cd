import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { LIST_PARAMS, listPage } from '../http/list.ts';
import { optionalString, rejectUnknown } from '../http/params.ts';
import type { SimState } from '../http/state.ts';
import { invalidRequest } from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';
import type { DeliveryStatus } from './dispatcher.ts';

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'given_up'];
const DELIVERY_LIST_PARAMS: ReadonlySet<string> = new Set([...LIST_PARAMS, 'status']);

/**
 * Not Stripe's (its Dashboard shows this): `GET /v1/stripe_sim/webhooks`, every event's delivery
 * newest first, with attempts and the next one due; `status=pending` lists what is still owed.
 */
export function webhookRoutes(router: Router<SimState>, sim: Sim): void {
  router.get('/stripe_sim/webhooks', (ctx) => {
    requireSecretKey(ctx.state.caller);
    const params = ctx.state.params;
    rejectUnknown(params, DELIVERY_LIST_PARAMS);
    const status = optionalString(params, 'status');
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
      throw invalidRequest(`Invalid status: must be one of ${STATUSES.join(', ')}`, 'status');
    }
    ctx.body = listPage(
      sim.webhooks.list(status as DeliveryStatus | undefined),
      params,
      '/v1/stripe_sim/webhooks',
    );
  });
}
