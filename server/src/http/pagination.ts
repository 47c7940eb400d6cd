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

export const paginationSchema = z
  .object({
    page: z.number().int().min(1).describe('This page, from 1.'),
    limit: z.number().int().min(1).max(100).describe('Items per page.'),
    total: z.number().int().min(0).describe('Items matching the filters, on every page.'),
    pages: z.number().int().min(0).describe('Pages in all (0 when nothing matches).'),
  })
  .meta({ id: 'Pagination', description: 'Where a page stands in its list.' });

/** The list shape of the seeds: `{ data, pagination: { page, limit, total, pages } }`. */
export interface Page<T> {
  data: T[];
  pagination: z.infer<typeof paginationSchema>;
}

/** The schema of a page of `item`s, named `id` (`EventPage`) in the OpenAPI document. */
export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ data: z.array(item), pagination: paginationSchema })
    .meta({ id, description: 'One page of the list, and where it stands in it.' });
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
