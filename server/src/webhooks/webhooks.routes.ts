import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { answerCreatedWithSecret, answerWithSecret } from '../http/one-time-secret.ts';
import { parse } from '../http/validate.ts';
import {
  createEndpointBody,
  deliveryIdParam,
  endpointIdParam,
  listDeliveriesQuery,
  listEndpointsQuery,
  updateEndpointBody,
} from './webhooks.schema.ts';
import {
  createEndpoint,
  deleteEndpoint,
  enableEndpoint,
  listDeliveries,
  listEndpoints,
  resendDelivery,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
} from './webhooks.service.ts';

/** The promoter's outgoing webhook endpoints and their delivery logs (a key or a session, per mode). */
export function webhooksRouter({ db, config }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/webhook-endpoints' });
  // Loopback endpoints only on a developer's machine, which is where the server uses the stripe-sim.
  const policy = { allowLoopback: config.stripe.sim !== null };
  const idOf = (params: Record<string, string | undefined>) => parse(endpointIdParam, params.id, 'id');

  router.post('/', permit('webhooks.manage'), async (ctx) => {
    const input = parse(createEndpointBody, ctx.request.body);
    answerCreatedWithSecret(ctx, await createEndpoint(db, authOf(ctx), input, policy));
  });

  router.get('/', permit('webhooks.manage'), async (ctx) => {
    ctx.body = await listEndpoints(db, authOf(ctx), parse(listEndpointsQuery, ctx.query));
  });

  router.patch('/:id', permit('webhooks.manage'), async (ctx) => {
    const id = idOf(ctx.params);
    const input = parse(updateEndpointBody, ctx.request.body);
    ctx.body = await updateEndpoint(db, authOf(ctx), id, input, policy);
  });

  router.delete('/:id', permit('webhooks.manage'), async (ctx) => {
    ctx.body = await deleteEndpoint(db, authOf(ctx), idOf(ctx.params));
  });

  router.post('/:id/test', permit('webhooks.manage'), async (ctx) => {
    ctx.status = 202;
    ctx.body = await sendTestEvent(db, authOf(ctx), idOf(ctx.params));
  });

  router.post('/:id/rotate-secret', permit('webhooks.manage'), async (ctx) => {
    answerWithSecret(ctx, 200, await rotateSecret(db, authOf(ctx), idOf(ctx.params)));
  });

  router.post('/:id/enable', permit('webhooks.manage'), async (ctx) => {
    ctx.body = await enableEndpoint(db, authOf(ctx), idOf(ctx.params));
  });

  router.get('/:id/deliveries', permit('webhooks.manage'), async (ctx) => {
    const id = idOf(ctx.params);
    ctx.body = await listDeliveries(db, authOf(ctx), id, parse(listDeliveriesQuery, ctx.query));
  });

  router.post('/:id/deliveries/:deliveryId/resend', permit('webhooks.manage'), async (ctx) => {
    const id = idOf(ctx.params);
    const deliveryId = parse(deliveryIdParam, ctx.params.deliveryId, 'deliveryId');
    ctx.status = 202;
    ctx.body = await resendDelivery(db, authOf(ctx), id, deliveryId);
  });

  return router;
}
