import { readFile } from 'node:fs/promises';
import type Router from '@koa/router';
import { CatcherError } from './errors.ts';

const here = new URL('./inbox/', import.meta.url);

/** The page's own files; nothing else in the folder is served. */
const ASSETS: Record<string, string> = {
  'inbox.js': 'application/javascript',
  'tabs.js': 'application/javascript',
  'inbox.css': 'text/css',
};

// Scripts and styles from files only; the message itself is framed from /messages/:id/html.
const PAGE_POLICY = "default-src 'self'; frame-src 'self'; img-src 'self' data:";

function read(file: string): Promise<string> {
  return readFile(new URL(file, here), 'utf8');
}

/** The web inbox at `/` and its assets; files are read at each request, so edits show on reload. */
export function inboxRoutes(router: Router): void {
  router.get('/', async (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', PAGE_POLICY);
    ctx.body = await read('index.html');
  });

  router.get('/assets/:file', async (ctx) => {
    const file = ctx.params.file ?? '';
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) throw new CatcherError(404, 'asset.not_found', `No asset named "${file}"`);
    ctx.type = `${type}; charset=utf-8`;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await read(file);
  });
}
