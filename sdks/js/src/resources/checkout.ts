import type { EntryRate } from '../client.js';
import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/**
 * `er.checkout.sessions` (public): a session holds the tickets until it is paid. Without a secret
 * key, each call after `create` needs the session's `clientSecret`.
 */
export class CheckoutSessions extends Resource {
  create(params: Body<'/v1/checkout/sessions', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/checkout/sessions', { body: params, ...options });
  }

  retrieve(id: string, params?: Query<'/v1/checkout/sessions/{id}', 'get'>, options?: RequestOptions) {
    return this.client.request('get', '/v1/checkout/sessions/{id}', {
      pathParams: { id },
      query: params,
      ...options,
    });
  }

  /** Changes an open session's tickets. */
  update(id: string, params: Body<'/v1/checkout/sessions/{id}', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/checkout/sessions/{id}', {
      pathParams: { id },
      body: params,
      ...options,
    });
  }

  /** The PaymentIntent to confirm with Stripe.js; a free session completes here. */
  pay(id: string, params?: Body<'/v1/checkout/sessions/{id}/payment', 'post'>, options?: RequestOptions) {
    const init = { pathParams: { id }, body: params, ...options };
    return this.client.request('post', '/v1/checkout/sessions/{id}/payment', init);
  }

  /** Releases the held tickets. */
  cancel(id: string, params?: Body<'/v1/checkout/sessions/{id}/cancel', 'post'>, options?: RequestOptions) {
    const init = { pathParams: { id }, body: params, ...options };
    return this.client.request('post', '/v1/checkout/sessions/{id}/cancel', init);
  }

  /** Asks the worker to settle the session with Stripe again, after it gave up. */
  settle(id: string, options?: RequestOptions) {
    return this.client.request('post', '/v1/checkout/sessions/{id}/settle', {
      pathParams: { id },
      ...options,
    });
  }
}

/** `er.checkout`. */
export class Checkout {
  readonly sessions: CheckoutSessions;

  constructor(client: EntryRate) {
    this.sessions = new CheckoutSessions(client);
  }
}
