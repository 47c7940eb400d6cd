import { z } from 'zod';
import { emailAddress } from '../lib/email.ts';
import { PASSWORD_MAX_LENGTH } from './passwords.ts';

/** A password as the API takes it; its strength is the service's rule (`account.weak_password`). */
export const newPassword = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .describe('At least 12 characters; a few words make a strong one.');

const personName = z.string().trim().min(1, 'must not be empty').max(200);

/** A token from a link we mailed. */
export const mailedToken = z
  .string()
  .regex(/^[0-9a-z]{20,100}$/, 'must be the token from the link we mailed');

export const signupBody = z
  .object({
    email: emailAddress,
    name: personName.describe('Your name, as your team sees it.'),
    password: newPassword,
    promoterName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200)
      .describe('Your promoter, venue or label.'),
  })
  .meta({ id: 'SignupCreate', description: 'A new account and its first promoter, confirmed by mail.' });
export type SignupInput = z.infer<typeof signupBody>;

export const tokenBody = z
  .object({ token: mailedToken })
  .meta({ id: 'SignupConfirm', description: 'The token of the confirmation link.' });

export const signInBody = z
  .object({ email: emailAddress, password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH) })
  .meta({ id: 'SessionCreate', description: 'Your email and password.' });

export const passwordResetBody = z
  .object({ email: emailAddress })
  .meta({ id: 'PasswordResetCreate', description: 'The email of the account.' });

export const passwordResetConfirmBody = z
  .object({ token: mailedToken, password: newPassword })
  .meta({ id: 'PasswordResetConfirm', description: 'The token of the reset link, and the new password.' });

export const acceptInvitationBody = z
  .object({
    name: personName.optional().describe('Needed when you have no account yet.'),
    password: newPassword.optional().describe('Needed when you have no account yet.'),
  })
  .meta({ id: 'InvitationAccept', description: 'Without an account: your name and a password.' });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationBody>;
