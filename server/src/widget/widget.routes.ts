import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { eventIdParam } from '../events/events.schema.ts';
import { parse } from '../http/validate.ts';
import { getWidgetEvent } from './widget.service.ts';

/** Public, cacheable event data for the embedded widget. */
export function widgetRouter({ db, payments }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/widget' });
  router.get('/events/:id', async (ctx) => {
    ctx.body = await getWidgetEvent(db, payments, parse(eventIdParam, ctx.params.id, 'id'));
    // Browsers always ask again (a buyer told 'sold out' must see it); a CDN may absorb an on-sale's
    // load for two seconds. Availability is a hint: the hold is the guarantee.
    ctx.set('Cache-Control', 'public, max-age=0, s-maxage=2');
  });
  return router;
}
