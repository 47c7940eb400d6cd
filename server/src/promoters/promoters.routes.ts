import Router from '@koa/router';
import type { Context } from 'koa';
import type { AppDeps } from '../app.deps.ts';
import { authOf, missingPrincipal, permit, requirePermission } from '../http/auth.ts';
import { pageQuery } from '../http/pagination.ts';
import { signedInOf } from '../http/session-auth.ts';
import { parse } from '../http/validate.ts';
import { createPromoterBody } from './promoters.schema.ts';
import { createPromoter, listPromotersManagedBy, type PromoterCreator } from './promoters.service.ts';

/** Agencies: the promoters a promoter manages (its owner's key or session). */
export function promotersRouter({ db }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/promoters' });

  router.post('/', async (ctx) => {
    const creator = creatorOf(ctx);
    const input = parse(createPromoterBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createPromoter(db, creator, input);
  });

  router.get('/', permit('promoters.manage'), async (ctx) => {
    ctx.body = await listPromotersManagedBy(db, authOf(ctx).promoterId, parse(pageQuery, ctx.query));
  });

  return router;
}

/**
 * Acting for a promoter (a key, or a session naming one), the new promoter is managed by it; a
 * signed-in person who names no promoter makes one of their own.
 */
function creatorOf(ctx: Context): PromoterCreator {
  if (ctx.state.auth) {
    const auth = requirePermission(ctx, 'promoters.manage');
    return { agencyId: auth.promoterId, personId: auth.personId };
  }
  const signedIn = signedInOf(ctx);
  if (!signedIn) throw missingPrincipal(ctx);
  return { agencyId: null, personId: signedIn.person.id };
}
