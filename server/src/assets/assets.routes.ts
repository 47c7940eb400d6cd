import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import { ApiError } from '../http/errors.ts';

const WIDGET_DIST = fileURLToPath(new URL('../../../widget/dist/', import.meta.url));

const ASSETS: Record<string, { file: string; type: string }> = {
  '/widget.js': { file: 'widget.js', type: 'application/javascript; charset=utf-8' },
  '/embed.js': { file: 'embed.js', type: 'application/javascript; charset=utf-8' },
  '/embed.html': { file: 'embed.html', type: 'text/html; charset=utf-8' },
};

/**
 * Serves the built widget (so the three pasted lines point at the API origin) and the hosted
 * page `embed.html`, which is both the iframe mode and the hosted checkout of server-side sessions.
 */
export function assetsRouter(options: { widgetDist?: string } = {}): Router {
  const dist = options.widgetDist ?? WIDGET_DIST;
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
      ctx.body = body;
    });
  }
  return router;
}
