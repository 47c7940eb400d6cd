import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { answerCreatedWithSecret } from '../http/one-time-secret.ts';
import { pageQuery } from '../http/pagination.ts';
import { parse } from '../http/validate.ts';
import { apiKeyIdParam, createApiKeyBody } from './api-keys.schema.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts';

/** Key management (a key or an owner's session; the 20-requests-per-hour path). */
export function apiKeysRouter({ db, keys }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/api-keys' });
  router.get('/', permit('keys.manage'), async (ctx) => {
    ctx.body = await listApiKeys(db, authOf(ctx), parse(pageQuery, ctx.query));
  });

  router.post('/', permit('keys.manage'), async (ctx) => {
    const key = await createApiKey(db, authOf(ctx), parse(createApiKeyBody, ctx.request.body ?? {}));
    answerCreatedWithSecret(ctx, key);
  });

  router.delete('/:id', permit('keys.manage'), async (ctx) => {
    ctx.body = await revokeApiKey(db, authOf(ctx), parse(apiKeyIdParam, ctx.params.id, 'id'), keys);
  });

  return router;
}
