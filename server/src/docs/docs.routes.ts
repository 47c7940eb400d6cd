import Router from '@koa/router';
import { ERROR_CODES } from '../http/errors.ts';
import { escapeHtml } from '../lib/html.ts';

/** The page every error's `docs` link points at: each code with an anchor and its meaning. */
export function docsRouter(): Router {
  const rows = Object.entries(ERROR_CODES)
    .map(
      ([code, meaning]) =>
        `<tr id="${code}"><td><code>${code}</code></td><td>${escapeHtml(meaning)}</td></tr>`,
    )
    .join('\n');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>EntryRate API errors</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #ddd;padding:.5rem;vertical-align:top}
tr:target{background:#fff4c2}code{font-size:.95em}</style></head><body>
<h1 id="errors">Errors</h1>
<p>Every error is <code>{ "error": { "code", "message", "param", "docs", "requestId" } }</code> with an HTTP
status. Codes are stable; messages are for people and may change. Every endpoint is in the
<a href="/docs/api">API reference</a> (and the <a href="/v1/openapi.json">OpenAPI document</a>).</p>
<table><tbody>
${rows}
</tbody></table></body></html>`;

  const router = new Router();
  router.get('/docs', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = page;
  });
  return router;
}
