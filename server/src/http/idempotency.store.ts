import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface StoredKey {
  fingerprint: string;
  statusCode: number | null;
  responseBody: unknown;
}

/**
 * Claims (scope, key) for a new request. A row older than the retention window, or one left
 * unfinished by a crashed process, is taken over. Returns true when this request owns the key.
 */
export async function claimKey(
  db: Executor,
  claim: {
    scope: string;
    key: string;
    fingerprint: string;
    retentionHours: number;
    abandonAfterSeconds: number;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('idempotency_keys')
    .values({ scope: claim.scope, key: claim.key, fingerprint: claim.fingerprint })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'key'])
        .doUpdateSet({
          fingerprint: claim.fingerprint,
          status_code: null,
          response_body: null,
          completed_at: null,
          created_at: sql`now()`,
        })
        .where((eb) =>
          eb.or([
            eb(
              'idempotency_keys.created_at',
              '<',
              sql<Date>`now() - make_interval(hours => ${claim.retentionHours})`,
            ),
            eb.and([
              eb('idempotency_keys.completed_at', 'is', null),
              eb(
                'idempotency_keys.created_at',
                '<',
                sql<Date>`now() - make_interval(secs => ${claim.abandonAfterSeconds})`,
              ),
            ]),
          ]),
        ),
    )
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findKey(db: Executor, scope: string, key: string): Promise<StoredKey | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status_code', 'response_body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && { fingerprint: row.fingerprint, statusCode: row.status_code, responseBody: row.response_body }
  );
}

export async function completeKey(
  db: Executor,
  done: { scope: string; key: string; statusCode: number; responseBody: unknown },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({
      status_code: done.statusCode,
      response_body: JSON.stringify(done.responseBody ?? null),
      completed_at: sql`now()`,
    })
    .where('scope', '=', done.scope)
    .where('key', '=', done.key)
    .execute();
}

export async function releaseKey(db: Executor, scope: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).execute();
}
