import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { mailedToken } from '../accounts/accounts.schema.ts';
import { emailAddress } from '../lib/email.ts';

export const role = z.enum(ROLES).describe('`owner`, `manager`, `box_office` or `door`.');

export const inviteBody = z
  .object({ email: emailAddress, role })
  .meta({ id: 'InvitationCreate', description: 'Who to invite, and with which role.' });

export const roleBody = z
  .object({ role })
  .meta({ id: 'MemberUpdate', description: "The member's new role." });

export const personIdParam = z.string().regex(/^psn_[0-9a-z_]+$/, 'must be a person id (psn_…)');
export const invitationIdParam = z.string().regex(/^inv_[0-9a-z]+$/, 'must be an invitation id (inv_…)');
export const invitationTokenParam = mailedToken;
