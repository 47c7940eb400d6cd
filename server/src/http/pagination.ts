import { z } from 'zod';

/**
 * `?page=&limit=` of every list endpoint: page from 1, limit 1 to 100 (20 by default). Features
 * `.extend()` it with their filters, so one `parse` names any bad field (`page`, `limit`, …).
 */
export const pageQuery = z.object({
  page: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').default(1),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .default(20),
});
export type PageRequest = z.infer<typeof pageQuery>;

/** What a store answers for one page: its rows, and how many rows match the same filters in all. */
export interface PageOfRows<T> {
  rows: T[];
  total: number;
}

/** The list shape of the seeds: `{ data, pagination: { page, limit, total, pages } }`. */
export interface Page<T> {
  data: T[];
  pagination: { page: number; limit: number; total: number; pages: number };
}

/** How many rows a store skips for this page. */
export function offsetOf(page: PageRequest): number {
  return (page.page - 1) * page.limit;
}

/** Builds the list response from a store's page, mapping each row to its API object. */
export function pageOf<R, T>(request: PageRequest, result: PageOfRows<R>, map: (row: R) => T): Page<T> {
  return {
    data: result.rows.map(map),
    pagination: {
      page: request.page,
      limit: request.limit,
      total: result.total,
      pages: Math.ceil(result.total / request.limit),
    },
  };
}
