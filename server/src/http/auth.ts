import type { Context, Next } from 'koa';
import type { Database } from '../db/database.ts';
import { modeOfKey } from '../promoters/api-keys.ts';
import type { Principal } from '../access/principal.ts';
import { may, type Permission } from '../access/roles.ts';
import { findActiveKey } from '../promoters/promoters.store.ts';
import { ApiError } from './errors.ts';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    apiVersion: string;
    auth?: Principal;
  }
}

/** The 403 a live key meets on a server that talks to the stripe-sim. */
export const LIVE_MODE_UNAVAILABLE =
  'Live keys need real Stripe keys: set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET on the server. It runs against the stripe-sim, which is test mode only; use your er_test_ key.';

/**
 * Reads a Bearer key when one is sent and puts its promoter and mode on `ctx.state.auth`.
 * A key that is sent but wrong is a 401 everywhere, so a typo never silently turns into a public call.
 * With `refuseLiveKeys` (the server talks to the stripe-sim) a valid live key is a 403 on every
 * request: live data must never be sold through a simulator.
 */
export function authenticate(options: { db: Database; refuseLiveKeys?: boolean }) {
  return async function readApiKey(ctx: Context, next: Next) {
    const header = ctx.get('Authorization');
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token || !modeOfKey(token)) {
        throw new ApiError(
          401,
          'auth.invalid_key',
          'The Authorization header must be `Bearer er_test_…` or `Bearer er_live_…`.',
        );
      }
      const key = await findActiveKey(options.db, token);
      if (!key) throw new ApiError(401, 'auth.invalid_key', 'This API key is unknown or has been revoked.');
      if (key.mode === 'live' && options.refuseLiveKeys) {
        throw new ApiError(403, 'auth.live_mode_unavailable', LIVE_MODE_UNAVAILABLE);
      }
      ctx.state.auth = key;
    }
    await next();
  };
}

/** Guards promoter routes: the caller must have sent a valid secret key. */
export function requireApiKey() {
  return async function needApiKey(ctx: Context, next: Next) {
    if (!ctx.state.auth) {
      throw new ApiError(
        401,
        'auth.missing_key',
        'Send your secret key as `Authorization: Bearer er_test_…`.',
      );
    }
    await next();
  };
}

/**
 * Guards a promoter route: the caller must be a key or a signed-in person acting for a promoter,
 * and their role must hold `permission` (access/roles.ts).
 */
export function permit(permission: Permission) {
  return async function needPermission(ctx: Context, next: Next) {
    const auth = ctx.state.auth;
    if (!auth) {
      throw new ApiError(
        401,
        'auth.missing_key',
        'Send your secret key as `Authorization: Bearer er_test_…`.',
      );
    }
    if (!may(auth.role, permission)) {
      throw new ApiError(403, 'auth.forbidden', `Your role (${auth.role}) does not allow ${permission}.`);
    }
    await next();
  };
}

/** The authenticated key of a request behind `requireApiKey()`. */
export function authOf(ctx: Context): Principal {
  const auth = ctx.state.auth;
  if (!auth)
    throw new ApiError(401, 'auth.missing_key', 'Send your secret key as `Authorization: Bearer er_test_…`.');
  return auth;
}
