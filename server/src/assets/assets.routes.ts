import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import Router from '@koa/router';
import { ApiError } from '../http/errors.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';

const gzipAsync = promisify(gzip);
const WIDGET_DIST = fileURLToPath(new URL('../../../widget/dist/', import.meta.url));

const ASSETS: Record<string, { file: string; type: string }> = {
  '/widget.js': { file: 'widget.js', type: 'application/javascript; charset=utf-8' },
  '/embed.js': { file: 'embed.js', type: 'application/javascript; charset=utf-8' },
  '/stripe-loader.js': { file: 'stripe-loader.js', type: 'application/javascript; charset=utf-8' },
  '/checkout-steps.js': { file: 'checkout-steps.js', type: 'application/javascript; charset=utf-8' },
  '/embed.html': { file: 'embed.html', type: 'text/html; charset=utf-8' },
};

/**
 * Serves the built widget (so the three pasted lines point at the API origin) and the hosted
 * page `embed.html`, which is both the iframe mode and the hosted checkout of server-side sessions.
 */
export function assetsRouter(options: { payments: PaymentGateway; widgetDist?: string }): Router {
  const dist = options.widgetDist ?? WIDGET_DIST;
  const pagePolicy = hostedPagePolicy(options.payments.publicConfig().stripeJsUrl);
  const router = new Router();
  for (const [path, asset] of Object.entries(ASSETS)) {
    router.get(path, async (ctx) => {
      const body = await readFile(`${dist}/${asset.file}`).catch(() => {
        throw new ApiError(404, 'route.not_found', `${asset.file} is not built; run \`npm run build\`.`);
      });
      ctx.type = asset.type;
      ctx.set('Cache-Control', 'public, max-age=300');
      // Any site may load the widget, including pages that add crossorigin to their script tags.
      if (asset.type.startsWith('application/javascript')) ctx.set('Access-Control-Allow-Origin', '*');
      if (asset.type.startsWith('text/html')) ctx.set('Content-Security-Policy', pagePolicy);
      // widget.js is budgeted gzipped; it must travel that way too (a CDN in front would do the same).
      ctx.vary('Accept-Encoding');
      if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
        ctx.set('Content-Encoding', 'gzip');
        ctx.body = await gzipAsync(body);
      } else {
        ctx.body = body;
      }
    });
  }
  // Browsers ask for it on the hosted page; answering keeps their consoles clean.
  router.get('/favicon.ico', (ctx) => {
    ctx.status = 204;
  });
  return router;
}

/**
 * The hosted page's Content-Security-Policy: our own scripts and styles only (no inline code),
 * Stripe.js and its frames, and any site may frame it (the iframe mode).
 */
export function hostedPagePolicy(stripeJsUrl: string | null): string {
  const stripe = stripeJsUrl
    ? {
        script: new URL(stripeJsUrl).origin,
        frame: new URL(stripeJsUrl).origin,
        connect: new URL(stripeJsUrl).origin,
      }
    : {
        script: 'https://js.stripe.com',
        frame: 'https://js.stripe.com https://hooks.stripe.com',
        connect: 'https://api.stripe.com',
      };
  return [
    "default-src 'self'",
    `script-src 'self' ${stripe.script}`,
    `frame-src ${stripe.frame}`,
    `connect-src 'self' ${stripe.connect}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    'frame-ancestors *',
  ].join('; ');
}
