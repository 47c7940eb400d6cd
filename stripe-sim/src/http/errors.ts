import type { Middleware } from 'koa';
import { StripeApiError, type StripeErrorBody } from './stripe-error.ts';

export interface RenderedError {
  status: number;
  body: { error: StripeErrorBody };
}

/** The one place an error becomes a response; unknown errors are a 500 api_error, as Stripe answers them. */
export function renderError(err: unknown): RenderedError {
  if (err instanceof StripeApiError) return { status: err.status, body: { error: err.body } };
  return { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } };
}

/** Renders every thrown error in Stripe's `{ error }` shape and logs the unexpected ones. */
export function errorHandler(log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (!(err instanceof StripeApiError))
        log(`internal error on ${ctx.method} ${ctx.path}: ${String(err)}`);
      const { status, body } = renderError(err);
      ctx.status = status;
      ctx.body = body;
    }
  };
}

/** Stripe's answer to a path or method it does not know; mounted last under /v1. */
export function unrecognizedUrl(): Middleware {
  return (ctx) => {
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${ctx.method}: ${ctx.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  };
}
