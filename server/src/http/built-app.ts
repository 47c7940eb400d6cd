import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'koa';
import { ApiError } from './errors.ts';

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/**
 * A front end Vite built into `dist` (the dashboard, the scanner), served by the API: its hashed
 * files cached for good, its page and other files revalidated on every visit, under `policy`.
 */
export function builtApp(options: { name: string; dist: string; policy: string }) {
  const { name, dist, policy } = options;

  /** Answers a file of the build, `relative` to dist (a name of ours, never a client's path); 404 for anything else. */
  const file = async (ctx: Context, relative: string, { immutable }: { immutable: boolean }) => {
    const type = TYPES[path.extname(relative)];
    const body = type ? await readFile(path.join(dist, relative)).catch(() => null) : null;
    if (!body)
      throw new ApiError(404, 'route.not_found', `There is no ${name} file ${path.basename(relative)}.`);
    ctx.type = type as string;
    ctx.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = body;
  };

  /** The app's index.html, where its own router takes over. */
  const page = async (ctx: Context) => {
    const body = await readFile(path.join(dist, 'index.html')).catch(() => {
      throw new ApiError(404, 'route.not_found', `The ${name} is not built; run \`npm run build\`.`);
    });
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('Content-Security-Policy', policy);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'same-origin');
    ctx.body = body;
  };

  /** A hashed file under assets/ (`:file`). */
  const asset = (ctx: Context & { params: Record<string, string | undefined> }) =>
    file(ctx, path.join('assets', path.basename(ctx.params.file ?? '')), { immutable: true });

  return { page, asset, file };
}
