import type { Person, Session } from '../accounts/accounts.mapper.ts';
import type { AcceptInvitationInput } from '../accounts/accounts.schema.ts';
import { findPersonByEmail, insertMembership, insertPerson } from '../accounts/accounts.store.ts';
import { checkPasswordStrength, hashPassword } from '../accounts/passwords.ts';
import {
  describeSession,
  type RequestSession,
  type StartedSession,
  startSession,
} from '../accounts/sessions.service.ts';
import type { Database, Executor } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../lib/ids.ts';
import { digestOf } from '../lib/secrets.ts';
import type { InvitationPreview } from './team.mapper.ts';
import { findOpenInvitation, type InvitationRow, markAccepted } from './team.store.ts';

const expired = () =>
  new ApiError(
    410,
    'invitation.expired',
    'This invitation was used, revoked or has expired; ask for a new one.',
  );

async function openInvitation(db: Executor, token: string) {
  const invitation = await findOpenInvitation(db, digestOf(token));
  if (!invitation) throw expired();
  return invitation;
}

/** What an invitation link offers; only its mail's reader has the token, so this tells them nothing new. */
export async function previewInvitation(db: Executor, token: string): Promise<InvitationPreview> {
  const invitation = await openInvitation(db, token);
  return {
    promoterName: invitation.promoter_name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: new Date(invitation.expires_at).toISOString(),
    hasAccount: (await findPersonByEmail(db, invitation.email)) !== undefined,
  };
}

/** A signed-in person's acceptance (their session goes on), or a new account's (a new session). */
export type Accepted = { joined: Session } | { created: StartedSession };

/**
 * Accepts an invitation. Signed in as the invited email: joins. Signed out with no account for
 * the email: the token proves the address, so the account is made with `name` and `password`,
 * joins and is signed in. Signed out with an account: sign in first. Signed in as someone else: no.
 */
export async function acceptInvitation(
  db: Database,
  token: string,
  signedIn: { person: Person; session: RequestSession } | undefined,
  input: AcceptInvitationInput,
  options: { idleMinutes: number },
): Promise<Accepted> {
  if (!signedIn && input.password !== undefined) checkPasswordStrength(input.password);
  const passwordHash = !signedIn && input.password !== undefined ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (tx) => {
    const invitation = await openInvitation(tx, token);
    if (signedIn) {
      if (signedIn.person.email !== invitation.email) {
        throw new ApiError(
          403,
          'invitation.wrong_person',
          `This invitation is for ${invitation.email}; you are signed in as ${signedIn.person.email}.`,
        );
      }
      await join(tx, invitation, signedIn.person.id);
      return { joined: await describeSession(tx, signedIn.person, signedIn.session) };
    }
    if (await findPersonByEmail(tx, invitation.email)) {
      throw new ApiError(
        401,
        'invitation.sign_in_required',
        `${invitation.email} has an account: sign in, then accept the invitation.`,
      );
    }
    if (!input.name) throw new ApiError(400, 'request.invalid', 'name: tell your team who you are.', 'name');
    if (!passwordHash) throw new ApiError(400, 'request.invalid', 'password: choose a password.', 'password');
    const person = await insertPerson(tx, {
      id: newId('psn'),
      email: invitation.email,
      name: input.name,
      password_hash: passwordHash,
    });
    if (!person)
      throw new ApiError(
        401,
        'invitation.sign_in_required',
        `${invitation.email} has an account: sign in first.`,
      );
    await join(tx, invitation, person.id);
    const created = await startSession(
      tx,
      { id: person.id, email: person.email, name: person.name },
      options,
    );
    return { created };
  });
}

/** Uses the invitation once and makes the person a member with its role. */
async function join(tx: Executor, invitation: InvitationRow, personId: string): Promise<void> {
  if (!(await markAccepted(tx, invitation.id))) throw expired();
  await insertMembership(tx, { personId, promoterId: invitation.promoter_id, role: invitation.role });
}
