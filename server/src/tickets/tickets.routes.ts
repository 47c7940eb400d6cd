import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { ticketIdParam } from './tickets.schema.ts';
import { getTicket } from './tickets.service.ts';

/** Promoter routes for tickets (a key or a session). */
export function ticketsRouter({ db }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/tickets' });
  router.get('/:id', permit('tickets.read'), async (ctx) => {
    ctx.body = await getTicket(db, authOf(ctx), parse(ticketIdParam, ctx.params.id, 'id'));
  });

  return router;
}
