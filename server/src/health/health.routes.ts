import Router from '@koa/router';
import { sql } from 'kysely';
import type { AppDeps } from '../app.deps.ts';

/** Liveness and database reachability, for load balancers and start-up scripts. */
export function healthRouter({ db }: AppDeps): Router {
  const router = new Router();
  router.get('/health', async (ctx) => {
    const database = await sql`select 1`
      .execute(db)
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    ctx.status = database === 'up' ? 200 : 503;
    ctx.body = { status: database === 'up' ? 'ok' : 'degraded', database, time: new Date().toISOString() };
  });
  return router;
}
