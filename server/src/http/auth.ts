import type { Context, Next } from 'koa';
import type { Database } from '../db/database.ts';
import { modeOfKey } from '../promoters/api-keys.ts';
import { type AuthenticatedKey, findActiveKey } from '../promoters/promoters.store.ts';
import { ApiError } from './errors.ts';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    apiVersion: string;
    auth?: AuthenticatedKey;
  }
}

/**
 * Reads a Bearer key when one is sent and puts its promoter and mode on `ctx.state.auth`.
 * A key that is sent but wrong is a 401 everywhere, so a typo never silently turns into a public call.
 */
export function authenticate(options: { db: Database }) {
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

/** The authenticated key of a request behind `requireApiKey()`. */
export function authOf(ctx: Context): AuthenticatedKey {
  const auth = ctx.state.auth;
  if (!auth)
    throw new ApiError(401, 'auth.missing_key', 'Send your secret key as `Authorization: Bearer er_test_…`.');
  return auth;
}
