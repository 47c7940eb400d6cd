import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import type { Principal } from '../access/principal.ts';
import { may, PERMISSION_WORDS, type Permission, ROLE_WORDS } from '../access/roles.ts';
import type { Database } from '../db/database.ts';
import type { ActiveKeyCache } from '../promoters/active-key-cache.ts';
import { modeOfKey } from '../promoters/api-keys.ts';
import { type ActiveKey, findActiveKey, managesPromoter, touchApiKey } from '../promoters/promoters.store.ts';
import { ApiError } from './errors.ts';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    apiVersion: string;
    auth?: Principal;
  }
}

/** The request header that chooses the promoter a call acts for (as Stripe's `Stripe-Account`). */
export const PROMOTER_HEADER = 'EntryRate-Promoter';

/** The 403 a live key meets on a server that talks to the stripe-sim. */
export const LIVE_MODE_UNAVAILABLE =
  'Live keys need real Stripe keys: set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET on the server. It runs against the stripe-sim, which is test mode only; use your er_test_ key.';

/** How often a key's `last_used_at` is written at most: "last used" to the minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Reads a Bearer key when one is sent and puts the Principal it acts as on `ctx.state.auth`: its
 * own promoter, or (an admin key) the promoter named by `EntryRate-Promoter` when its promoter
 * manages that one. A key that is sent but wrong is a 401 everywhere, so a typo never silently
 * turns into a public call. With `refuseLiveKeys` (the server talks to the stripe-sim) a valid live
 * key is a 403 on every request: live data must never be sold through a simulator. Keys are looked
 * up through `keys` (see active-key-cache.ts: a key revoked elsewhere works here for a few seconds).
 */
export function authenticate(options: {
  db: Database;
  keys: ActiveKeyCache;
  refuseLiveKeys?: boolean;
  logger?: Logger;
}) {
  const { db, keys, logger } = options;
  return async function readApiKey(ctx: Context, next: Next) {
    const header = ctx.get('Authorization');
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token || !modeOfKey(token)) {
        throw new ApiError(
          401,
          'auth.invalid_key',
          'The Authorization header must be `Bearer er_test_…` or `Bearer er_live_…` (a scanner key: `Bearer er_scan_test_…`).',
        );
      }
      const key = await keys.find(token, () => findActiveKey(db, token));
      if (!key) throw new ApiError(401, 'auth.invalid_key', 'This API key is unknown or has been revoked.');
      if (key.mode === 'live' && options.refuseLiveKeys) {
        throw new ApiError(403, 'auth.live_mode_unavailable', LIVE_MODE_UNAVAILABLE);
      }
      ctx.state.auth = await actingFor(db, key, ctx.get(PROMOTER_HEADER).trim());
      touchIfStale(db, key, logger);
    }
    await next();
  };
}

/** The Principal a key acts as for this request; `requested` is the `EntryRate-Promoter` header. */
async function actingFor(db: Database, key: ActiveKey, requested: string): Promise<Principal> {
  const { kind: _kind, lastUsedAt: _lastUsedAt, ...own } = key;
  if (!requested || requested === key.promoterId) return own;
  if (key.kind === 'admin' && (await managesPromoter(db, key.promoterId, requested))) {
    return { ...own, promoterId: requested };
  }
  const named = /^[\w-]{1,100}$/.test(requested) ? `'${requested}'` : 'the promoter named';
  throw new ApiError(
    403,
    'auth.promoter_forbidden',
    key.kind === 'admin'
      ? `This admin key acts for its own promoter (${key.promoterId}) and the promoters it manages; ${named} is not one of them.`
      : `This key acts only for its own promoter (${key.promoterId}), not ${named}. To act for promoters an agency manages, use the agency's admin key.`,
  );
}

/** Writes `last_used_at` in the background when it is a minute old; a failure only logs. */
function touchIfStale(db: Database, key: ActiveKey, logger: Logger | undefined): void {
  const id = key.keyId;
  if (!id || (key.lastUsedAt && Date.now() - key.lastUsedAt.getTime() < TOUCH_EVERY_MS)) return;
  // The cache holds this object: the requests that find it there next need not write again.
  key.lastUsedAt = new Date();
  touchApiKey(db, id).catch((error: Error) =>
    logger?.warn({ keyId: id, reason: error.message }, 'could not record when an API key was used'),
  );
}

/** The 401 of a promoter route called with no Principal: what to send, for a key or a person. */
export function missingPrincipal(ctx: Context): ApiError {
  return new ApiError(
    401,
    'auth.missing_key',
    ctx.state.person
      ? `You are signed in, but this route acts for one promoter: name it in the \`${PROMOTER_HEADER}: pr_…\` header.`
      : 'Send your secret key as `Authorization: Bearer er_test_…`, or sign in to the dashboard.',
  );
}

function forbidden(principal: Principal, permission: Permission): ApiError {
  return new ApiError(
    403,
    'auth.forbidden',
    principal.scannerKey
      ? `A scanner key only scans tickets and reads door counts: it cannot ${PERMISSION_WORDS[permission]}. Use a secret key on your server.`
      : `Your role (${ROLE_WORDS[principal.role]}) cannot ${PERMISSION_WORDS[permission]}. Ask an owner of this promoter for another role.`,
  );
}

/** The request's Principal if its role holds `permission`; else the 401 or 403 `permit()` answers. */
export function requirePermission(ctx: Context, permission: Permission): Principal {
  const auth = ctx.state.auth;
  if (!auth) throw missingPrincipal(ctx);
  if (!may(auth.role, permission)) throw forbidden(auth, permission);
  return auth;
}

/**
 * Guards a promoter route: the caller must be a key or a signed-in person acting for a promoter,
 * and their role must hold `permission` (access/roles.ts).
 */
export function permit(permission: Permission) {
  return async function needPermission(ctx: Context, next: Next) {
    requirePermission(ctx, permission);
    await next();
  };
}

/**
 * Guards a route that is public but also acts for a promoter when one calls (checkout sessions):
 * an anonymous call passes, a key or session needs `permission`.
 */
export function permitWhenAuthenticated(permission: Permission) {
  return async function needPermissionIfAuthenticated(ctx: Context, next: Next) {
    if (ctx.state.auth) requirePermission(ctx, permission);
    await next();
  };
}

/** The Principal of a request behind `permit()`. */
export function authOf(ctx: Context): Principal {
  const auth = ctx.state.auth;
  if (!auth) throw missingPrincipal(ctx);
  return auth;
}
