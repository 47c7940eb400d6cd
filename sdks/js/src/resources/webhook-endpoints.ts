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

  /** Changes its `url`, its `events`, or both. */
  update(id: string, params: Body<'/v1/webhook-endpoints/{id}', 'patch'>, options?: RequestOptions) {
    const init = { pathParams: { id }, body: params, ...options };
    return this.client.request('patch', '/v1/webhook-endpoints/{id}', init);
  }

  /** Queues a signed `ping` to this endpoint only; the answer is its delivery. */
  test(id: string, options?: RequestOptions) {
    return this.client.request('post', '/v1/webhook-endpoints/{id}/test', { pathParams: { id }, ...options });
  }

  /** A new signing `secret`, shown this once; the old one signs nothing more. */
  rotateSecret(id: string, options?: RequestOptions) {
    const init = { pathParams: { id }, ...options };
    return this.client.request('post', '/v1/webhook-endpoints/{id}/rotate-secret', init);
  }

  /** Turns a disabled endpoint back on; what waited for it goes out at once. */
  enable(id: string, options?: RequestOptions) {
    return this.client.request('post', '/v1/webhook-endpoints/{id}/enable', {
      pathParams: { id },
      ...options,
    });
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

  /** Sends a delivery (named by its `eventId`) again now, with the same event id. */
  resendDelivery(id: string, deliveryId: string, options?: RequestOptions) {
    const init = { pathParams: { id, deliveryId }, ...options };
    return this.client.request('post', '/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/resend', init);
  }
}
