import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { eventIdParam } from '../events/events.schema.ts';
import { authOf, permit } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { embedChoice, previewQuery } from './embed.schema.ts';
import { embedSnippet, eventEmbed } from './embed.service.ts';

/**
 * The preview page's policy: only the dashboard may frame it. What runs inside is the widget as on
 * any promoter's page, so the rest is as open as such a page would be.
 */
export function previewPolicy(publicUrl: string): string {
  return [`frame-ancestors ${new URL(publicUrl).origin}`, "base-uri 'none'", "object-src 'none'"].join('; ');
}

/**
 * An event's embed code (`GET /v1/events/:id/embed`), and its live preview (`GET /preview`): a page
 * holding exactly those lines, served on the preview origin (PREVIEW_URL) only. That origin is not
 * the dashboard's, so the widget in the dashboard's sandboxed frame can no more reach the
 * dashboard's cookies or pages than it could from the promoter's own site.
 */
export function embedRouter({ db, config }: AppDeps): Router {
  const router = new Router();
  const previewHost = config.previewUrl ? new URL(config.previewUrl).host : null;

  router.get('/v1/events/:id/embed', permit('events.read'), async (ctx) => {
    const id = parse(eventIdParam, ctx.params.id, 'id');
    ctx.body = await eventEmbed(db, config, authOf(ctx), id, parse(embedChoice, ctx.query));
  });

  router.get('/preview', async (ctx) => {
    if (!previewHost || ctx.host !== previewHost) {
      throw new ApiError(
        404,
        'route.not_found',
        config.previewUrl
          ? `The embed preview is served on ${config.previewUrl} only.`
          : 'There is no embed preview without a second origin: set PREVIEW_URL.',
      );
    }
    const { event, ...choice } = parse(previewQuery, ctx.query);
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', previewPolicy(config.publicUrl));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    const scheme = { light: 'light', dark: 'dark', auto: 'light dark' }[choice.theme];
    ctx.body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${scheme}">
<title>Embed preview</title>
</head>
<body>
${embedSnippet(new URL(config.publicUrl).origin, event, choice)}
</body>
</html>
`;
  });
  return router;
}
