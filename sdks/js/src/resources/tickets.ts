import type { RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.tickets`. */
export class Tickets extends Resource {
  retrieve(id: string, options?: RequestOptions) {
    return this.client.request('get', '/v1/tickets/{id}', { pathParams: { id }, ...options });
  }
}
