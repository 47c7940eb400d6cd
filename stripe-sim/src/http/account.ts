import type { Middleware } from 'koa';
import { redactKey } from './auth.ts';
import type { SimState } from './state.ts';
import { StripeApiError } from './stripe-error.ts';

/**
 * Stripe Connect's `Stripe-Account` header (stripe-node's `{ stripeAccount }` request option): the
 * connected account a request acts on, or null for the platform's own. Any well-formed `acct_…` is a
 * connected account here; the sim holds each one's objects apart (payouts).
 */
export function connectedAccount(): Middleware<SimState> {
  return async (ctx, next) => {
    const account = ctx.get('stripe-account');
    if (account && !/^acct_\w+$/.test(account)) {
      throw new StripeApiError(403, {
        type: 'invalid_request_error',
        code: 'account_invalid',
        message: `The provided key '${redactKey(ctx.state.caller.key)}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
      });
    }
    ctx.state.account = account || null;
    await next();
  };
}
