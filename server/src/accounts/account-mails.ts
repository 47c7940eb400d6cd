import type { MailConfig } from '../config.ts';
import type { Executor, MailKind } from '../db/database.ts';
import type { ComposedMail } from '../mail/mail.delivery.ts';
import { type ClaimedMail, countMailsTo } from '../mail/mail.outbox.store.ts';
import { enqueueMail } from '../mail/mail.outbox.ts';
import {
  renderAccountExistsMail,
  renderPasswordResetMail,
  renderSignupConfirmationMail,
  renderTeamInvitationMail,
} from '../mail/templates/account-mail.ts';
import type { RenderedMail } from '../mail/templates/rendered-mail.ts';

// The payload carries the mail's link, token included, until it is sent: the token is useless
// once used or expired (1 h to 7 days), and the mail itself holds it anyway.

/** The mails about accounts and teams; the buyer mail composer hands these kinds here. */
export const ACCOUNT_MAIL_KINDS = [
  'signup_confirmation',
  'account_exists',
  'password_reset',
  'team_invitation',
] as const satisfies readonly MailKind[];
type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];

export const isAccountMail = (kind: MailKind): kind is AccountMailKind =>
  (ACCOUNT_MAIL_KINDS as readonly MailKind[]).includes(kind);

/** However often a form is sent, one address gets at most this many mails of a kind an hour. */
const PER_HOUR = 5;

interface Payloads {
  signup_confirmation: { name: string; promoterName: string; confirmUrl: string };
  account_exists: { signInUrl: string; resetUrl: string };
  password_reset: { name: string; resetUrl: string };
  team_invitation: { promoterName: string; inviterName: string | null; role: string; inviteUrl: string };
}

/**
 * Queues an account mail in the caller's transaction, once per `dedupeKey`. Nothing is queued
 * past PER_HOUR of its kind to the address, so the forms cannot be used to flood someone's inbox
 * (the caller answers the same either way).
 */
export async function queueAccountMail<K extends AccountMailKind>(
  tx: Executor,
  mail: { kind: K; to: string; dedupeKey: string; payload: Payloads[K] },
): Promise<void> {
  const recipient = mail.to.toLowerCase();
  const since = new Date(Date.now() - 60 * 60 * 1000);
  if ((await countMailsTo(tx, recipient, mail.kind, since)) >= PER_HOUR) return;
  await enqueueMail(tx, {
    kind: mail.kind,
    orderId: null,
    recipient,
    dedupeKey: mail.dedupeKey,
    payload: mail.payload,
  });
}

const roleLabel = (role: string) => role.replace(/_/g, ' ');

/** Renders a queued account mail from its payload, from the configured sender. */
export function composeAccountMail(mail: ClaimedMail, from: MailConfig['from']): ComposedMail {
  const to = mail.recipient;
  const kind = mail.kind as AccountMailKind;
  let rendered: RenderedMail;
  switch (kind) {
    case 'signup_confirmation':
      rendered = renderSignupConfirmationMail({ to, ...(mail.payload as Payloads[typeof kind]) });
      break;
    case 'account_exists':
      rendered = renderAccountExistsMail({ to, ...(mail.payload as Payloads[typeof kind]) });
      break;
    case 'password_reset':
      rendered = renderPasswordResetMail({ to, ...(mail.payload as Payloads[typeof kind]) });
      break;
    case 'team_invitation': {
      const payload = mail.payload as Payloads[typeof kind];
      rendered = renderTeamInvitationMail({ to, ...payload, role: roleLabel(payload.role) });
      break;
    }
  }
  return { ...rendered, from };
}

/** The dashboard pages the mailed links open. */
export const dashboardLinks = (publicUrl: string) => ({
  confirm: (token: string) => `${publicUrl}/dashboard/confirm?token=${token}`,
  reset: (token: string) => `${publicUrl}/dashboard/reset?token=${token}`,
  invite: (token: string) => `${publicUrl}/dashboard/invite?token=${token}`,
  signIn: `${publicUrl}/dashboard/signin`,
  forgot: `${publicUrl}/dashboard/reset`,
});
