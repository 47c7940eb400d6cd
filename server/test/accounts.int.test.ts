import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailCatcher, type MailCatcher } from '../../mail-catcher/src/index.ts';
import { DEMO_EVENT_ID, DEMO_OWNER, DEMO_PROMOTER_ID, seedDemo } from '../src/demo/seed.ts';
import { digestOf } from '../src/lib/secrets.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { type Browser, browser, mailTo as mailToOf, signedIn, tokenIn } from './sessions.ts';

let server: TestServer;
let catcher: MailCatcher;
let n = 0;
const newEmail = () => `person${++n}-${Date.now()}@Example.com`;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  catcher = await createMailCatcher({ log: () => {} });
  // A 1 ms first delay keeps the throttling test quick; the counting is the real one.
  server = await startTestServer({ env: { SMTP_URL: catcher.smtpUrl, SIGN_IN_DELAY_MS: '1' } });
});
afterAll(async () => {
  await server.stop();
  await catcher.stop();
});

const mailTo = (email: string, subject: RegExp) => mailToOf(server, catcher, email, subject);

async function signUp(b: Browser, email: string) {
  const res = await b.call('POST', '/v1/signups', {
    email,
    name: 'Sam Jones',
    password: PASSWORD,
    promoterName: 'Basement Nights',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res;
}

describe('sign-up', () => {
  it('mails a link that makes the account, its promoter, and a session that acts for it', async () => {
    const email = newEmail();
    const b = browser(server.url);
    const res = await signUp(b, email);
    expect(res.body).toEqual({ status: 'pending', email: email.toLowerCase() });
    expect(b.cookie).toBeNull();

    const mail = await mailTo(email, /Confirm your EntryRate account/);
    expect(mail.text).toContain('Hi Sam Jones,');
    expect(mail.html).toContain('Confirm and sign in');
    const confirmed = await b.call('POST', '/v1/signups/confirm', { token: tokenIn(mail, 'confirm') });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    const setCookie = confirmed.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^er_session=[0-9a-z]+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    const session = confirmed.body;
    expect(session.person).toEqual({
      id: expect.stringMatching(/^psn_/),
      email: email.toLowerCase(),
      name: 'Sam Jones',
    });
    expect(session.memberships).toEqual([
      expect.objectContaining({ promoterName: 'Basement Nights', role: 'owner', agencyId: null }),
    ]);
    expect(session.memberships[0].permissions).toContain('team.manage');

    const promoterId = session.memberships[0].promoterId;
    const venue = await b.call(
      'POST',
      '/v1/venues',
      { name: 'The Cellar', city: 'Bristol', timezone: 'Europe/London' },
      { promoter: promoterId },
    );
    expect(venue.status, JSON.stringify(venue.body)).toBe(201);
    const venues = await b.call('GET', '/v1/venues', undefined, { promoter: promoterId });
    expect(venues.body.data.map((v: { id: string }) => v.id)).toEqual([venue.body.id]);

    // The link works once.
    const again = await browser(server.url).call('POST', '/v1/signups/confirm', {
      token: tokenIn(mail, 'confirm'),
    });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('account.token_expired');
  });

  it('answers the same for an address with an account, and mails it the other text', async () => {
    const res = await signUp(browser(server.url), DEMO_OWNER.email.toUpperCase());
    expect(res.body).toEqual({ status: 'pending', email: DEMO_OWNER.email });
    const mail = await mailTo(DEMO_OWNER.email, /already have an EntryRate account/);
    expect(mail.text).toContain('/dashboard/signin');
    expect(mail.text).toContain('/dashboard/reset');
    expect(mail.text).not.toContain('token=');
  });

  it('refuses a password under 12 characters, beside the field', async () => {
    const res = await browser(server.url).call('POST', '/v1/signups', {
      email: newEmail(),
      name: 'Sam',
      password: 'too short',
      promoterName: 'X',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'account.weak_password', param: 'password' });
  });
});

describe('sign-in', () => {
  it('has the demo owner seeded once, however often the demo is seeded', async () => {
    expect(await seedDemo(server.db, { holdMinutes: 15 })).toEqual({ created: false });
    const owners = await server.db
      .selectFrom('memberships')
      .selectAll()
      .where('promoter_id', '=', DEMO_PROMOTER_ID)
      .execute();
    expect(owners).toEqual([expect.objectContaining({ person_id: DEMO_OWNER.id, role: 'owner' })]);
  });

  it('signs the demo owner in and out', async () => {
    const b = await signedIn(server.url);
    const session = await b.call('GET', '/v1/session');
    expect(session.status).toBe(200);
    expect(session.body.memberships).toEqual([
      expect.objectContaining({ promoterId: DEMO_PROMOTER_ID, role: 'owner' }),
    ]);
    const event = await b.call('GET', `/v1/events/${DEMO_EVENT_ID}`, undefined, {
      promoter: DEMO_PROMOTER_ID,
    });
    expect(event.status).toBe(200);

    const out = await b.call('DELETE', '/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^er_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(b.cookie).toBeNull();
    expect((await b.call('GET', '/v1/session')).body.error.code).toBe('auth.missing_session');
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const wrong = await browser(server.url).call('POST', '/v1/sessions', {
      email: DEMO_OWNER.email,
      password: 'not the password at all',
    });
    const unknown = await browser(server.url).call('POST', '/v1/sessions', {
      email: newEmail(),
      password: 'not the password at all',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const { requestId: _a, ...wrongError } = wrong.body.error;
    const { requestId: _b, ...unknownError } = unknown.body.error;
    expect(wrongError).toEqual(unknownError);
    expect(wrongError).toMatchObject({
      code: 'auth.invalid_credentials',
      message: 'The email or password is wrong.',
    });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses the 11th failure in 15 minutes with Retry-After, even with the right password', async () => {
    const email = newEmail();
    for (let i = 1; i <= 10; i++) {
      const res = await browser(server.url).call('POST', '/v1/sessions', {
        email,
        password: `wrong password ${i}`,
      });
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const refused = await browser(server.url).call('POST', '/v1/sessions', { email, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('auth.too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another email is not held up by this one.
    expect((await browser(server.url).call('POST', '/v1/sessions', DEMO_OWNER)).status).toBe(201);
  });

  it('ends a session that expired, and clears its cookie', async () => {
    const b = await signedIn(server.url);
    await server.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', digestOf(b.cookie as string))
      .execute();
    const res = await b.call('GET', '/v1/orders', undefined, { promoter: DEMO_PROMOTER_ID });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.session_expired');
    expect(b.cookie).toBeNull();
  });

  it('keeps an ended session’s cookie until an answer says it ended, so a page’s own requests do not hide it', async () => {
    const b = await signedIn(server.url);
    const cookie = b.cookie as string;
    await server.db.deleteFrom('sessions').where('token_hash', '=', digestOf(cookie)).execute();
    // The dashboard's scripts load before its API calls: they must not clear the cookie.
    const page = await fetch(`${server.url}/health`, { headers: { Cookie: `er_session=${cookie}` } });
    expect(page.headers.get('set-cookie')).toBeNull();
    const res = await b.call('GET', '/v1/orders', undefined, { promoter: DEMO_PROMOTER_ID });
    expect(res.body.error.code).toBe('auth.session_expired');
    expect(b.cookie).toBeNull();
  });

  it('slides the idle expiry when used, never past 7 days', async () => {
    const b = await signedIn(server.url);
    const tokenHash = digestOf(b.cookie as string);
    await server.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 5 * 60_000), expires_at: new Date(Date.now() + 60_000) })
      .where('token_hash', '=', tokenHash)
      .execute();
    const res = await b.call('GET', '/v1/session');
    const expiresIn = Date.parse(res.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(11 * 60 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(12 * 60 * 60_000);
  });
});

describe('CSRF', () => {
  it('refuses a change without X-CSRF-Token, or from another origin', async () => {
    const b = await signedIn(server.url);
    const body = { name: 'Nope', city: 'Bristol', timezone: 'Europe/London' };
    const noToken = await b.call('POST', '/v1/venues', body, { promoter: DEMO_PROMOTER_ID, csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('auth.csrf_failed');
    const foreign = await b.call('POST', '/v1/venues', body, {
      promoter: DEMO_PROMOTER_ID,
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('auth.csrf_failed');
    const signOut = await b.call('DELETE', '/v1/session', undefined, { csrf: false });
    expect(signOut.body.error.code).toBe('auth.csrf_failed');
    const signInElsewhere = await browser(server.url).call('POST', '/v1/sessions', DEMO_OWNER, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(signInElsewhere.status).toBe(403);
    // Reading needs no token, and the session still works.
    expect((await b.call('GET', '/v1/venues', undefined, { promoter: DEMO_PROMOTER_ID })).status).toBe(200);
  });

  it('ignores a session cookie on a public route that names no promoter', async () => {
    const b = await signedIn(server.url);
    const res = await b.call('GET', `/v1/widget/events/${DEMO_EVENT_ID}`);
    expect(res.status).toBe(200);
  });
});

describe('acting for a promoter', () => {
  it('refuses a promoter the person is not a member of, and live mode on the stripe-sim', async () => {
    const b = await signedIn(server.url);
    const other = await b.call('GET', '/v1/events', undefined, { promoter: 'pr_someone_else' });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('auth.promoter_forbidden');
    const live = await b.call('GET', '/v1/events', undefined, { promoter: DEMO_PROMOTER_ID, mode: 'live' });
    expect(live.status).toBe(403);
    expect(live.body.error.code).toBe('auth.live_mode_unavailable');
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets a new password and ends every session', async () => {
    const email = newEmail();
    const b = browser(server.url);
    await signUp(b, email);
    await b.call('POST', '/v1/signups/confirm', {
      token: tokenIn(await mailTo(email, /Confirm your EntryRate account/), 'confirm'),
    });
    const other = await signedIn(server.url, { email, password: PASSWORD });

    const asked = await browser(server.url).call('POST', '/v1/password-resets', { email });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'sent' });
    const unknown = await browser(server.url).call('POST', '/v1/password-resets', { email: newEmail() });
    expect(unknown.body).toEqual({ status: 'sent' });

    const token = tokenIn(await mailTo(email, /Reset your EntryRate password/), 'reset');
    const weak = await browser(server.url).call('POST', '/v1/password-resets/confirm', {
      token,
      password: 'short',
    });
    expect(weak.status).toBe(422);
    const reset = await browser(server.url).call('POST', '/v1/password-resets/confirm', {
      token,
      password: 'a brand new password',
    });
    expect(reset.status).toBe(204);

    for (const old of [b, other]) {
      expect((await old.call('GET', '/v1/session')).body.error.code).toBe('auth.session_expired');
    }
    const oldPassword = await browser(server.url).call('POST', '/v1/sessions', { email, password: PASSWORD });
    expect(oldPassword.status).toBe(401);
    await signedIn(server.url, { email, password: 'a brand new password' });
    const twice = await browser(server.url).call('POST', '/v1/password-resets/confirm', {
      token,
      password: 'yet another password',
    });
    expect(twice.status).toBe(410);
  });
});
