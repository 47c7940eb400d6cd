import { performance } from 'node:perf_hooks';
import type { Context, Next } from 'koa';

/**
 * Says how long the server spent on each response, `Server-Timing: app;dur=1.234` (ms), so a
 * client, a load test or browser devtools can tell server time from network time. Goes first, so
 * it times every other middleware and the errors they render; the time to write the body is not in it.
 */
export function serverTiming(options: { metric?: string } = {}) {
  const metric = options.metric ?? 'app';
  return async function timeResponse(ctx: Context, next: Next) {
    const started = performance.now();
    await next();
    ctx.set('Server-Timing', `${metric};dur=${(performance.now() - started).toFixed(3)}`);
  };
}
