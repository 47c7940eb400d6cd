import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailCatcher, type MailCatcher } from '../../mail-catcher/src/index.ts';
import type { Role } from '../src/access/roles.ts';
import { DEMO_OWNER, DEMO_PROMOTER_ID } from '../src/demo/seed.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { type Browser, browser, mailTo, signedIn, tokenIn } from './sessions.ts';

let server: TestServer;
let catcher: MailCatcher;
let owner: Browser;
let n = 0;
const newEmail = () => `member${++n}-${Date.now()}@example.com`;
const PASSWORD = 'a long enough password';
const asOwner = { promoter: DEMO_PROMOTER_ID };

beforeAll(async () => {
  catcher = await createMailCatcher({ log: () => {} });
  server = await startTestServer({ env: { SMTP_URL: catcher.smtpUrl } });
  owner = await signedIn(server.url);
});
afterAll(async () => {
  await server.stop();
  await catcher.stop();
});

async function invite(email: string, role: Role) {
  const res = await owner.call('POST', '/v1/team/invitations', { email, role }, asOwner);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const mail = await mailTo(server, catcher, email, /Join Strange Brew on EntryRate/);
  return { invitation: res.body, mail, token: tokenIn(mail, 'invite') };
}

/** A new person, invited with `role` and joined with a new account: their signed-in browser. */
async function member(role: Role): Promise<{ browser: Browser; personId: string; email: string }> {
  const email = newEmail();
  const { token } = await invite(email, role);
  const b = browser(server.url);
  const res = await b.call('POST', `/v1/invitations/${token}/accept`, {
    name: `New ${role}`,
    password: PASSWORD,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { browser: b, personId: res.body.person.id, email };
}

describe('invitations', () => {
  it('mails a link that makes a new account, joins it and signs it in', async () => {
    const email = newEmail();
    const { invitation, mail, token } = await invite(email, 'manager');
    expect(invitation).toMatchObject({ id: expect.stringMatching(/^inv_/), email, role: 'manager' });
    expect(mail.text).toContain(
      'Strange Brew owner invited you to the Strange Brew team on EntryRate, as manager.',
    );

    const team = await owner.call('GET', '/v1/team', undefined, asOwner);
    expect(team.body.invitations).toContainEqual(invitation);

    const preview = await browser(server.url).call('GET', `/v1/invitations/${token}`);
    expect(preview.body).toEqual({
      promoterName: 'Strange Brew',
      email,
      role: 'manager',
      expiresAt: invitation.expiresAt,
      hasAccount: false,
    });

    const b = browser(server.url);
    const weak = await b.call('POST', `/v1/invitations/${token}/accept`, { name: 'Jo', password: 'short' });
    expect(weak.status).toBe(422);
    const accepted = await b.call('POST', `/v1/invitations/${token}/accept`, {
      name: 'Jo Bloggs',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get('set-cookie')).toMatch(/^er_session=/);
    expect(accepted.body.memberships).toEqual([
      expect.objectContaining({ promoterId: DEMO_PROMOTER_ID, role: 'manager' }),
    ]);
    expect((await b.call('GET', '/v1/events', undefined, asOwner)).status).toBe(200);

    const used = await browser(server.url).call('GET', `/v1/invitations/${token}`);
    expect(used.status).toBe(410);
    expect(used.body.error.code).toBe('invitation.expired');
    const after = await owner.call('GET', '/v1/team', undefined, asOwner);
    expect(after.body.members).toContainEqual(
      expect.objectContaining({ email, name: 'Jo Bloggs', role: 'manager' }),
    );
    expect(after.body.invitations.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
  });

  it('joins a person who has an account once they sign in as the invited email', async () => {
    const email = newEmail();
    const first = await invite(email, 'door');
    await browser(server.url).call('POST', `/v1/invitations/${first.token}/accept`, {
      name: 'Pat',
      password: PASSWORD,
    });

    // Pat gets invited to a second promoter, which the demo owner owns too.
    const other = await owner.call('POST', '/v1/promoters', { name: 'Second Room' }, asOwner);
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const res = await owner.call(
      'POST',
      '/v1/team/invitations',
      { email, role: 'box_office' },
      { promoter: other.body.id },
    );
    expect(res.status).toBe(201);
    const token = tokenIn(await mailTo(server, catcher, email, /Join Second Room/), 'invite');

    expect((await browser(server.url).call('GET', `/v1/invitations/${token}`)).body.hasAccount).toBe(true);
    const signedOut = await browser(server.url).call('POST', `/v1/invitations/${token}/accept`, {});
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error.code).toBe('invitation.sign_in_required');
    const wrong = await owner.call('POST', `/v1/invitations/${token}/accept`, {});
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('invitation.wrong_person');

    const pat = await signedIn(server.url, { email, password: PASSWORD });
    const noCsrf = await pat.call('POST', `/v1/invitations/${token}/accept`, {}, { csrf: false });
    expect(noCsrf.body.error.code).toBe('auth.csrf_failed');
    const joined = await pat.call('POST', `/v1/invitations/${token}/accept`, {});
    expect(joined.status).toBe(200);
    expect(
      joined.body.memberships.map((m: { promoterName: string; role: string }) => [m.promoterName, m.role]),
    ).toEqual([
      ['Second Room', 'box_office'],
      ['Strange Brew', 'door'],
    ]);
  });

  it('refuses to invite a member, and revokes an invitation', async () => {
    const taken = await owner.call(
      'POST',
      '/v1/team/invitations',
      { email: DEMO_OWNER.email, role: 'door' },
      asOwner,
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'team.already_member', param: 'email' });

    const email = newEmail();
    const { invitation, token } = await invite(email, 'door');
    const revoked = await owner.call('DELETE', `/v1/team/invitations/${invitation.id}`, undefined, asOwner);
    expect(revoked.status).toBe(200);
    expect(revoked.body.id).toBe(invitation.id);
    expect((await browser(server.url).call('GET', `/v1/invitations/${token}`)).status).toBe(410);
    const twice = await owner.call('DELETE', `/v1/team/invitations/${invitation.id}`, undefined, asOwner);
    expect(twice.body.error.code).toBe('team.invitation_not_found');
  });
});

describe('members', () => {
  it('changes a role, removes a member, and never leaves the team without an owner', async () => {
    const { personId, browser: theirs } = await member('box_office');
    const changed = await owner.call('PATCH', `/v1/team/members/${personId}`, { role: 'owner' }, asOwner);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ personId, role: 'owner' });

    // Two owners: either may step down, but not both.
    const ownerId = (await owner.call('GET', '/v1/session')).body.person.id;
    expect(
      (await theirs.call('PATCH', `/v1/team/members/${ownerId}`, { role: 'manager' }, asOwner)).status,
    ).toBe(200);
    const last = await theirs.call('PATCH', `/v1/team/members/${personId}`, { role: 'manager' }, asOwner);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('team.last_owner');
    const removeLast = await theirs.call('DELETE', `/v1/team/members/${personId}`, undefined, asOwner);
    expect(removeLast.body.error.code).toBe('team.last_owner');

    // The demo owner is a manager now: the team is no longer theirs to manage.
    const forbidden = await owner.call('GET', '/v1/team', undefined, asOwner);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('auth.forbidden');
    expect(
      (await theirs.call('PATCH', `/v1/team/members/${ownerId}`, { role: 'owner' }, asOwner)).status,
    ).toBe(200);

    const removed = await owner.call('DELETE', `/v1/team/members/${personId}`, undefined, asOwner);
    expect(removed.status).toBe(200);
    const gone = await theirs.call('GET', '/v1/events', undefined, asOwner);
    expect(gone.status).toBe(403);
    expect(gone.body.error.code).toBe('auth.promoter_forbidden');
    const missing = await owner.call('DELETE', `/v1/team/members/${personId}`, undefined, asOwner);
    expect(missing.body.error.code).toBe('team.member_not_found');
  });

  it('lets a door member read events, but not refund or manage the team', async () => {
    const door = await member('door');
    const refund = await door.browser.call('POST', '/v1/orders/ord_whatever/refund', {}, asOwner);
    expect(refund.status).toBe(403);
    expect(refund.body.error.code).toBe('auth.forbidden');
    expect(refund.body.error.message).toMatch(/door/);
    expect((await door.browser.call('GET', '/v1/events', undefined, asOwner)).status).toBe(200);
    expect((await door.browser.call('GET', '/v1/team', undefined, asOwner)).status).toBe(403);
  });

  it('lets a secret key manage the team as an owner', async () => {
    const res = await fetch(`${server.url}/v1/team`, {
      headers: { Authorization: 'Bearer er_test_demo_strange_brew_local_only' },
    });
    expect(res.status).toBe(200);
  });
});
