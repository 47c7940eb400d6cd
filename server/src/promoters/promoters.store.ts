import type { Executor } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import { hashApiKey, type Mode } from './api-keys.ts';

export interface AuthenticatedKey {
  keyId: string;
  promoterId: string;
  mode: Mode;
}

/** Finds the promoter behind a live (not revoked) key, by its hash. */
export async function findActiveKey(db: Executor, key: string): Promise<AuthenticatedKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'promoter_id', 'mode'])
    .where('key_hash', '=', hashApiKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { keyId: row.id, promoterId: row.promoter_id, mode: row.mode };
}

export async function insertPromoter(db: Executor, promoter: { id?: string; name: string }): Promise<string> {
  const id = promoter.id ?? newId('pr');
  await db.insertInto('promoters').values({ id, name: promoter.name }).execute();
  return id;
}

export async function promoterExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('promoters').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function insertApiKey(
  db: Executor,
  key: { promoterId: string; mode: Mode; secret: string; name?: string },
): Promise<string> {
  const id = newId('key');
  await db
    .insertInto('api_keys')
    .values({
      id,
      promoter_id: key.promoterId,
      mode: key.mode,
      key_hash: hashApiKey(key.secret),
      last4: key.secret.slice(-4),
      name: key.name ?? null,
    })
    .execute();
  return id;
}
