import type { Body, Query, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.events`: your events, their tiers, publishing and cancelling. */
export class Events extends Resource {
  /** A page of your events; `for await` walks every page. Filters: status, cityId, from, to, q. */
  list(params?: Query<'/v1/events', 'get'>, options?: RequestOptions) {
    return this.client.list('/v1/events', { query: params, ...options });
  }

  /** An event by id or slug, with its tiers, scans and lowest price. */
  retrieve(idOrSlug: string, options?: RequestOptions) {
    return this.client.request('get', '/v1/events/{id}', { pathParams: { id: idOrSlug }, ...options });
  }

  /** Sales per tier and per day (the venue's days), money in minor units, and door counts; id or slug. */
  stats(idOrSlug: string, options?: RequestOptions) {
    return this.client.request('get', '/v1/events/{id}/stats', { pathParams: { id: idOrSlug }, ...options });
  }

  /** The lines that embed the event's checkout in a page (`mode`, `theme`, `tier`), and its preview's address. */
  embed(idOrSlug: string, params?: Query<'/v1/events/{id}/embed', 'get'>, options?: RequestOptions) {
    return this.client.request('get', '/v1/events/{id}/embed', {
      pathParams: { id: idOrSlug },
      query: params,
      ...options,
    });
  }

  /** Door counts: per tier, tickets that may enter and tickets scanned in, and the latest scan. */
  doorCounts(idOrSlug: string, options?: RequestOptions) {
    return this.client.request('get', '/v1/events/{id}/door', { pathParams: { id: idOrSlug }, ...options });
  }

  /** What a scanner downloads before doors: every ticket with its admission, and the keys that check codes offline. */
  scanManifest(idOrSlug: string, options?: RequestOptions) {
    return this.client.request('get', '/v1/events/{id}/scan-manifest', {
      pathParams: { id: idOrSlug },
      ...options,
    });
  }

  /** A draft event with its tiers. */
  create(params: Body<'/v1/events', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/events', { body: params, ...options });
  }

  /** Changes only what `params` names. */
  update(id: string, params: Body<'/v1/events/{id}', 'patch'>, options?: RequestOptions) {
    return this.client.request('patch', '/v1/events/{id}', { pathParams: { id }, body: params, ...options });
  }

  /** Puts the event on sale; `{ network: false }` keeps it off the storefront. */
  publish(id: string, params?: Body<'/v1/events/{id}/publish', 'post'>, options?: RequestOptions) {
    const init = { pathParams: { id }, body: params, ...options };
    return this.client.request('post', '/v1/events/{id}/publish', init);
  }

  cancel(id: string, options?: RequestOptions) {
    return this.client.request('post', '/v1/events/{id}/cancel', { pathParams: { id }, ...options });
  }
}
