import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';

const DASHBOARD_DIST = fileURLToPath(new URL('../../../dashboard/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * The dashboard's Content-Security-Policy: only this origin's scripts, styles and API, no inline
 * code, and frames only from the preview origin, where the widget runs sandboxed.
 */
export function dashboardPolicy(previewUrl: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${previewUrl ? new URL(previewUrl).origin : "'none'"}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Serves the built dashboard (dashboard/dist) at /dashboard: hashed files under /dashboard/assets/
 * cached for good, and index.html for every other path under /dashboard, where the app's router
 * takes over.
 */
export function dashboardRouter(options: { config: Readonly<Config>; dist?: string }): Router {
  const dist = options.dist ?? DASHBOARD_DIST;
  const policy = dashboardPolicy(options.config.previewUrl);
  const router = new Router();

  router.get('/dashboard/assets/:file', async (ctx) => {
    const file = path.basename(ctx.params.file ?? '');
    const type = TYPES[path.extname(file)];
    const body = type ? await readFile(path.join(dist, 'assets', file)).catch(() => null) : null;
    if (!body) throw new ApiError(404, 'route.not_found', `There is no dashboard file ${file}.`);
    ctx.type = type as string;
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = body;
  });

  const page = async (ctx: Context) => {
    const body = await readFile(path.join(dist, 'index.html')).catch(() => {
      throw new ApiError(404, 'route.not_found', 'The dashboard is not built; run `npm run build`.');
    });
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('Content-Security-Policy', policy);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'same-origin');
    ctx.body = body;
  };
  router.get('/dashboard', page);
  router.get('/dashboard/{*screen}', page);
  return router;
}
