import { sessionSchema } from '../accounts/accounts.mapper.ts';
import { exampleSession } from '../accounts/accounts.openapi.ts';
import { acceptInvitationBody } from '../accounts/accounts.schema.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import {
  type Invitation,
  invitationPreviewSchema,
  invitationSchema,
  type Member,
  memberSchema,
  teamSchema,
} from './team.mapper.ts';
import {
  invitationIdParam,
  invitationTokenParam,
  inviteBody,
  personIdParam,
  roleBody,
} from './team.schema.ts';

const tag = 'Team';
const permission = 'team.manage' as const;

const exampleMember: Member = {
  personId: 'psn_9c3v7b1n5m2k8x4z',
  email: 'alex@strange-brew.example',
  name: 'Alex Doe',
  role: 'box_office',
  joinedAt: '2026-04-02T10:00:00.000Z',
};
const exampleInvitation: Invitation = {
  id: 'inv_2m6k0x4c8v1b5n9q',
  email: 'jo@strange-brew.example',
  role: 'door',
  createdAt: '2026-05-20T12:04:31.000Z',
  expiresAt: '2026-05-27T12:04:31.000Z',
};
const memberParams = { personId: personIdParam };
const memberExample = { params: { personId: exampleMember.personId } };
const tokenExample = { params: { token: 'k3m9q2x7w4z8c5v1b6n0p2r4t6y8u0i2a5s7d9f1' } };
const LAST_OWNER = { 404: ['team.member_not_found' as const], 409: ['team.last_owner' as const] };

export const teamDocs: RouteDocs = {
  'GET /v1/team': {
    tag,
    access: 'secretKey',
    permission,
    summary: 'List the team',
    description: 'The members of your promoter with their roles, and the invitations still open.',
    responses: {
      200: {
        description: 'The Team.',
        schema: teamSchema,
        example: { members: [exampleMember], invitations: [exampleInvitation] },
      },
    },
  },
  'POST /v1/team/invitations': {
    tag,
    access: 'secretKey',
    permission,
    summary: 'Invite someone',
    description:
      'Mails a link (`/dashboard/invite?token=…`, valid 7 days) to join with `role`. Inviting an address ' +
      'again replaces its open invitation.',
    body: inviteBody,
    example: { body: { email: exampleInvitation.email, role: exampleInvitation.role } },
    responses: {
      201: { description: 'The Invitation.', schema: invitationSchema, example: exampleInvitation },
    },
    errors: { 409: ['team.already_member'] },
  },
  'DELETE /v1/team/invitations/:id': {
    tag,
    access: 'secretKey',
    permission,
    summary: 'Revoke an invitation',
    description: 'Its link stops working.',
    params: { id: invitationIdParam },
    example: { params: { id: exampleInvitation.id } },
    responses: {
      200: { description: 'The revoked Invitation.', schema: invitationSchema, example: exampleInvitation },
    },
    errors: { 404: ['team.invitation_not_found'] },
  },
  'PATCH /v1/team/members/:personId': {
    tag,
    access: 'secretKey',
    permission,
    summary: "Change a member's role",
    description: 'The promoter always keeps an owner: the last one cannot become anything else.',
    params: memberParams,
    body: roleBody,
    example: { ...memberExample, body: { role: 'manager' } },
    responses: {
      200: {
        description: 'The Member.',
        schema: memberSchema,
        example: { ...exampleMember, role: 'manager' },
      },
    },
    errors: LAST_OWNER,
  },
  'DELETE /v1/team/members/:personId': {
    tag,
    access: 'secretKey',
    permission,
    summary: 'Remove a member',
    description: 'They can no longer act for your promoter. The last owner cannot be removed.',
    params: memberParams,
    example: memberExample,
    responses: { 200: { description: 'The removed Member.', schema: memberSchema, example: exampleMember } },
    errors: LAST_OWNER,
  },
  'GET /v1/invitations/:token': {
    tag,
    access: 'public',
    summary: 'Read an invitation',
    description:
      'What the link offers, and whether the invited email has an account (sign in) or not (choose a password).',
    params: { token: invitationTokenParam },
    example: tokenExample,
    responses: {
      200: {
        description: 'The InvitationPreview.',
        schema: invitationPreviewSchema,
        example: {
          promoterName: 'Strange Brew',
          email: exampleInvitation.email,
          role: exampleInvitation.role,
          expiresAt: exampleInvitation.expiresAt,
          hasAccount: false,
        },
      },
    },
    errors: { 410: ['invitation.expired'] },
  },
  'POST /v1/invitations/:token/accept': {
    tag,
    access: 'public',
    summary: 'Accept an invitation',
    description:
      'Signed in (cookie and `X-CSRF-Token`) as the invited email: joins the team, `200` with your Session. ' +
      'Signed out, and the email has no account: send `name` and `password`; the account is made, joins ' +
      'and is signed in, `201` with a new Session and its cookie. Signed out with an account: sign in first.',
    params: { token: invitationTokenParam },
    body: acceptInvitationBody,
    example: { ...tokenExample, body: { name: 'Jo Bloggs', password: 'four words make strong' } },
    responses: {
      200: {
        description: 'Joined: the Session, with the new membership.',
        schema: sessionSchema,
        example: exampleSession,
      },
      201: {
        description: 'A new account, joined and signed in.',
        schema: sessionSchema,
        example: exampleSession,
      },
    },
    errors: {
      401: ['invitation.sign_in_required'],
      403: ['auth.csrf_failed', 'invitation.wrong_person'],
      410: ['invitation.expired'],
      422: ['account.weak_password'],
    },
  },
};
