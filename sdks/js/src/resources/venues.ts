import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.venues`. */
export class Venues extends Resource {
  list(params?: Query<'/v1/venues', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/venues', { query: params, ...options });
  }

  retrieve(id: string, options?: RequestOptions) {
    return this.client.request('get', '/v1/venues/{id}', { pathParams: { id }, ...options });
  }

  create(params: Body<'/v1/venues', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/venues', { body: params, ...options });
  }
}
