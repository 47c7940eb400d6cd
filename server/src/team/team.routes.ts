import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { authOf, permit } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { invitationIdParam, inviteBody, personIdParam, roleBody } from './team.schema.ts';
import { changeRole, getTeam, inviteMember, removeMember, revokeInvitation } from './team.service.ts';

/** The promoter's team: members, their roles, and invitations (owners; `team.manage`). */
export function teamRouter({ db, config }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/team' });
  const manage = permit('team.manage');

  router.get('/', manage, async (ctx) => {
    ctx.body = await getTeam(db, authOf(ctx));
  });

  router.post('/invitations', manage, async (ctx) => {
    const input = parse(inviteBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await inviteMember(db, authOf(ctx), input, { publicUrl: config.publicUrl });
  });

  router.delete('/invitations/:id', manage, async (ctx) => {
    ctx.body = await revokeInvitation(db, authOf(ctx), parse(invitationIdParam, ctx.params.id, 'id'));
  });

  router.patch('/members/:personId', manage, async (ctx) => {
    const personId = parse(personIdParam, ctx.params.personId, 'personId');
    ctx.body = await changeRole(db, authOf(ctx), personId, parse(roleBody, ctx.request.body).role);
  });

  router.delete('/members/:personId', manage, async (ctx) => {
    ctx.body = await removeMember(db, authOf(ctx), parse(personIdParam, ctx.params.personId, 'personId'));
  });

  return router;
}
