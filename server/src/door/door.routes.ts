import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { eventIdParam } from '../events/events.schema.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { scanManifest } from './door.manifest.ts';
import { doorCounts } from './door.ts';

/** What the door needs of an event (door staff and scanner keys; every role may read it). */
export function doorRouter({ db }: AppDeps): Router {
  const router = new Router();
  router.get('/v1/events/:id/door', permit('events.read'), async (ctx) => {
    ctx.body = await doorCounts(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'));
  });
  // Tickets and the keys that check them: for whoever scans (door staff, scanner keys), not for sales.
  router.get('/v1/events/:id/scan-manifest', permit('scans.write'), async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await scanManifest(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'), new Date());
  });
  return router;
}
