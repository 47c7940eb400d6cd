import type { ApiKeyKind, Database, Executor } from '../db/database.ts';
import { type Owner, ownedEventIds } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { type Page, type PageRequest, pageOf } from '../http/pagination.ts';
import type { ActiveKeyCache } from './active-key-cache.ts';
import { type ApiKey, type NewApiKey, toApiKey } from './api-keys.mapper.ts';
import { generateApiKey, type Mode } from './api-keys.ts';
import {
  findApiKey,
  insertApiKey,
  insertPromoter,
  listOwnedApiKeys,
  listPromotersWithActiveKeys,
  promoterExists,
  revokeOwnedApiKey,
} from './promoters.store.ts';

/** The caller's keys in the caller's mode; test and live keys never list each other. */
export async function listApiKeys(db: Executor, owner: Owner, page: PageRequest): Promise<Page<ApiKey>> {
  return pageOf(page, await listOwnedApiKeys(db, owner, page), toApiKey);
}

/**
 * A new key in the caller's mode; its secret is in this answer and nowhere else, ever. Any owner may
 * make an admin key: it reaches only the promoters theirs manages, so without any it is a secret key.
 */
export async function createApiKey(
  db: Executor,
  owner: Owner,
  input: { name?: string | undefined; kind?: ApiKeyKind; eventIds?: string[] | undefined },
): Promise<NewApiKey> {
  const kind = input.kind ?? 'secret';
  const eventIds = input.eventIds && (await ownEvents(db, owner, input.eventIds));
  const secret = generateApiKey(owner.mode, kind);
  const row = await insertApiKey(db, {
    promoterId: owner.promoterId,
    mode: owner.mode,
    secret,
    kind,
    eventIds,
    ...(input.name ? { name: input.name } : {}),
  });
  return { ...toApiKey(row), secret };
}

/** A scanner key's events, once each, all of them the owner's in this mode; else 404 naming the first that is not. */
async function ownEvents(db: Executor, owner: Owner, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const owned = await ownedEventIds(db, owner, unique);
  const missing = ids.findIndex((id) => !owned.has(id));
  if (missing >= 0) {
    throw new ApiError(
      404,
      'event.not_found',
      `No event '${ids[missing]}' belongs to you in ${owner.mode} mode.`,
      `eventIds[${missing}]`,
    );
  }
  return unique;
}

/**
 * Revokes one of the caller's keys; the next request made with it to this process is a 401 (`keys`
 * forgets it), to any other within ACTIVE_KEY_TTL_MS. Revoking the key the request came with is
 * allowed (rotation ends that way), and revoking twice changes nothing. Another promoter's key, or
 * a key of the other mode, is a 404 like a key that does not exist.
 */
export async function revokeApiKey(
  db: Executor,
  owner: Owner,
  id: string,
  keys: Pick<ActiveKeyCache, 'forget'>,
): Promise<ApiKey> {
  const row = await revokeOwnedApiKey(db, owner, id);
  if (!row)
    throw new ApiError(404, 'api_key.not_found', `No API key '${id}' belongs to you in ${owner.mode} mode.`);
  keys.forget(row.id);
  return toApiKey(row);
}

/** A promoter and its first pair of keys, for `npm run entryrate -- promoter create`. */
export async function createPromoterWithKeys(
  db: Database,
  name: string,
): Promise<{ promoterId: string; testKey: string; liveKey: string }> {
  return db.transaction().execute(async (tx) => {
    const promoterId = await insertPromoter(tx, { name });
    const test = await createApiKey(tx, { promoterId, mode: 'test' }, { name: 'First test key' });
    const live = await createApiKey(tx, { promoterId, mode: 'live' }, { name: 'First live key' });
    return { promoterId, testKey: test.secret, liveKey: live.secret };
  });
}

/** A promoter as `npm run entryrate -- promoter list` shows it. */
export interface PromoterSummary {
  id: string;
  name: string;
  createdAt: string;
  /** Keys not revoked, per mode. */
  activeKeys: Record<Mode, number>;
}

/** Every promoter, oldest first, with its working keys counted per mode. */
export async function listPromoters(db: Executor): Promise<PromoterSummary[]> {
  const rows = await listPromotersWithActiveKeys(db);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    activeKeys: { test: Number(row.test_keys), live: Number(row.live_keys) },
  }));
}

/** A new key for any promoter, for `npm run entryrate -- key create`; null when no promoter has this id. */
export async function createApiKeyForPromoter(
  db: Executor,
  promoterId: string,
  input: { mode: Mode; kind?: ApiKeyKind; name?: string | undefined },
): Promise<NewApiKey | null> {
  if (!(await promoterExists(db, promoterId))) return null;
  return createApiKey(
    db,
    { promoterId, mode: input.mode },
    { name: input.name, kind: input.kind ?? 'secret' },
  );
}

/**
 * Revokes any promoter's key by id, for `npm run entryrate -- key revoke`; null when there is no
 * such key. Unlike the API, which answers a second revocation like the first, it says whether the
 * key was revoked already, so an operator who typed the wrong id finds out.
 */
export async function revokeAnyApiKey(
  db: Executor,
  id: string,
): Promise<{ key: ApiKey; promoterId: string; alreadyRevoked: boolean } | null> {
  const found = await findApiKey(db, id);
  if (!found) return null;
  const owner = { promoterId: found.promoter_id, mode: found.mode };
  const row = found.revoked_at ? found : await revokeOwnedApiKey(db, owner, id);
  return { key: toApiKey(row ?? found), promoterId: owner.promoterId, alreadyRevoked: !!found.revoked_at };
}
