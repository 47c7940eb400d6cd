import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.webhookEndpoints`: where events are sent, and how each delivery went. */
export class WebhookEndpoints extends Resource {
  list(params?: Query<'/v1/webhook-endpoints', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/webhook-endpoints', { query: params, ...options });
  }

  /** The answer carries the signing `secret`, this once. */
  create(params: Body<'/v1/webhook-endpoints', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/webhook-endpoints', { body: params, ...options });
  }

  delete(id: string, options?: RequestOptions) {
    return this.client.request('delete', '/v1/webhook-endpoints/{id}', { pathParams: { id }, ...options });
  }

  listDeliveries(
    id: string,
    params?: Query<'/v1/webhook-endpoints/{id}/deliveries', 'get'>,
    options?: RequestOptions,
  ) {
    const init = { pathParams: { id }, query: params, ...options };
    return this.client.list('/v1/webhook-endpoints/{id}/deliveries', init);
  }
}
