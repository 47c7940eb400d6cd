import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { answerCreatedWithSecret } from '../http/one-time-secret.ts';
import { parse } from '../http/validate.ts';
import {
  createEndpointBody,
  endpointIdParam,
  listDeliveriesQuery,
  listEndpointsQuery,
} from './webhooks.schema.ts';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints } from './webhooks.service.ts';

/** The promoter's outgoing webhook endpoints and their delivery logs (a key or a session, per mode). */
export function webhooksRouter({ db, config }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/webhook-endpoints' });
  // Loopback endpoints only on a developer's machine, which is where the server uses the stripe-sim.
  const policy = { allowLoopback: config.stripe.sim !== null };

  router.post('/', permit('webhooks.manage'), async (ctx) => {
    const input = parse(createEndpointBody, ctx.request.body);
    answerCreatedWithSecret(ctx, await createEndpoint(db, authOf(ctx), input, policy));
  });

  router.get('/', permit('webhooks.manage'), async (ctx) => {
    ctx.body = await listEndpoints(db, authOf(ctx), parse(listEndpointsQuery, ctx.query));
  });

  router.delete('/:id', permit('webhooks.manage'), async (ctx) => {
    ctx.body = await deleteEndpoint(db, authOf(ctx), parse(endpointIdParam, ctx.params.id, 'id'));
  });

  router.get('/:id/deliveries', permit('webhooks.manage'), async (ctx) => {
    const id = parse(endpointIdParam, ctx.params.id, 'id');
    ctx.body = await listDeliveries(db, authOf(ctx), id, parse(listDeliveriesQuery, ctx.query));
  });

  return router;
}
