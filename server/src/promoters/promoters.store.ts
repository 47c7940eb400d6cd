import { type Selectable, sql } from 'kysely';
import type { Principal } from '../access/principal.ts';
import type { ApiKeyKind, ApiKeysTable, Executor, PromotersTable } from '../db/database.ts';
import { fetchPage } from '../db/paging.ts';
import type { Owner } from '../events/events.store.ts';
import type { PageOfRows, PageRequest } from '../http/pagination.ts';
import { newId } from '../lib/ids.ts';
import { hashApiKey, type Mode } from './api-keys.ts';

export type ApiKeyRow = Selectable<ApiKeysTable>;

/** A working key as `authenticate` needs it: the Principal it acts as by default, and its kind. */
export interface ActiveKey extends Principal {
  kind: ApiKeyKind;
  lastUsedAt: Date | null;
}

/**
 * Finds the promoter behind a live (not revoked) key, by its hash; a key acts as its owner, a
 * scanner key as door staff of its events.
 */
export async function findActiveKey(db: Executor, key: string): Promise<ActiveKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'promoter_id', 'mode', 'kind', 'last_used_at', 'event_ids'])
    .where('key_hash', '=', hashApiKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      promoterId: row.promoter_id,
      mode: row.mode,
      // A scanner key holds what door staff hold: scanning and door counts (access/roles.ts).
      role: row.kind === 'scanner' ? 'door' : 'owner',
      callerId: row.id,
      keyId: row.id,
      personId: null,
      ...(row.kind === 'scanner' ? { scannerKey: true } : {}),
      ...(row.event_ids ? { eventIds: row.event_ids } : {}),
      kind: row.kind,
      lastUsedAt: row.last_used_at,
    }
  );
}

/**
 * Records that a key was used, unless it was within the last minute: one conditional UPDATE, so
 * many processes and concurrent requests write at most about once a minute per key.
 */
export async function touchApiKey(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('last_used_at', 'is', null),
        eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute();
}

/** Whether `agencyId` may act for `promoterId`: it is that promoter, or the agency managing it. */
export async function managesPromoter(db: Executor, agencyId: string, promoterId: string): Promise<boolean> {
  if (agencyId === promoterId) return true;
  const row = await db
    .selectFrom('promoters')
    .select('id')
    .where('id', '=', promoterId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}

export type PromoterRow = Selectable<PromotersTable>;

export async function insertPromoter(
  db: Executor,
  promoter: { id?: string; name: string; agencyId?: string | null },
): Promise<string> {
  const id = promoter.id ?? newId('pr');
  await db
    .insertInto('promoters')
    .values({ id, name: promoter.name, agency_id: promoter.agencyId ?? null })
    .execute();
  return id;
}

export async function findPromoter(db: Executor, id: string): Promise<PromoterRow | undefined> {
  return db.selectFrom('promoters').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The promoters `agencyId` manages, oldest first. */
export async function listManagedPromoters(
  db: Executor,
  agencyId: string,
  page: PageRequest,
): Promise<PageOfRows<PromoterRow>> {
  const managed = db.selectFrom('promoters').where('agency_id', '=', agencyId);
  return fetchPage(managed, (q) => q.selectAll().orderBy('created_at').orderBy('id'), page);
}

export async function promoterExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('promoters').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Every promoter, oldest first, with how many of its keys of each mode still work. */
export async function listPromotersWithActiveKeys(db: Executor) {
  return db
    .selectFrom('promoters')
    .leftJoin('api_keys', (join) =>
      join.onRef('api_keys.promoter_id', '=', 'promoters.id').on('api_keys.revoked_at', 'is', null),
    )
    .select((eb) => [
      'promoters.id',
      'promoters.name',
      'promoters.created_at',
      eb.fn.count<string>('api_keys.id').filterWhere('api_keys.mode', '=', 'test').as('test_keys'),
      eb.fn.count<string>('api_keys.id').filterWhere('api_keys.mode', '=', 'live').as('live_keys'),
    ])
    .groupBy('promoters.id')
    .orderBy('promoters.created_at')
    .orderBy('promoters.id')
    .execute();
}

export async function insertApiKey(
  db: Executor,
  key: {
    promoterId: string;
    mode: Mode;
    secret: string;
    kind?: ApiKeyKind;
    name?: string;
    eventIds?: string[] | undefined;
  },
): Promise<ApiKeyRow> {
  return db
    .insertInto('api_keys')
    .values({
      id: newId('key'),
      promoter_id: key.promoterId,
      mode: key.mode,
      key_hash: hashApiKey(key.secret),
      last4: key.secret.slice(-4),
      kind: key.kind ?? 'secret',
      name: key.name ?? null,
      event_ids: key.eventIds ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The promoter's keys in one mode, newest first; revoked ones included, with when. */
export async function listOwnedApiKeys(
  db: Executor,
  owner: Owner,
  page: PageRequest,
): Promise<PageOfRows<ApiKeyRow>> {
  const owned = db
    .selectFrom('api_keys')
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode);
  return fetchPage(owned, (q) => q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), page);
}

export async function findOwnedApiKey(
  db: Executor,
  owner: Owner,
  id: string,
): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', id)
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .executeTakeFirst();
}

/** Any promoter's key by id: for the operator's CLI; the API only ever reads the caller's own. */
export async function findApiKey(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Revokes one of the promoter's keys; revoking it again keeps the first `revoked_at`. */
export async function revokeOwnedApiKey(
  db: Executor,
  owner: Owner,
  id: string,
): Promise<ApiKeyRow | undefined> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where('revoked_at', 'is', null)
    .execute();
  return findOwnedApiKey(db, owner, id);
}

/** How many live keys still work, of every promoter. */
export async function countActiveLiveKeys(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .where('mode', '=', 'live')
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
