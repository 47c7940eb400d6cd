import Router from '@koa/router';
import type { Context } from 'koa';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { scanBody } from './scans.schema.ts';
import { scanTicket } from './scans.service.ts';

/**
 * A scan that names its scanner's `scanId` is the same scan however often it is sent (the service
 * answers a repeat as the first), so the idempotency middleware need not store it.
 */
export function carriesItsOwnScanId(ctx: Context): boolean {
  const body = ctx.request.body as { scanId?: unknown } | undefined;
  return ctx.path === '/v1/scans' && typeof body?.scanId === 'string';
}

/** Door scans (a key or a session of the event's promoter). Refused scans answer 200 with their reason. */
export function scansRouter({ db }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/scans' });
  router.post('/', permit('scans.write'), async (ctx) => {
    ctx.body = await scanTicket(db, authOf(ctx), parse(scanBody, ctx.request.body), new Date());
  });

  return router;
}
