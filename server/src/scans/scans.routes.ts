import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { scanBody } from './scans.schema.ts';
import { scanTicket } from './scans.service.ts';

/** Door scans (a key or a session of the event's promoter). Refused scans answer 200 with their reason. */
export function scansRouter({ db }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/scans' });
  router.post('/', permit('scans.write'), async (ctx) => {
    ctx.body = await scanTicket(db, authOf(ctx), parse(scanBody, ctx.request.body), new Date());
  });

  return router;
}
