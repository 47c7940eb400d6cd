import cors from '@koa/cors';
import type { Context, Next } from 'koa';

/**
 * CORS for any origin, on the public widget routes only: those carry no cookies and no secret key,
 * so any promoter's page may call them. Promoter routes stay same-origin (server to server).
 */
export function publicCors(options: { paths: RegExp[] }) {
  const allow = cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'EntryRate-Version'],
    exposeHeaders: [
      'X-Request-Id',
      'EntryRate-Version',
      'Idempotent-Replayed',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'Retry-After',
    ],
    maxAge: 600,
  });
  return async function corsForPublicRoutes(ctx: Context, next: Next) {
    if (options.paths.some((path) => path.test(ctx.path))) return allow(ctx, next);
    return next();
  };
}
