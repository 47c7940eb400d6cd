import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** A request to count in its bucket's window. */
export interface Hit {
  bucket: string;
  windowStart: Date;
  expiresAt: Date;
}

/** The shared counters as a limiter uses them (tests put theirs in memory). */
export interface CounterStore {
  /** Counts `requests` more in the hit's window and answers the window's count with them. */
  count(hit: Hit, requests: number): Promise<number>;
  /** Deletes expired counters. */
  sweep(): Promise<unknown>;
}

/** The counters in PostgreSQL's `rate_limits`, shared by every process. */
export function counterStore(db: Executor): CounterStore {
  return {
    count: (hit, requests) => countRequest(db, hit, requests),
    sweep: () => deleteExpiredCounters(db),
  };
}

/**
 * Counts one request (or `requests` at once) in its bucket's window and answers the window's count,
 * these included. One statement: concurrent requests, from any process, each see a different count.
 */
export async function countRequest(db: Executor, hit: Hit, requests = 1): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket: hit.bucket, window_start: hit.windowStart, count: requests, expires_at: hit.expiresAt })
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'window_start'])
        .doUpdateSet({ count: sql<number>`rate_limits.count + ${requests}` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/**
 * Deletes counters past their `expires_at`. Rows another sweeper has locked are skipped, so
 * processes sweeping at the same moment neither wait on each other nor deadlock.
 */
export async function deleteExpiredCounters(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('bucket', 'window_start'),
        'in',
        selectFrom('rate_limits')
          .select(['bucket', 'window_start'])
          .where('expires_at', '<', sql<Date>`now()`)
          .forUpdate()
          .skipLocked()
          .$asTuple('bucket', 'window_start'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Takes back one request counted in its window (never below zero): for counters of failures,
 * which count each attempt up front, so parallel attempts cannot slip past, and return the
 * ones that succeeded.
 */
export async function uncountRequest(
  db: Executor,
  hit: { bucket: string; windowStart: Date },
): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ count: sql<number>`greatest(count - 1, 0)` })
    .where('bucket', '=', hit.bucket)
    .where('window_start', '=', hit.windowStart)
    .execute();
}
