import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import {
  createEventBody,
  eventIdParam,
  listEventsQuery,
  publishEventBody,
  updateEventBody,
} from './events.schema.ts';
import { cancelEvent, createEvent, getEvent, listEvents, publishEvent } from './events.service.ts';
import { getEventStats } from './events.stats.ts';
import { updateEvent } from './events.update.ts';

/** Promoter routes for events (a key or a session; each route names its permission). */
export function eventsRouter({ db, config }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/events' });
  router.post('/', permit('events.write'), async (ctx) => {
    const input = parse(createEventBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createEvent(db, authOf(ctx), input, { holdMinutes: config.holdMinutes });
  });

  router.get('/', permit('events.read'), async (ctx) => {
    ctx.body = await listEvents(db, authOf(ctx), parse(listEventsQuery, ctx.query));
  });

  router.get('/:id', permit('events.read'), async (ctx) => {
    ctx.body = await getEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'));
  });

  router.get('/:id/stats', permit('events.stats'), async (ctx) => {
    ctx.body = await getEventStats(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'));
  });

  router.patch('/:id', permit('events.write'), async (ctx) => {
    const input = parse(updateEventBody, ctx.request.body ?? {});
    ctx.body = await updateEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'), input);
  });

  router.post('/:id/publish', permit('events.write'), async (ctx) => {
    const { network } = parse(publishEventBody, ctx.request.body ?? {});
    ctx.body = await publishEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'), { network });
  });

  router.post('/:id/cancel', permit('events.write'), async (ctx) => {
    ctx.body = await cancelEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'));
  });

  return router;
}
