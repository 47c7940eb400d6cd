import Router from '@koa/router';
import { ROUTE_DOCS, WEBHOOK_REQUEST_DOCS } from './openapi.docs.ts';
import { buildOpenApiDocument, mountedRoutes } from './openapi.document.ts';
import { renderApiReference } from './openapi.page.ts';

/** The OpenAPI document of these routers, as `GET /v1/openapi.json` serves it. */
export function openApiDocumentOf(routers: readonly Router[], publicUrl: string): Record<string, unknown> {
  return buildOpenApiDocument({
    routes: mountedRoutes(routers),
    docs: ROUTE_DOCS,
    webhooks: WEBHOOK_REQUEST_DOCS,
    serverUrl: publicUrl,
  });
}

/**
 * `GET /v1/openapi.json` and the readable reference `GET /docs/api`, both built once, on first
 * request, from the routers mounted on the app (`routers()`), so every route appears in them.
 */
export function openapiRouter(options: { routers: () => readonly Router[]; publicUrl: string }): Router {
  let built: { json: string; html: string } | undefined;
  const build = () => {
    if (!built) {
      const document = openApiDocumentOf(options.routers(), options.publicUrl);
      built = { json: JSON.stringify(document), html: renderApiReference(document) };
    }
    return built;
  };

  const router = new Router();
  router.get('/v1/openapi.json', (ctx) => {
    ctx.type = 'application/json; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = build().json;
  });
  router.get('/docs/api', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = build().html;
  });
  return router;
}
