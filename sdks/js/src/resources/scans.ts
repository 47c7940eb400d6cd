import type { Body, RequestOptions } from '../types.js';
import { Resource } from './resource.js';

/** `er.scans`: tickets scanned at the door. */
export class Scans extends Resource {
  /** A refused scan is an answer too: `{ valid: false, reason }`. */
  create(params: Body<'/v1/scans', 'post'>, options?: RequestOptions) {
    return this.client.request('post', '/v1/scans', { body: params, ...options });
  }
}
