import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** A session as a request sees it, with its person. */
export interface SessionRow {
  id: string;
  person_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  absolute_expires_at: Date;
  email: string;
  name: string;
}

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    tokenHash: string;
    personId: string;
    csrfToken: string;
    expiresAt: Date;
    absoluteExpiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      token_hash: session.tokenHash,
      person_id: session.personId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      absolute_expires_at: session.absoluteExpiresAt,
    })
    .execute();
}

/** The session whose token hashes to `tokenHash`, expired or not (the caller tells them apart). */
export async function findSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select([
      's.id',
      's.person_id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      's.absolute_expires_at',
      'p.email',
      'p.name',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Slides a session's idle expiry (never past its absolute end) in one conditional UPDATE, at most
 * once a minute: the new expiry, or undefined when another request did it within the minute.
 */
export async function touchSession(db: Executor, id: string, idleMinutes: number): Promise<Date | undefined> {
  const row = await db
    .updateTable('sessions')
    .set({
      last_seen_at: sql<Date>`now()`,
      expires_at: sql<Date>`least(now() + make_interval(mins => ${idleMinutes}), absolute_expires_at)`,
    })
    .where('id', '=', id)
    .where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('expires_at')
    .executeTakeFirst();
  return row?.expires_at;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a person (a new password). */
export async function deleteSessionsOf(db: Executor, personId: string): Promise<void> {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute();
}

/** Deletes a person's sessions that have ended, so the table does not grow with every sign-in. */
export async function deleteEndedSessionsOf(db: Executor, personId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('person_id', '=', personId)
    .where('expires_at', '<=', sql<Date>`now()`)
    .execute();
}
