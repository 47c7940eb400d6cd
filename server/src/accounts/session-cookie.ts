import type { Context } from 'koa';
import type { Config } from '../config.ts';

/** The sign-in cookie's name: the one place it, and how it is set, are written. */
export const SESSION_COOKIE = 'er_session';

type CookieConfig = Pick<Config, 'production'>;

// Written by hand rather than with ctx.cookies.set: that refuses a Secure cookie on a request Koa
// does not see as https, which is every request behind a TLS proxy unless TRUST_PROXY is set, and
// the browser, not the hop to us, is what Secure protects.
function serialize(value: string, expires: Date, config: CookieConfig): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(config.production ? ['Secure'] : []),
  ].join('; ');
}

/** The session token the browser sent, if any. */
export function readSessionCookie(ctx: Context): string | undefined {
  const value = ctx.cookies.get(SESSION_COOKIE);
  return value && /^[0-9a-z]{20,100}$/.test(value) ? value : undefined;
}

/** Signs the browser in: the cookie lives until the session's absolute end (the server enforces idle expiry). */
export function setSessionCookie(ctx: Context, token: string, expires: Date, config: CookieConfig): void {
  ctx.append('Set-Cookie', serialize(token, expires, config));
}

/** Signs the browser out. */
export function clearSessionCookie(ctx: Context, config: CookieConfig): void {
  ctx.append('Set-Cookie', serialize('', new Date(0), config));
}
