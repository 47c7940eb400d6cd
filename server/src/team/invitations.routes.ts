import Router from '@koa/router';
import { answerNewSession } from '../accounts/accounts.routes.ts';
import { acceptInvitationBody } from '../accounts/accounts.schema.ts';
import type { AppDeps } from '../app.deps.ts';
import { sameOriginWrites, signedInOf } from '../http/session-auth.ts';
import { parse } from '../http/validate.ts';
import { acceptInvitation, previewInvitation } from './invitations.service.ts';
import { invitationTokenParam } from './team.schema.ts';

/** An invitation link's page: what it offers, and accepting it (signed in, or with a new account). */
export function invitationsRouter({ db, config }: AppDeps): Router {
  const router = new Router({ prefix: '/v1/invitations' });
  router.use(sameOriginWrites(config));

  router.get('/:token', async (ctx) => {
    ctx.body = await previewInvitation(db, parse(invitationTokenParam, ctx.params.token, 'token'));
  });

  router.post('/:token/accept', async (ctx) => {
    const token = parse(invitationTokenParam, ctx.params.token, 'token');
    const input = parse(acceptInvitationBody, ctx.request.body ?? {});
    const accepted = await acceptInvitation(db, token, signedInOf(ctx), input, {
      idleMinutes: config.sessionIdleMinutes,
    });
    if ('created' in accepted) return answerNewSession(ctx, accepted.created, config);
    ctx.body = accepted.joined;
  });

  return router;
}
