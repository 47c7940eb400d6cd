import { z } from 'zod';
import { PERMISSIONS, type Permission, permissionsOf, ROLES } from '../access/roles.ts';
import { utcInstant } from '../lib/dates.ts';
import type { MembershipRow } from './accounts.store.ts';

const permission = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]);

export const personSchema = z
  .object({ id: z.string().describe('`psn_…`'), email: z.email(), name: z.string() })
  .meta({ id: 'Person', description: 'A person who signs in to the dashboard.' });
export type Person = z.infer<typeof personSchema>;

export const membershipSchema = z
  .object({
    promoterId: z.string().describe('`pr_…`: send it as `EntryRate-Promoter` to act for this promoter.'),
    promoterName: z.string(),
    role: z.enum(ROLES),
    permissions: z.array(permission).describe('What the role allows: the dashboard shows only these.'),
    agencyId: z.string().nullable().describe('The agency (`pr_…`) that manages this promoter, if any.'),
  })
  .meta({ id: 'Membership', description: 'A promoter the person belongs to, and their role there.' });

export const sessionSchema = z
  .object({
    person: personSchema,
    memberships: z.array(membershipSchema),
    csrfToken: z
      .string()
      .describe('Send it as `X-CSRF-Token` on every request that changes something (not GET).'),
    expiresAt: utcInstant.describe('When the session ends unless used before (12 h idle, 7 days at most).'),
  })
  .meta({ id: 'Session', description: 'Who is signed in, and where they may act.' });
export type Session = z.infer<typeof sessionSchema>;

export const signupPendingSchema = z
  .object({ status: z.literal('pending'), email: z.email() })
  .meta({ id: 'SignupPending', description: 'A confirmation link is on its way to the address.' });

export const passwordResetSentSchema = z.object({ status: z.literal('sent') }).meta({
  id: 'PasswordResetSent',
  description: 'If the address has an account, a reset link is on its way.',
});

export function toMembership(row: MembershipRow): z.infer<typeof membershipSchema> {
  return {
    promoterId: row.promoter_id,
    promoterName: row.promoter_name,
    role: row.role,
    permissions: permissionsOf(row.role),
    agencyId: row.agency_id,
  };
}

export function toSession(
  session: { person: Person; csrfToken: string; expiresAt: Date },
  memberships: MembershipRow[],
): Session {
  return {
    person: session.person,
    memberships: memberships.map(toMembership),
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}
