import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { eventFiltersQuery } from '../events/events.schema.ts';
import { parse } from '../http/validate.ts';
import { listStorefront } from './storefront.service.ts';

/** The public storefront (no key, any origin): networked live events of every promoter. */
export function storefrontRouter({ db }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/storefront' });
  router.get('/events', async (ctx) => {
    ctx.body = await listStorefront(db, parse(eventFiltersQuery, ctx.query));
    ctx.set('Cache-Control', 'public, max-age=30');
  });
  return router;
}
