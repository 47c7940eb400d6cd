import { html, type SafeHtml } from './html.ts';
import { button, heading, link, mailLayout, paragraph, plainText, typed } from './layout.ts';
import type { RenderedMail } from './rendered-mail.ts';

// The mails about a person's own account: confirm a sign-up, "you already have one", reset a
// password. Each carries one link, as a button and as a plain URL for clients that drop buttons.

const footer = (email: string) =>
  `Sent to ${email} because someone entered this address on EntryRate. If it was not you, ignore this email.`;

/** One call to action: heading, paragraphs, the button and its URL spelled out. */
function accountMail(mail: {
  to: string;
  subject: string;
  preheader: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  after: string[];
  greeting?: string;
}): RenderedMail {
  const body: SafeHtml = html`
${heading(mail.heading)}
${mail.greeting && paragraph(html`Hi ${typed(mail.greeting)},`)}
${mail.paragraphs.map((p) => paragraph(p))}
${button(mail.action.url, mail.action.label)}
${paragraph(html`Or open this link: ${link(mail.action.url)}`, { muted: true })}
${mail.after.map((p) => paragraph(p, { muted: true }))}`;
  const text = plainText(
    mail.heading,
    mail.greeting ? `Hi ${mail.greeting},` : null,
    ...mail.paragraphs,
    [`${mail.action.label}:`, mail.action.url],
    ...mail.after,
    footer(mail.to),
  );
  return {
    subject: mail.subject,
    text,
    html: mailLayout({ title: mail.subject, preheader: mail.preheader, body, footer: footer(mail.to) }),
    attachments: [],
  };
}

/** The link that turns a sign-up into an account (valid 24 h). */
export function renderSignupConfirmationMail(input: {
  to: string;
  name: string;
  promoterName: string;
  confirmUrl: string;
}): RenderedMail {
  return accountMail({
    to: input.to,
    subject: 'Confirm your EntryRate account',
    preheader: `One click and ${input.promoterName} is ready to sell tickets.`,
    heading: 'Confirm your email',
    greeting: input.name,
    paragraphs: [
      `You're one step from your EntryRate account for ${input.promoterName}. Confirm this address to sign in.`,
    ],
    action: { label: 'Confirm and sign in', url: input.confirmUrl },
    after: ['The link works once, for 24 hours.'],
  });
}

/** The answer to a sign-up with an address that has an account: no second account, but a way in. */
export function renderAccountExistsMail(input: {
  to: string;
  signInUrl: string;
  resetUrl: string;
}): RenderedMail {
  return accountMail({
    to: input.to,
    subject: 'You already have an EntryRate account',
    preheader: 'Sign in, or reset your password if you have forgotten it.',
    heading: 'You already have an account',
    paragraphs: [
      'Someone, probably you, tried to sign up to EntryRate with this address. It has an account already, so no new one was made.',
    ],
    action: { label: 'Sign in', url: input.signInUrl },
    after: [`Forgotten your password? Reset it at ${input.resetUrl}`],
  });
}

/** The link that sets a new password (valid 1 h, once). */
export function renderPasswordResetMail(input: { to: string; name: string; resetUrl: string }): RenderedMail {
  return accountMail({
    to: input.to,
    subject: 'Reset your EntryRate password',
    preheader: 'Choose a new password; the link works for one hour.',
    heading: 'Reset your password',
    greeting: input.name,
    paragraphs: ['Choose a new password for your EntryRate account. Setting it signs you out everywhere.'],
    action: { label: 'Choose a new password', url: input.resetUrl },
    after: ["The link works once, for one hour. Didn't ask for it? Your password stays as it is."],
  });
}

/** An invitation to join a promoter's team with a role (valid 7 days). */
export function renderTeamInvitationMail(input: {
  to: string;
  promoterName: string;
  inviterName: string | null;
  role: string;
  inviteUrl: string;
}): RenderedMail {
  const who = input.inviterName ? `${input.inviterName} invited you` : 'You have been invited';
  return accountMail({
    to: input.to,
    subject: `Join ${input.promoterName} on EntryRate`,
    preheader: `${who} to ${input.promoterName} as ${input.role}.`,
    heading: `Join ${input.promoterName}`,
    paragraphs: [`${who} to the ${input.promoterName} team on EntryRate, as ${input.role}.`],
    action: { label: 'Accept the invitation', url: input.inviteUrl },
    after: ['The invitation works for 7 days. Not expecting it? Ignore this email.'],
  });
}
