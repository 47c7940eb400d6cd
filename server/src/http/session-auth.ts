import type { Context, Next } from 'koa';
import type { Principal } from '../access/principal.ts';
import type { Person } from '../accounts/accounts.mapper.ts';
import { findRole } from '../accounts/accounts.store.ts';
import { clearSessionCookie, readSessionCookie } from '../accounts/session-cookie.ts';
import type { RequestSession } from '../accounts/sessions.service.ts';
import { findSessionByTokenHash, touchSession } from '../accounts/sessions.store.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { digestOf, sameSecret } from '../lib/secrets.ts';
import type { Mode } from '../promoters/api-keys.ts';
import { LIVE_MODE_UNAVAILABLE } from './auth.ts';
import { ApiError } from './errors.ts';

declare module 'koa' {
  interface DefaultState {
    /** The signed-in person, when a valid session cookie came (and passed the CSRF check). */
    person?: Person;
    session?: RequestSession;
    /**
     * Why a session cookie that came was not taken, on a request that named no promoter: routes
     * that need the session answer with it (`sessionOf`); public routes never notice the cookie.
     */
    sessionRefusal?: ApiError;
  }
}

export type SessionAuthConfig = Pick<Config, 'production' | 'publicUrl' | 'sessionIdleMinutes' | 'stripe'>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfFailed = (message: string) => new ApiError(403, 'auth.csrf_failed', message);

/** Refuses an `Origin` (when the browser sends one) that is not this server's own. */
export function checkOrigin(ctx: Context, publicUrl: string): void {
  const origin = ctx.get('Origin');
  if (origin && origin !== new URL(publicUrl).origin) {
    throw csrfFailed(
      `Requests that change something must come from ${new URL(publicUrl).origin}, not ${origin}.`,
    );
  }
}

/** A router middleware for the forms that work without a session (sign-in, sign-up, reset): Origin only. */
export function sameOriginWrites(config: Pick<Config, 'publicUrl'>) {
  return async function checkSameOrigin(ctx: Context, next: Next) {
    if (!SAFE_METHODS.has(ctx.method)) checkOrigin(ctx, config.publicUrl);
    await next();
  };
}

/**
 * Signs a request in by its `er_session` cookie when it carries no Authorization header. With
 * `EntryRate-Promoter` (and `EntryRate-Mode`, `test` by default) the person acts for that promoter
 * with their membership's role: `ctx.state.auth` is a Principal like a key's, and any problem
 * (an ended session, a failed CSRF check, no membership, live mode on the stripe-sim) is answered
 * at once. Without it only `ctx.state.person` and `ctx.state.session` are set, for the routes about
 * the person themself; a problem is kept for them (`sessionOf`), so a stale cookie never breaks a
 * public route. Requests that change something must carry the session's `X-CSRF-Token` and, when
 * the browser names one, this server's `Origin`.
 */
export function sessionAuth(options: { db: Database; config: SessionAuthConfig }) {
  const { db, config } = options;
  return async function readSession(ctx: Context, next: Next) {
    if (ctx.get('Authorization')) return next();
    const token = readSessionCookie(ctx);
    if (!token) return next();
    const promoterId = ctx.get('EntryRate-Promoter');
    // An ended session's cookie is cleared with the answer that says so, never on a request that
    // does not use it (a page's script): else the page's next API call would carry no cookie and
    // could not learn that the session ended, rather than that there never was one.
    const answeredEnded = (error: unknown) => {
      if (error instanceof ApiError && error.code === 'auth.session_expired') clearSessionCookie(ctx, config);
      return error;
    };
    try {
      const session = await validSession(ctx, db, config, token);
      if (promoterId) ctx.state.auth = await principalOf(ctx, db, config, session, promoterId);
    } catch (error) {
      if (promoterId || !(error instanceof ApiError)) throw answeredEnded(error);
      ctx.state.sessionRefusal = error;
    }
    try {
      await next();
    } catch (error) {
      throw answeredEnded(error);
    }
  };
}

async function validSession(
  ctx: Context,
  db: Database,
  config: SessionAuthConfig,
  token: string,
): Promise<RequestSession> {
  const row = await findSessionByTokenHash(db, digestOf(token));
  // Unknown covers signed out elsewhere and ended by a new password: to the browser, all ended.
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) {
    throw new ApiError(401, 'auth.session_expired', 'Your session has ended; sign in again.');
  }
  if (!SAFE_METHODS.has(ctx.method)) {
    checkOrigin(ctx, config.publicUrl);
    if (!sameSecret(ctx.get('X-CSRF-Token'), row.csrf_token)) {
      throw csrfFailed("Send the session's csrfToken (GET /v1/session) as X-CSRF-Token.");
    }
  }
  const slid = await touchSession(db, row.id, config.sessionIdleMinutes);
  const session: RequestSession = {
    id: row.id,
    personId: row.person_id,
    csrfToken: row.csrf_token,
    expiresAt: slid ?? new Date(row.expires_at),
  };
  ctx.state.session = session;
  ctx.state.person = { id: row.person_id, email: row.email, name: row.name };
  return session;
}

async function principalOf(
  ctx: Context,
  db: Database,
  config: SessionAuthConfig,
  session: RequestSession,
  promoterId: string,
): Promise<Principal> {
  const mode = modeOf(ctx);
  const role = await findRole(db, session.personId, promoterId);
  if (!role) {
    throw new ApiError(
      403,
      'auth.promoter_forbidden',
      `You are not a member of promoter '${promoterId}'; ask one of its owners to invite you.`,
    );
  }
  if (mode === 'live' && config.stripe.sim !== null) {
    throw new ApiError(403, 'auth.live_mode_unavailable', LIVE_MODE_UNAVAILABLE);
  }
  return { promoterId, mode, role, callerId: session.id, keyId: null, personId: session.personId };
}

function modeOf(ctx: Context): Mode {
  const mode = ctx.get('EntryRate-Mode') || 'test';
  if (mode !== 'test' && mode !== 'live') {
    throw new ApiError(400, 'request.invalid', 'EntryRate-Mode must be `test` or `live`.', 'EntryRate-Mode');
  }
  return mode;
}

/** The signed-in person of a route about them; 401 `auth.missing_session` when no one is. */
export function sessionOf(ctx: Context): { person: Person; session: RequestSession } {
  const { person, session, sessionRefusal } = ctx.state;
  if (person && session) return { person, session };
  if (sessionRefusal) throw sessionRefusal;
  throw new ApiError(401, 'auth.missing_session', 'Sign in first.');
}

/**
 * The signed-in person, if any, of a route that also works signed out: an ended session counts as
 * signed out, but a cookie that failed the CSRF check is refused.
 */
export function signedInOf(ctx: Context): { person: Person; session: RequestSession } | undefined {
  const { person, session, sessionRefusal } = ctx.state;
  if (sessionRefusal?.code === 'auth.csrf_failed') throw sessionRefusal;
  return person && session ? { person, session } : undefined;
}
