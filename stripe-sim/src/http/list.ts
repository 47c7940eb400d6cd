import { optionalInteger, optionalString, type Params } from './params.ts';
import { invalidRequest } from './stripe-error.ts';

/** The list parameters every Stripe list endpoint takes. */
export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'expand'];

/** Stripe's list object, as the SDK's auto-pagination reads it. */
export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * One page of a list kept newest first, as Stripe pages it: `limit` (1 to 100, default 10), then
 * `starting_after` (older than that id) or `ending_before` (newer than it, the page nearest to it).
 */
export function listPage<T extends { id: string }>(
  newestFirst: T[],
  params: Params,
  url: string,
): ListObject<T> {
  const limit = optionalInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest('limit must be between 1 and 100.', 'limit');
  const startingAfter = optionalString(params, 'starting_after');
  const endingBefore = optionalString(params, 'ending_before');
  if (startingAfter && endingBefore) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.');
  }
  const cursor = endingBefore ?? startingAfter;
  const index = cursor === undefined ? -1 : newestFirst.findIndex((item) => item.id === cursor);
  if (cursor !== undefined && index === -1) return { object: 'list', data: [], has_more: false, url };
  if (endingBefore) {
    const newer = newestFirst.slice(0, index);
    return { object: 'list', data: newer.slice(-limit), has_more: newer.length > limit, url };
  }
  const older = newestFirst.slice(index + 1);
  return { object: 'list', data: older.slice(0, limit), has_more: older.length > limit, url };
}
