import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, requireApiKey } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import {
  createEventBody,
  eventIdParam,
  listEventsQuery,
  publishEventBody,
  updateEventBody,
} from './events.schema.ts';
import { cancelEvent, createEvent, getEvent, listEvents, publishEvent } from './events.service.ts';
import { updateEvent } from './events.update.ts';

/** Promoter routes for events (secret key). */
export function eventsRouter({ db, config }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/events' });
  router.use(requireApiKey());

  router.post('/', async (ctx) => {
    const input = parse(createEventBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createEvent(db, authOf(ctx), input, { holdMinutes: config.holdMinutes });
  });

  router.get('/', async (ctx) => {
    ctx.body = await listEvents(db, authOf(ctx), parse(listEventsQuery, ctx.query));
  });

  router.get('/:id', async (ctx) => {
    ctx.body = await getEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'));
  });

  router.patch('/:id', async (ctx) => {
    const input = parse(updateEventBody, ctx.request.body ?? {});
    ctx.body = await updateEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'), input);
  });

  router.post('/:id/publish', async (ctx) => {
    const { network } = parse(publishEventBody, ctx.request.body ?? {});
    ctx.body = await publishEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'), { network });
  });

  router.post('/:id/cancel', async (ctx) => {
    ctx.body = await cancelEvent(db, authOf(ctx), parse(eventIdParam, ctx.params.id, 'id'));
  });

  return router;
}
