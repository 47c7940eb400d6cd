import type { Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.payouts`: read-only, from your Stripe Connect account. */
export class Payouts extends Resource {
  list(params?: Query<'/v1/payouts', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/payouts', { query: params, ...options });
  }
}
