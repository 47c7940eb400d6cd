import type { Context, Next } from 'koa';
import { ApiError } from './errors.ts';

/** API versions this server speaks, oldest first; the newest is the default. */
export const API_VERSIONS = ['2026-04-25'] as const;
export const LATEST_API_VERSION = API_VERSIONS[API_VERSIONS.length - 1] as string;

/** Reads `EntryRate-Version`, rejects unknown ones, and names the version used on every response. */
export function apiVersion() {
  return async function negotiateVersion(ctx: Context, next: Next) {
    const requested = ctx.get('EntryRate-Version');
    if (requested && !(API_VERSIONS as readonly string[]).includes(requested)) {
      ctx.set('EntryRate-Version', LATEST_API_VERSION);
      throw new ApiError(
        400,
        'request.unsupported_version',
        `EntryRate-Version '${requested}' is not supported; use one of ${API_VERSIONS.join(', ')}.`,
      );
    }
    ctx.state.apiVersion = requested || LATEST_API_VERSION;
    ctx.set('EntryRate-Version', ctx.state.apiVersion);
    await next();
  };
}
