import { type Insertable, type Selectable, sql } from 'kysely';
import type { Role } from '../access/roles.ts';
import type { Executor, InvitationsTable } from '../db/database.ts';

export type InvitationRow = Selectable<InvitationsTable>;

/** A member with their person's email and name. */
export interface MemberRow {
  person_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

const members = (db: Executor, promoterId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'p.email', 'p.name', 'm.role', 'm.created_at'])
    .where('m.promoter_id', '=', promoterId);

/** The promoter's members, owners first, then by name. */
export async function listMembers(db: Executor, promoterId: string): Promise<MemberRow[]> {
  return members(db, promoterId)
    .orderBy(sql`m.role = 'owner'`, 'desc')
    .orderBy('p.name')
    .orderBy('m.person_id')
    .execute();
}

export async function findMember(
  db: Executor,
  promoterId: string,
  personId: string,
): Promise<MemberRow | undefined> {
  return members(db, promoterId).where('m.person_id', '=', personId).executeTakeFirst();
}

export async function findMemberByEmail(
  db: Executor,
  promoterId: string,
  email: string,
): Promise<MemberRow | undefined> {
  return members(db, promoterId).where('p.email', '=', email.toLowerCase()).executeTakeFirst();
}

/**
 * Locks the promoter's owner memberships (in one order, so two changes cannot deadlock) and
 * answers who they are: a concurrent change of an owner waits, then sees this one's outcome.
 */
export async function lockOwners(db: Executor, promoterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('promoter_id', '=', promoterId)
    .where('role', '=', 'owner')
    .orderBy('person_id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.person_id);
}

export async function updateMemberRole(
  db: Executor,
  promoterId: string,
  personId: string,
  role: Role,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('promoter_id', '=', promoterId)
    .where('person_id', '=', personId)
    .execute();
}

export async function deleteMember(db: Executor, promoterId: string, personId: string): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('promoter_id', '=', promoterId)
    .where('person_id', '=', personId)
    .execute();
}

const open = (db: Executor) =>
  db
    .selectFrom('invitations')
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`);

/** Invitations not yet accepted, revoked or expired, newest first. */
export async function listOpenInvitations(db: Executor, promoterId: string): Promise<InvitationRow[]> {
  return open(db)
    .selectAll()
    .where('promoter_id', '=', promoterId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertInvitation(
  db: Executor,
  invitation: Insertable<InvitationsTable>,
): Promise<InvitationRow> {
  return db.insertInto('invitations').values(invitation).returningAll().executeTakeFirstOrThrow();
}

/** Revokes the open invitation of an address (expired ones too), so a new one can replace it. */
export async function revokeInvitationsOf(db: Executor, promoterId: string, email: string): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ revoked_at: sql<Date>`now()` })
    .where('promoter_id', '=', promoterId)
    .where('email', '=', email.toLowerCase())
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes one open invitation of the promoter; undefined when there is none by that id. */
export async function revokeInvitation(
  db: Executor,
  promoterId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  return db
    .updateTable('invitations')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('promoter_id', '=', promoterId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** An open invitation by its token's hash, with its promoter's name. */
export async function findOpenInvitation(
  db: Executor,
  tokenHash: string,
): Promise<(InvitationRow & { promoter_name: string }) | undefined> {
  return open(db)
    .innerJoin('promoters', 'promoters.id', 'invitations.promoter_id')
    .selectAll('invitations')
    .select('promoters.name as promoter_name')
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks an open invitation accepted, once: false when another request accepted it first. */
export async function markAccepted(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .updateTable('invitations')
    .set({ accepted_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
