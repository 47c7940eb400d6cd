import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { utcInstant } from '../lib/dates.ts';
import type { InvitationRow, MemberRow } from './team.store.ts';

export const memberSchema = z
  .object({
    personId: z.string().describe('`psn_…`'),
    email: z.email(),
    name: z.string(),
    role: z.enum(ROLES),
    joinedAt: utcInstant,
  })
  .meta({ id: 'Member', description: "A person in the promoter's team, and their role." });
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z
  .object({
    id: z.string().describe('`inv_…`'),
    email: z.email(),
    role: z.enum(ROLES),
    createdAt: utcInstant,
    expiresAt: utcInstant,
  })
  .meta({ id: 'Invitation', description: 'An invitation mailed to join the team with a role.' });
export type Invitation = z.infer<typeof invitationSchema>;

export const teamSchema = z
  .object({
    members: z.array(memberSchema),
    invitations: z.array(invitationSchema).describe('Open ones only.'),
  })
  .meta({ id: 'Team', description: "The promoter's members and open invitations." });
export type Team = z.infer<typeof teamSchema>;

export const invitationPreviewSchema = z
  .object({
    promoterName: z.string(),
    email: z.email(),
    role: z.enum(ROLES),
    expiresAt: utcInstant,
    hasAccount: z
      .boolean()
      .describe('Whether the invited email has an account: sign in, or choose a password.'),
  })
  .meta({ id: 'InvitationPreview', description: 'What an invitation link offers.' });
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export function toMember(row: MemberRow): Member {
  return {
    personId: row.person_id,
    email: row.email,
    name: row.name,
    role: row.role,
    joinedAt: new Date(row.created_at).toISOString(),
  };
}

export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}
