import type { Context, Next } from 'koa';
import type { Logger } from 'pino';

/** One `debug` line per request: method, path, status, time taken and the request id. */
export function requestLog(options: { logger: Logger }) {
  const { logger } = options;
  return async function logRequest(ctx: Context, next: Next) {
    if (!logger.isLevelEnabled('debug')) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      logger.debug({ ms, requestId: ctx.state.requestId }, `${ctx.method} ${ctx.path} ${ctx.status}`);
    }
  };
}
