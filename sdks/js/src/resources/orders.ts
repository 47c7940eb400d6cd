import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.orders`: orders with their tickets, refunds and the tickets mail. */
export class Orders extends Resource {
  /** Filters: eventId, status, buyerEmail. */
  list(params?: Query<'/v1/orders', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/orders', { query: params, ...options });
  }

  retrieve(id: string, options?: RequestOptions) {
    return this.client.request('get', '/v1/orders/{id}', { pathParams: { id }, ...options });
  }

  /** Refunds `{ amount }` (minor units), or all that is left when there is none. */
  refund(id: string, params?: Body<'/v1/orders/{id}/refund', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/orders/{id}/refund', {
      pathParams: { id },
      body: params,
      ...options,
    });
  }

  /** Sends the tickets mail again, to `{ email }` when given. */
  resend(id: string, params?: Body<'/v1/orders/{id}/resend', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/orders/{id}/resend', {
      pathParams: { id },
      body: params,
      ...options,
    });
  }
}
