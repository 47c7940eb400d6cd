import type { Middleware } from 'koa';
import type { SimState } from './state.ts';
import { authenticationError } from './stripe-error.ts';

/** Who is calling: a server with a secret key, or a browser with a publishable key (which also needs a client secret). */
export type Caller = { kind: 'secret'; key: string } | { kind: 'publishable'; key: string };

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

/** The key from `Authorization: Bearer …` (stripe-node), Basic auth (curl -u), or Stripe.js's `key` parameter. */
function keyFrom(authorization: string | undefined, keyParam: unknown): string | undefined {
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
    return decoded.split(':')[0];
  }
  return typeof keyParam === 'string' ? keyParam : undefined;
}

/** Shows a key in logs and messages the way Stripe does: prefix and last four only. */
export function redactKey(key: string): string {
  const prefix = key.match(/^[a-z]+_[a-z]+_/)?.[0] ?? '';
  return `${prefix}****${key.slice(-4)}`;
}

/** Accepts any `sk_test_…` or `pk_test_…` key; anything else is Stripe's 401. */
export function authenticate(): Middleware<SimState> {
  return async (ctx, next) => {
    const key = keyFrom(ctx.get('authorization') || undefined, ctx.state.params.key);
    if (!key) throw authenticationError(NO_KEY);
    if (/^sk_test_\w+$/.test(key)) ctx.state.caller = { kind: 'secret', key };
    else if (/^pk_test_\w+$/.test(key)) ctx.state.caller = { kind: 'publishable', key };
    else throw authenticationError(`Invalid API Key provided: ${redactKey(key)}`);
    delete ctx.state.params.key;
    await next();
  };
}

/** Endpoints a browser may not call: Stripe answers a publishable key there with this 401. */
export function requireSecretKey(caller: Caller): void {
  if (caller.kind !== 'secret') {
    throw authenticationError(
      'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
    );
  }
}
