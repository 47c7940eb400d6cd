import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../test/order-views.ts';
import {
  renderAccountExistsMail,
  renderPasswordResetMail,
  renderSignupConfirmationMail,
  renderTeamInvitationMail,
} from './account-mail.ts';

const confirmUrl = 'http://localhost:4000/dashboard/confirm?token=abc123';

describe('account mails', () => {
  it('carry their link as a button and as plain text, in both parts', () => {
    const mail = renderSignupConfirmationMail({
      to: 'sam@example.com',
      name: 'Sam',
      promoterName: 'Basement Nights',
      confirmUrl,
    });
    expect(mail.subject).toBe('Confirm your EntryRate account');
    expect(mail.text).toContain(`Confirm and sign in:\n${confirmUrl}\n`);
    expect(mail.html).toContain(`href="${confirmUrl}"`);
    expect(visibleText(mail.html)).toContain('The link works once, for 24 hours.');
    expect(mail.html).toContain('prefers-color-scheme: dark');
  });

  it('escapes what people typed', () => {
    const mail = renderTeamInvitationMail({
      to: 'jo@example.com',
      promoterName: '<b>Club</b>',
      inviterName: 'Sam & Co',
      role: 'box office',
      inviteUrl: 'http://localhost:4000/dashboard/invite?token=t',
    });
    expect(mail.html).not.toContain('<b>Club</b>');
    expect(mail.html).toContain('&lt;b&gt;Club&lt;/b&gt;');
    expect(mail.text).toContain('Sam & Co invited you to the <b>Club</b> team on EntryRate, as box office.');
  });

  it('tell an existing account how to get in, and a reset how long it lasts, without a token to use', () => {
    const exists = renderAccountExistsMail({
      to: 'sam@example.com',
      signInUrl: 'http://localhost:4000/dashboard/signin',
      resetUrl: 'http://localhost:4000/dashboard/reset',
    });
    expect(exists.text).not.toContain('token=');
    expect(exists.text).toContain(
      'Forgotten your password? Reset it at http://localhost:4000/dashboard/reset',
    );
    const reset = renderPasswordResetMail({ to: 'sam@example.com', name: 'Sam', resetUrl: confirmUrl });
    expect(reset.text).toContain('The link works once, for one hour.');
  });
});
