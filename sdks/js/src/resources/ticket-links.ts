import type { Body, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.ticketLinks` (public): mails a fresh ticket page link for every order of an address. */
export class TicketLinks extends Resource {
  create(params: Body<'/v1/ticket-links', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/ticket-links', { body: params, ...options });
  }
}
