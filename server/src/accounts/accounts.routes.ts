import Router from '@koa/router';
import type { Context } from 'koa';
import type { AppDeps } from '../app.deps.ts';
import { sameOriginWrites, sessionOf } from '../http/session-auth.ts';
import { parse } from '../http/validate.ts';
import {
  passwordResetBody,
  passwordResetConfirmBody,
  signInBody,
  signupBody,
  tokenBody,
} from './accounts.schema.ts';
import {
  confirmPasswordReset,
  confirmSignup,
  requestPasswordReset,
  requestSignup,
} from './accounts.service.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { describeSession, type StartedSession, signIn, signOut } from './sessions.service.ts';
import { signInThrottle } from './sign-in-throttle.ts';

/** Answers a new session and sets its cookie. */
export function answerNewSession(
  ctx: Context,
  started: StartedSession,
  config: AppDeps['config'],
  status = 201,
): void {
  setSessionCookie(ctx, started.token, started.cookieExpires, config);
  ctx.status = status;
  ctx.body = started.session;
}

/** Sign-up, sign-in and out, the session, and password resets: the dashboard's account routes. */
export function accountsRouter({ db, config }: AppDeps): Router {
  const router = new Router({ prefix: '/v1' });
  // Forms without a session yet have no CSRF token to send: the browser's Origin is the check.
  router.use(sameOriginWrites(config));
  const options = { publicUrl: config.publicUrl, idleMinutes: config.sessionIdleMinutes };

  router.post('/signups', async (ctx) => {
    ctx.status = 202;
    ctx.body = await requestSignup(db, parse(signupBody, ctx.request.body), options);
  });

  router.post('/signups/confirm', async (ctx) => {
    const { token } = parse(tokenBody, ctx.request.body);
    answerNewSession(ctx, await confirmSignup(db, token, options), config);
  });

  router.post('/sessions', signInThrottle({ db, delayMs: config.signInDelayMs }), async (ctx) => {
    answerNewSession(ctx, await signIn(db, parse(signInBody, ctx.request.body), options), config);
  });

  router.get('/session', async (ctx) => {
    const { person, session } = sessionOf(ctx);
    ctx.body = await describeSession(db, person, session);
  });

  router.delete('/session', async (ctx) => {
    // Signing out twice, or with an ended session, is still signed out; a failed CSRF check is not.
    if (ctx.state.sessionRefusal?.code === 'auth.csrf_failed') throw ctx.state.sessionRefusal;
    if (ctx.state.session) await signOut(db, ctx.state.session.id);
    clearSessionCookie(ctx, config);
    ctx.status = 204;
  });

  router.post('/password-resets', async (ctx) => {
    const { email } = parse(passwordResetBody, ctx.request.body);
    ctx.status = 202;
    ctx.body = await requestPasswordReset(db, email, options);
  });

  router.post('/password-resets/confirm', async (ctx) => {
    await confirmPasswordReset(db, parse(passwordResetConfirmBody, ctx.request.body));
    ctx.status = 204;
  });

  return router;
}
