import { randomBytes } from 'node:crypto';
import type { Context, Next } from 'koa';

/** Gives every request a `req_…` id (or keeps a sane incoming `X-Request-Id`) and echoes it back. */
export function requestId(options: { header?: string } = {}) {
  const header = options.header ?? 'X-Request-Id';
  return async function assignRequestId(ctx: Context, next: Next) {
    const incoming = ctx.get(header);
    const id = /^[\w-]{8,64}$/.test(incoming) ? incoming : `req_${randomBytes(12).toString('hex')}`;
    ctx.state.requestId = id;
    ctx.set(header, id);
    await next();
  };
}
