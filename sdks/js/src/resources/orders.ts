import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.orders`: orders with their tickets, refunds and the tickets mail. */
export class Orders extends Resource {
  /** Filters: eventId, status, buyerEmail, q (an order id, or part of the buyer's email). */
  list(params?: Query<'/v1/orders', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/orders', { query: params, ...options });
  }

  /**
   * Every order that passes the list's filters (not one page), newest first, as CSV text: a
   * header row, then one row per order, amounts in major units (`12.00`).
   */
  exportCsv(params?: Query<'/v1/orders/export', 'get'>, options?: RequestOptions) {
    return this.client.text('/v1/orders/export', { query: params, accept: 'text/csv', ...options });
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
