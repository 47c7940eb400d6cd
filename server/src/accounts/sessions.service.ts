import type { Executor } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../lib/ids.ts';
import { digestOf, newToken } from '../lib/secrets.ts';
import { type Person, type Session, toSession } from './accounts.mapper.ts';
import { findPersonByEmail, listMembershipsOf } from './accounts.store.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { deleteEndedSessionsOf, deleteSession, insertSession } from './sessions.store.ts';

/** However often it is used, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/** A session as a request holds it (`ctx.state.session`). */
export interface RequestSession {
  id: string;
  personId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A session just started: the token for the cookie (never stored), and the answer. */
export interface StartedSession {
  token: string;
  cookieExpires: Date;
  session: Session;
}

/** Signs a person in: a new session, its cookie token and CSRF token. */
export async function startSession(
  db: Executor,
  person: Person,
  options: { idleMinutes: number },
): Promise<StartedSession> {
  const now = Date.now();
  const absolute = new Date(now + SESSION_ABSOLUTE_MS);
  const expiresAt = new Date(Math.min(now + options.idleMinutes * 60_000, absolute.getTime()));
  const token = newToken();
  const csrfToken = newToken();
  await deleteEndedSessionsOf(db, person.id);
  await insertSession(db, {
    id: newId('ses'),
    tokenHash: digestOf(token),
    personId: person.id,
    csrfToken,
    expiresAt,
    absoluteExpiresAt: absolute,
  });
  const memberships = await listMembershipsOf(db, person.id);
  return {
    token,
    cookieExpires: absolute,
    session: toSession({ person, csrfToken, expiresAt }, memberships),
  };
}

/**
 * Checks an email and password and signs the person in. A wrong password and an unknown email
 * get the same answer in about the same time (an unknown email is checked against a dummy hash).
 */
export async function signIn(
  db: Executor,
  input: { email: string; password: string },
  options: { idleMinutes: number },
): Promise<StartedSession> {
  const person = await findPersonByEmail(db, input.email);
  const valid = person
    ? await verifyPassword(input.password, person.password_hash)
    : await verifyAgainstDummy(input.password);
  if (!person || !valid) {
    throw new ApiError(401, 'auth.invalid_credentials', 'The email or password is wrong.');
  }
  return startSession(db, { id: person.id, email: person.email, name: person.name }, options);
}

/** The signed-in person's session answer, with their memberships as they are now. */
export async function describeSession(
  db: Executor,
  person: Person,
  session: RequestSession,
): Promise<Session> {
  return toSession({ person, ...session }, await listMembershipsOf(db, person.id));
}

export async function signOut(db: Executor, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
