import type { Database } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../lib/ids.ts';
import { digestOf, newToken } from '../lib/secrets.ts';
import { createApiKey } from '../promoters/api-keys.service.ts';
import { insertPromoter } from '../promoters/promoters.store.ts';
import { dashboardLinks, queueAccountMail } from './account-mails.ts';
import type { SignupInput } from './accounts.schema.ts';
import {
  findPersonByEmail,
  insertMembership,
  insertPasswordReset,
  insertPerson,
  insertSignup,
  setPasswordHash,
  usePasswordReset,
  useSignup,
} from './accounts.store.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';
import { type StartedSession, startSession } from './sessions.service.ts';
import { deleteSessionsOf } from './sessions.store.ts';

const HOUR = 60 * 60 * 1000;
const SIGNUP_VALID_MS = 24 * HOUR;
const RESET_VALID_MS = HOUR;

export interface AccountOptions {
  publicUrl: string;
  idleMinutes: number;
}

const tokenExpired = (what: string) =>
  new ApiError(
    410,
    'account.token_expired',
    `This ${what} link was used already or has expired; ask for a new one.`,
  );

/**
 * Starts a sign-up: mails a confirmation link, or, for an address with an account, a mail saying
 * so. The answer is the same either way, and the password is hashed either way, so neither the
 * answer nor its timing tells whether the address has an account.
 */
export async function requestSignup(
  db: Database,
  input: SignupInput,
  options: AccountOptions,
): Promise<{ status: 'pending'; email: string }> {
  checkPasswordStrength(input.password);
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const links = dashboardLinks(options.publicUrl);
  const token = newToken();
  await db.transaction().execute(async (tx) => {
    if (await findPersonByEmail(tx, email)) {
      await queueAccountMail(tx, {
        kind: 'account_exists',
        to: email,
        dedupeKey: `account_exists:${digestOf(token)}`,
        payload: { signInUrl: links.signIn, resetUrl: links.forgot },
      });
      return;
    }
    const tokenHash = digestOf(token);
    await insertSignup(tx, {
      token_hash: tokenHash,
      email,
      name: input.name,
      password_hash: passwordHash,
      promoter_name: input.promoterName,
      expires_at: new Date(Date.now() + SIGNUP_VALID_MS),
    });
    await queueAccountMail(tx, {
      kind: 'signup_confirmation',
      to: email,
      dedupeKey: `signup:${tokenHash}`,
      payload: { name: input.name, promoterName: input.promoterName, confirmUrl: links.confirm(token) },
    });
  });
  return { status: 'pending', email };
}

/**
 * Turns a confirmed sign-up into an account: the person, their first promoter with them as its
 * owner, a test key for it (they make the keys they use in Settings), and a session.
 */
export async function confirmSignup(
  db: Database,
  token: string,
  options: AccountOptions,
): Promise<StartedSession> {
  return db.transaction().execute(async (tx) => {
    const signup = await useSignup(tx, digestOf(token));
    if (!signup) throw tokenExpired('confirmation');
    const person = await insertPerson(tx, {
      id: newId('psn'),
      email: signup.email,
      name: signup.name,
      password_hash: signup.password_hash,
    });
    // Two sign-ups of one address, both confirmed: the first made the account.
    if (!person) throw tokenExpired('confirmation');
    const promoterId = await insertPromoter(tx, { name: signup.promoter_name });
    await insertMembership(tx, { personId: person.id, promoterId, role: 'owner' });
    await createApiKey(tx, { promoterId, mode: 'test' }, { name: 'First test key' });
    return startSession(tx, { id: person.id, email: person.email, name: person.name }, options);
  });
}

/** Mails a reset link when the address has an account; the answer never says whether it has. */
export async function requestPasswordReset(
  db: Database,
  email: string,
  options: AccountOptions,
): Promise<{ status: 'sent' }> {
  await db.transaction().execute(async (tx) => {
    const person = await findPersonByEmail(tx, email);
    if (!person) return;
    const token = newToken();
    const tokenHash = digestOf(token);
    await insertPasswordReset(tx, {
      tokenHash,
      personId: person.id,
      expiresAt: new Date(Date.now() + RESET_VALID_MS),
    });
    await queueAccountMail(tx, {
      kind: 'password_reset',
      to: person.email,
      dedupeKey: `password_reset:${tokenHash}`,
      payload: { name: person.name, resetUrl: dashboardLinks(options.publicUrl).reset(token) },
    });
  });
  return { status: 'sent' };
}

/** Sets a new password from a reset link, once, and ends every session of the person. */
export async function confirmPasswordReset(
  db: Database,
  input: { token: string; password: string },
): Promise<void> {
  checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    const personId = await usePasswordReset(tx, digestOf(input.token));
    if (!personId) throw tokenExpired('reset');
    await setPasswordHash(tx, personId, passwordHash);
    await deleteSessionsOf(tx, personId);
  });
}
