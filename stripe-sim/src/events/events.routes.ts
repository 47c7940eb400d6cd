import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { LIST_PARAMS, listPage } from '../http/list.ts';
import { optionalString, rejectUnknown } from '../http/params.ts';
import { pathId, type SimState } from '../http/state.ts';
import { resourceMissing } from '../http/stripe-error.ts';
import type { EventLog } from './event-log.ts';

const EVENT_LIST_PARAMS: ReadonlySet<string> = new Set([...LIST_PARAMS, 'type']);

/** `GET /v1/events/:id` and `GET /v1/events?type=&limit=`, as Stripe lists them (newest first). */
export function eventRoutes(router: Router<SimState>, events: EventLog): void {
  router.get('/events', (ctx) => {
    requireSecretKey(ctx.state.caller);
    const params = ctx.state.params;
    rejectUnknown(params, EVENT_LIST_PARAMS);
    ctx.body = listPage(events.list(optionalString(params, 'type')), params, '/v1/events');
  });

  router.get('/events/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    const event = events.get(pathId(ctx));
    if (!event) throw resourceMissing('event', pathId(ctx), 'id');
    ctx.body = event;
  });
}
