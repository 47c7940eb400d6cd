import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import { ApiError } from '../../http/errors.ts';

// The same three levels up from server/src/tickets/page (tsx) and server/dist/tickets/page (built).
const PUBLIC_TICKETS = fileURLToPath(new URL('../../../public/tickets/', import.meta.url));

/**
 * The Content-Security-Policy of the ticket, lookup and link-problem pages: only this origin's
 * stylesheet, script and service worker, no inline code, and the QR codes are inline SVG.
 */
export const TICKET_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const JAVASCRIPT = 'application/javascript; charset=utf-8';

const ASSETS: Record<string, { file: string; type: string; cache: string }> = {
  '/tickets/assets/ticket-page.css': {
    file: 'ticket-page.css',
    type: 'text/css; charset=utf-8',
    cache: 'public, max-age=300',
  },
  '/tickets/assets/ticket-page.js': {
    file: 'ticket-page.js',
    type: JAVASCRIPT,
    cache: 'public, max-age=300',
  },
  // Browsers check a service worker for updates on their own; no-cache makes them ask us each time.
  '/tickets/sw.js': { file: 'sw.js', type: JAVASCRIPT, cache: 'no-cache' },
};

/** Serves the ticket pages' stylesheet, script and service worker (scope `/tickets/`). */
export function ticketPageAssetsRouter(): Router {
  const router = new Router();
  for (const [path, asset] of Object.entries(ASSETS)) {
    router.get(path, async (ctx) => {
      const body = await readFile(`${PUBLIC_TICKETS}${asset.file}`).catch(() => {
        throw new ApiError(404, 'route.not_found', `${asset.file} is missing from server/public/tickets.`);
      });
      ctx.type = asset.type;
      ctx.set('Cache-Control', asset.cache);
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.body = body;
    });
  }
  return router;
}
