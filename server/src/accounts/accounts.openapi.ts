import { permissionsOf } from '../access/roles.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import type { Session } from './accounts.mapper.ts';
import { passwordResetSentSchema, sessionSchema, signupPendingSchema } from './accounts.mapper.ts';
import {
  passwordResetBody,
  passwordResetConfirmBody,
  signInBody,
  signupBody,
  tokenBody,
} from './accounts.schema.ts';

const tag = 'Accounts';
const exampleToken = 'k3m9q2x7w4z8c5v1b6n0p2r4t6y8u0i2a5s7d9f1';
const password = 'four words make strong';

export const exampleSession: Session = {
  person: { id: 'psn_4n8b2v6c1x9z3m7k', email: 'sam@strange-brew.example', name: 'Sam Jones' },
  memberships: [
    {
      promoterId: 'pr_7d2k9m4x1c8v5b3n',
      promoterName: 'Strange Brew',
      role: 'owner',
      permissions: permissionsOf('owner'),
      agencyId: null,
    },
  ],
  csrfToken: 'p0o9i8u7y6t5r4e3w2q1a2s3d4f5g6h7j8k9l0zx',
  expiresAt: '2026-05-20T23:04:31.000Z',
};

const COOKIE =
  'Sets the `er_session` cookie (httpOnly, SameSite=Lax, Secure outside development). Send ' +
  '`csrfToken` as `X-CSRF-Token` on every request that changes something, and `EntryRate-Promoter` ' +
  '(one of `memberships`) with `EntryRate-Mode` (`test` by default) to act for a promoter.';

export const accountsDocs: RouteDocs = {
  'POST /v1/signups': {
    tag,
    access: 'public',
    summary: 'Sign up',
    description:
      'Mails a confirmation link (`/dashboard/confirm?token=…`, valid 24 h) to the address. An address ' +
      'that has an account gets a mail saying so instead, and the answer is the same: it never tells ' +
      'whether an address has an account. The password is at least 12 characters.',
    body: signupBody,
    example: {
      body: { email: 'sam@strange-brew.example', name: 'Sam Jones', password, promoterName: 'Strange Brew' },
    },
    responses: {
      202: {
        description: 'A mail is on its way.',
        schema: signupPendingSchema,
        example: { status: 'pending', email: 'sam@strange-brew.example' },
      },
    },
    errors: { 403: ['auth.csrf_failed'], 422: ['account.weak_password'] },
  },
  'POST /v1/signups/confirm': {
    tag,
    access: 'public',
    summary: 'Confirm a sign-up',
    description:
      'Makes the account, its first promoter (you are its owner) with a test key you never see (make your own in Settings → API keys), and signs you in. ' +
      COOKIE,
    body: tokenBody,
    example: { body: { token: exampleToken } },
    responses: { 201: { description: 'The Session.', schema: sessionSchema, example: exampleSession } },
    errors: { 403: ['auth.csrf_failed'], 410: ['account.token_expired'] },
  },
  'POST /v1/sessions': {
    tag,
    access: 'public',
    summary: 'Sign in',
    description:
      `${COOKIE} A wrong email and a wrong password get the same answer. After 5 failures for an email in ` +
      '15 minutes each attempt is slowed (up to 5 s); after 10, attempts are refused until the window ends.',
    body: signInBody,
    example: { body: { email: 'sam@strange-brew.example', password } },
    responses: { 201: { description: 'The Session.', schema: sessionSchema, example: exampleSession } },
    errors: {
      401: ['auth.invalid_credentials'],
      403: ['auth.csrf_failed'],
      429: ['auth.too_many_attempts'],
    },
  },
  'GET /v1/session': {
    tag,
    access: 'session',
    summary: 'Read the session',
    description:
      'Who is signed in, their promoters and roles, and the CSRF token. Using a session keeps it alive (12 h idle, 7 days at most).',
    responses: { 200: { description: 'The Session.', schema: sessionSchema, example: exampleSession } },
    errors: { 401: ['auth.missing_session', 'auth.session_expired'] },
  },
  'DELETE /v1/session': {
    tag,
    access: 'session',
    summary: 'Sign out',
    description:
      'Ends the session and clears its cookie. Signing out when signed out already is not an error.',
    responses: { 204: { description: 'Signed out.' } },
    errors: { 403: ['auth.csrf_failed'] },
  },
  'POST /v1/password-resets': {
    tag,
    access: 'public',
    summary: 'Ask for a password reset',
    description:
      'Mails a reset link (`/dashboard/reset?token=…`, valid 1 h, once) when the address has an account; ' +
      'the answer is the same when it has none.',
    body: passwordResetBody,
    example: { body: { email: 'sam@strange-brew.example' } },
    responses: {
      202: {
        description: 'Sent, if the account exists.',
        schema: passwordResetSentSchema,
        example: { status: 'sent' },
      },
    },
    errors: { 403: ['auth.csrf_failed'] },
  },
  'POST /v1/password-resets/confirm': {
    tag,
    access: 'public',
    summary: 'Set a new password',
    description:
      'Uses the reset link once and ends every session of the account: sign in with the new password.',
    body: passwordResetConfirmBody,
    example: { body: { token: exampleToken, password } },
    responses: { 204: { description: 'The password is changed.' } },
    errors: { 403: ['auth.csrf_failed'], 410: ['account.token_expired'], 422: ['account.weak_password'] },
  },
};
