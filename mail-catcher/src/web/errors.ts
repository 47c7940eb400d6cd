import type { Middleware } from 'koa';

/** The catcher's one HTTP error: a status and a stable dotted code, rendered as `{ error: { code, message } }`. */
export class CatcherError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Renders every thrown error as JSON; unexpected ones are logged and become a 500 `internal`. */
export function errorHandler(log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const known = err instanceof CatcherError;
      if (!known) log(`internal error on ${ctx.method} ${ctx.path}: ${String(err)}`);
      ctx.status = known ? err.status : 500;
      ctx.body = {
        error: known
          ? { code: err.code, message: err.message }
          : { code: 'internal', message: 'Internal error' },
      };
    }
  };
}

/** Mounted last: a path nothing answered is a JSON 404 too. */
export function unknownRoute(): Middleware {
  return (ctx) => {
    throw new CatcherError(404, 'route.not_found', `Nothing at ${ctx.method} ${ctx.path}`);
  };
}
