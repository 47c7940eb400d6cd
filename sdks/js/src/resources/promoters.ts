import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.promoters`: the promoters yours manages, as an agency (its admin keys act for them). */
export class Promoters extends Resource {
  /** A promoter managed by the caller's promoter. */
  create(params: Body<'/v1/promoters', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/promoters', { body: params, ...options });
  }

  list(params?: Query<'/v1/promoters', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/promoters', { query: params, ...options });
  }
}
