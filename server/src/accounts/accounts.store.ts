import { type Insertable, type Selectable, sql } from 'kysely';
import type { Role } from '../access/roles.ts';
import type { Executor, PersonsTable, SignupsTable } from '../db/database.ts';

export type PersonRow = Selectable<PersonsTable>;
export type SignupRow = Selectable<SignupsTable>;

/** A membership with what the session answer shows of its promoter. */
export interface MembershipRow {
  promoter_id: string;
  promoter_name: string;
  agency_id: string | null;
  role: Role;
}

/** The person with this email (compared lower-cased, as stored). */
export async function findPersonByEmail(db: Executor, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a person; undefined when the email has an account already (a race of two confirmations). */
export async function insertPerson(
  db: Executor,
  person: Insertable<PersonsTable>,
): Promise<PersonRow | undefined> {
  return db
    .insertInto('persons')
    .values({ ...person, email: person.email.toLowerCase() })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function setPasswordHash(db: Executor, personId: string, passwordHash: string): Promise<void> {
  await db.updateTable('persons').set({ password_hash: passwordHash }).where('id', '=', personId).execute();
}

/** Makes the person a member with `role`; a membership that exists already is kept as it is. */
export async function insertMembership(
  db: Executor,
  membership: { personId: string; promoterId: string; role: Role },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ person_id: membership.personId, promoter_id: membership.promoterId, role: membership.role })
    .onConflict((oc) => oc.columns(['person_id', 'promoter_id']).doNothing())
    .execute();
}

/** The person's role at the promoter, or undefined when they are not a member. */
export async function findRole(
  db: Executor,
  personId: string,
  promoterId: string,
): Promise<Role | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('person_id', '=', personId)
    .where('promoter_id', '=', promoterId)
    .executeTakeFirst();
  return row?.role;
}

/** Every promoter the person belongs to, by name. */
export async function listMembershipsOf(db: Executor, personId: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('promoters as p', 'p.id', 'm.promoter_id')
    .select(['m.promoter_id', 'p.name as promoter_name', 'p.agency_id', 'm.role'])
    .where('m.person_id', '=', personId)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

export async function insertSignup(db: Executor, signup: Insertable<SignupsTable>): Promise<void> {
  await db.insertInto('signups').values(signup).execute();
}

/** Uses a sign-up's token once: the row, or undefined when it is unknown, used or expired. */
export async function useSignup(db: Executor, tokenHash: string): Promise<SignupRow | undefined> {
  return db
    .updateTable('signups')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

export async function insertPasswordReset(
  db: Executor,
  reset: { tokenHash: string; personId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ token_hash: reset.tokenHash, person_id: reset.personId, expires_at: reset.expiresAt })
    .execute();
}

/**
 * Uses a reset token once and ends every other open one of its person (a reset is a reset):
 * the person's id, or undefined when the token is unknown, used or expired.
 */
export async function usePasswordReset(db: Executor, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .updateTable('password_resets')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('person_id')
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .updateTable('password_resets')
    .set({ used_at: sql<Date>`now()` })
    .where('person_id', '=', row.person_id)
    .where('used_at', 'is', null)
    .execute();
  return row.person_id;
}
