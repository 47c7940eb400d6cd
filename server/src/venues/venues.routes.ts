import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { pageQuery } from '../http/pagination.ts';
import { parse } from '../http/validate.ts';
import { createVenueBody, venueIdParam } from './venues.schema.ts';
import { createVenue, getVenue, listVenues } from './venues.service.ts';

/** Promoter routes for venues (a key or a session; venues are made by those who make events). */
export function venuesRouter({ db }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/venues' });
  router.post('/', permit('events.write'), async (ctx) => {
    const input = parse(createVenueBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createVenue(db, authOf(ctx), input);
  });

  router.get('/', permit('venues.read'), async (ctx) => {
    ctx.body = await listVenues(db, authOf(ctx), parse(pageQuery, ctx.query));
  });

  router.get('/:id', permit('venues.read'), async (ctx) => {
    ctx.body = await getVenue(db, authOf(ctx), parse(venueIdParam, ctx.params.id, 'id'));
  });

  return router;
}
