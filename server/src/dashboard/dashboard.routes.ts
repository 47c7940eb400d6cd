import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import type { Config } from '../config.ts';
import { builtApp } from '../http/built-app.ts';

const DASHBOARD_DIST = fileURLToPath(new URL('../../../dashboard/dist/', import.meta.url));

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
  const { page, asset } = builtApp({
    name: 'dashboard',
    dist: options.dist ?? DASHBOARD_DIST,
    policy: dashboardPolicy(options.config.previewUrl),
  });
  const router = new Router();
  router.get('/dashboard/assets/:file', asset);
  router.get('/dashboard', page);
  router.get('/dashboard/{*screen}', page);
  return router;
}
