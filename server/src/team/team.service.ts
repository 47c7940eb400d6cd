import type { Principal } from '../access/principal.ts';
import type { Role } from '../access/roles.ts';
import { dashboardLinks, queueAccountMail } from '../accounts/account-mails.ts';
import { findPerson } from '../accounts/accounts.store.ts';
import type { Database, Executor } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../lib/ids.ts';
import { digestOf, newToken } from '../lib/secrets.ts';
import { findPromoter } from '../promoters/promoters.store.ts';
import { type Invitation, type Member, type Team, toInvitation, toMember } from './team.mapper.ts';
import {
  deleteMember,
  findMember,
  findMemberByEmail,
  insertInvitation,
  listMembers,
  listOpenInvitations,
  lockOwners,
  revokeInvitationsOf,
  revokeInvitation as revokeOpenInvitation,
  updateMemberRole,
} from './team.store.ts';

const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;

/** The promoter's members and open invitations. */
export async function getTeam(db: Executor, principal: Principal): Promise<Team> {
  const [members, invitations] = await Promise.all([
    listMembers(db, principal.promoterId),
    listOpenInvitations(db, principal.promoterId),
  ]);
  return { members: members.map(toMember), invitations: invitations.map(toInvitation) };
}

/**
 * Invites an address with a role and mails it the link (valid 7 days). Inviting an address again
 * replaces its open invitation, so the latest mail and role are the ones that work.
 */
export async function inviteMember(
  db: Database,
  principal: Principal,
  input: { email: string; role: Role },
  options: { publicUrl: string },
): Promise<Invitation> {
  const email = input.email.toLowerCase();
  return db.transaction().execute(async (tx) => {
    if (await findMemberByEmail(tx, principal.promoterId, email)) {
      throw new ApiError(409, 'team.already_member', `${email} is a member of this team already.`, 'email');
    }
    await revokeInvitationsOf(tx, principal.promoterId, email);
    const token = newToken();
    const row = await insertInvitation(tx, {
      id: newId('inv'),
      promoter_id: principal.promoterId,
      email,
      role: input.role,
      token_hash: digestOf(token),
      invited_by: principal.personId,
      expires_at: new Date(Date.now() + INVITATION_VALID_MS),
    });
    const inviter = principal.personId ? await findPerson(tx, principal.personId) : undefined;
    await queueAccountMail(tx, {
      kind: 'team_invitation',
      to: email,
      dedupeKey: `invitation:${row.id}`,
      payload: {
        promoterName: (await findPromoter(tx, principal.promoterId))?.name ?? '',
        inviterName: inviter?.name ?? null,
        role: input.role,
        inviteUrl: dashboardLinks(options.publicUrl).invite(token),
      },
    });
    return toInvitation(row);
  });
}

/** Revokes an open invitation: its link stops working. */
export async function revokeInvitation(db: Executor, principal: Principal, id: string): Promise<Invitation> {
  const row = await revokeOpenInvitation(db, principal.promoterId, id);
  if (!row) {
    throw new ApiError(404, 'team.invitation_not_found', `No open invitation '${id}' belongs to this team.`);
  }
  return toInvitation(row);
}

/** Gives a member another role; the last owner cannot stop being one. */
export async function changeRole(
  db: Database,
  principal: Principal,
  personId: string,
  role: Role,
): Promise<Member> {
  return db.transaction().execute(async (tx) => {
    const member = await lockedMember(
      tx,
      principal,
      personId,
      role === 'owner' ? null : 'change the role of',
    );
    await updateMemberRole(tx, principal.promoterId, personId, role);
    return toMember({ ...member, role });
  });
}

/** Removes a member from the team; the last owner cannot be removed. */
export async function removeMember(db: Database, principal: Principal, personId: string): Promise<Member> {
  return db.transaction().execute(async (tx) => {
    const member = await lockedMember(tx, principal, personId, 'remove');
    await deleteMember(tx, principal.promoterId, personId);
    return toMember(member);
  });
}

/**
 * The member, after locking the owners so that two changes cannot together leave none; with
 * `losingOwner` (what is being done, for the message) refuses when they are the last owner.
 */
async function lockedMember(
  tx: Executor,
  principal: Principal,
  personId: string,
  losingOwner: string | null,
) {
  const owners = await lockOwners(tx, principal.promoterId);
  const member = await findMember(tx, principal.promoterId, personId);
  if (!member) {
    throw new ApiError(404, 'team.member_not_found', `No member '${personId}' belongs to this team.`);
  }
  if (losingOwner && member.role === 'owner' && owners.length <= 1) {
    throw new ApiError(
      409,
      'team.last_owner',
      `You cannot ${losingOwner} the last owner: make another member an owner first.`,
    );
  }
  return member;
}
