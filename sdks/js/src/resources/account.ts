import type { RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.account`: who you are, and the state of your Stripe Connect account. */
export class Account extends Resource {
  /** `stripeAccount` is null while no Stripe account is connected. */
  retrieve(options?: RequestOptions) {
    return this.client.request('get', '/v1/account', { ...options });
  }
}
