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
    // Short: availability moves during an on-sale, and the hold is the real guarantee anyway.
    ctx.set('Cache-Control', 'public, max-age=2');
  });
  return router;
}
