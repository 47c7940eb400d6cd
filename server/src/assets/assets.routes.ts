import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import { ApiError } from '../http/errors.ts';

const WIDGET_DIST = fileURLToPath(new URL('../../../widget/dist/', import.meta.url));

/** Serves the built widget, so the three pasted lines point at the API origin. */
export function assetsRouter(options: { widgetDist?: string } = {}): Router {
  const dist = options.widgetDist ?? WIDGET_DIST;
  const router = new Router();
  router.get('/widget.js', async (ctx) => {
    const script = await readFile(`${dist}/widget.js`).catch(() => {
      throw new ApiError(404, 'route.not_found', 'widget.js is not built; run `npm run build`.');
    });
    ctx.type = 'application/javascript; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=300');
    // Any site may load the widget, including pages that add crossorigin to their script tags.
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = script;
  });
  return router;
}
