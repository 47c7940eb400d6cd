import { type SelectQueryBuilder, sql } from 'kysely';
import { offsetOf, type PageOfRows, type PageRequest } from '../http/pagination.ts';

/**
 * One page of a filtered query and the count of every row it matches, in parallel: `select` adds
 * the columns and the order to the filtered query; the count reuses its filters as they are.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  select: (query: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
): Promise<PageOfRows<O>> {
  const [rows, count] = await Promise.all([
    select(filtered).limit(page.limit).offset(offsetOf(page)).execute(),
    // Kysely cannot see a column of a generic query's selection, though it is there.
    filtered.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow() as Promise<{
      total: string;
    }>,
  ]);
  return { rows, total: Number(count.total) };
}
