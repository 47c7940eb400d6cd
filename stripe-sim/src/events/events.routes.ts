import type Router from '@koa/router';
import { requireSecretKey } from '../http/auth.ts';
import { optionalInteger, optionalString, rejectUnknown } from '../http/params.ts';
import { pathId, type SimState } from '../http/state.ts';
import { invalidRequest, resourceMissing } from '../http/stripe-error.ts';
import type { EventLog } from './event-log.ts';

const LIST_PARAMS: ReadonlySet<string> = new Set(['type', 'limit', 'starting_after', 'expand']);

/** `GET /v1/events/:id` and `GET /v1/events?type=&limit=`, as Stripe lists them (newest first). */
export function eventRoutes(router: Router<SimState>, events: EventLog): void {
  router.get('/events', (ctx) => {
    requireSecretKey(ctx.state.caller);
    const params = ctx.state.params;
    rejectUnknown(params, LIST_PARAMS);
    const limit = optionalInteger(params, 'limit') ?? 10;
    if (limit < 1 || limit > 100) throw invalidRequest('limit must be between 1 and 100.', 'limit');
    const { data, hasMore } = events.list({
      type: optionalString(params, 'type'),
      limit,
      startingAfter: optionalString(params, 'starting_after'),
    });
    ctx.body = { object: 'list', data, has_more: hasMore, url: '/v1/events' };
  });

  router.get('/events/:id', (ctx) => {
    requireSecretKey(ctx.state.caller);
    const event = events.get(pathId(ctx));
    if (!event) throw resourceMissing('event', pathId(ctx), 'id');
    ctx.body = event;
  });
}
