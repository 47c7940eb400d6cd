import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.apiKeys`: the keys of the caller's mode, `secret`, `admin` or `scanner` (`kind`, a scanner's `eventIds`), with `lastUsedAt`. */
export class ApiKeys extends Resource {
  list(params?: Query<'/v1/api-keys', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/api-keys', { query: params, ...options });
  }

  /** The answer carries the `secret`, this once. */
  create(params: Body<'/v1/api-keys', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/api-keys', { body: params, ...options });
  }

  revoke(id: string, options?: RequestOptions) {
    return this.client.request('delete', '/v1/api-keys/{id}', { pathParams: { id }, ...options });
  }
}
