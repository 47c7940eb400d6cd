import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import { builtApp } from '../http/built-app.ts';

const SCANNER_DIST = fileURLToPath(new URL('../../../scanner/dist/', import.meta.url));

/**
 * The door scanner's Content-Security-Policy: this origin only, no inline code; WebAssembly may be
 * compiled (the QR decoder where the browser has none), and the service worker is this origin's.
 */
export const SCANNER_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** The files the scanner keeps at its root (besides assets/): its service worker, manifest and icons. */
const ROOT_FILES = ['sw.js', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png'] as const;

/**
 * Serves the built scanner (scanner/dist) at /scan/: an installable web app whose service worker
 * keeps every file, so it opens at a door with no network. Its scope is /scan/, so /scan redirects.
 */
export function scannerRouter(options: { dist?: string } = {}): Router {
  const { page, asset, file } = builtApp({
    name: 'scanner',
    dist: options.dist ?? SCANNER_DIST,
    policy: SCANNER_POLICY,
  });
  const router = new Router();
  // The router takes /scan and /scan/ as one path: only the first is sent on to the second.
  router.get('/scan', async (ctx) => {
    if (ctx.path === '/scan') {
      ctx.status = 308;
      ctx.redirect('/scan/');
      return;
    }
    await page(ctx);
    // The camera for this page only; nothing else a page could ask for.
    ctx.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
  });
  router.get('/scan/assets/:file', asset);
  for (const name of ROOT_FILES) {
    router.get(`/scan/${name}`, async (ctx) => {
      await file(ctx, name, { immutable: false });
      if (name === 'sw.js') ctx.set('Service-Worker-Allowed', '/scan/');
    });
  }
  return router;
}
