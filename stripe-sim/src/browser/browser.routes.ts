import { readFile } from 'node:fs/promises';
import type Router from '@koa/router';
import type { SimState } from '../http/state.ts';
import { buildStripeJs } from './bundle.ts';

const here = new URL('./', import.meta.url);

/** The frames' pages, by path. */
const PAGES: Record<string, string> = {
  '/elements/payment': 'payment-frame.html',
  '/elements/controller': 'controller-frame.html',
  '/elements/challenge': 'challenge.html',
};

/** The files those pages load; nothing else in this folder is served. */
const ASSETS: Record<string, string> = {
  'payment-frame.js': 'application/javascript',
  'controller-frame.js': 'application/javascript',
  'challenge.js': 'application/javascript',
  'frame-api.js': 'application/javascript',
  'messages.js': 'application/javascript',
  'card-rules.js': 'application/javascript',
  'payment-frame.css': 'text/css',
  'challenge.css': 'text/css',
};

// The frames talk only to the sim itself; any page may embed them, as any site may embed Stripe's.
const FRAME_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors *";

function read(file: string): Promise<string> {
  return readFile(new URL(file, here), 'utf8');
}

/**
 * The Stripe.js stand-in at `/js/v3` and the pages of its frames under `/elements/`. Files are read at each
 * request (no caching), so edits show on reload.
 */
export function browserRoutes(router: Router<SimState>): void {
  router.get(['/js/v3', '/js/v3/'], async (ctx) => {
    ctx.type = 'application/javascript; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await buildStripeJs();
  });

  router.get(Object.keys(PAGES), async (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', FRAME_POLICY);
    ctx.body = await read(PAGES[ctx.path] as string);
  });

  router.get('/elements/assets/:file', async (ctx) => {
    const file = ctx.params.file ?? '';
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return;
    ctx.type = `${type}; charset=utf-8`;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await read(file);
  });
}
