import type { Middleware } from 'koa';
import qs from 'qs';
import type { SimState } from './state.ts';
import { invalidRequest } from './stripe-error.ts';

const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw invalidRequest('Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses Stripe's form encoding with bracket notation (`metadata[order]=1`, `expand[0]=x`) into
 * `ctx.state.params`: the query string on GET, the body otherwise, as Stripe reads them.
 */
export function formParams(): Middleware<SimState> {
  return async (ctx, next) => {
    const raw = ctx.method === 'GET' || ctx.method === 'DELETE' ? ctx.querystring : await readBody(ctx.req);
    ctx.state.params = qs.parse(raw, { depth: 5, arrayLimit: 100 });
    await next();
  };
}
