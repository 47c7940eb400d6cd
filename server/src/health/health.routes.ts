import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import type { Health, Readiness } from './health.schema.ts';
import { readiness } from './health.service.ts';

/**
 * `/health`: the process is alive (a load balancer's liveness probe; never touches the database).
 * `/ready`: it can serve, with its database reachable and every migration applied.
 */
export function healthRouter({ db }: AppDeps): Router {
  const router = new Router();
  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok', time: new Date().toISOString() } satisfies Health;
  });
  router.get('/ready', async (ctx) => {
    const ready = await readiness(db);
    ctx.status = ready.status === 'ready' ? 200 : 503;
    if (ready.status !== 'ready') ctx.set('Retry-After', '5');
    ctx.body = { ...ready, time: new Date().toISOString() } satisfies Readiness;
  });
  return router;
}
