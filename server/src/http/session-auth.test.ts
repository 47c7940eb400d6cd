import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { ApiError } from './errors.ts';
import { checkOrigin, sessionAuth, sessionOf, signedInOf } from './session-auth.ts';

const config = {
  production: false,
  publicUrl: 'http://localhost:4000',
  sessionIdleMinutes: 720,
  stripe: { sim: null },
};

/** A request as the middleware reads it: headers, method and cookies. */
function fakeContext(request: { method?: string; headers?: Record<string, string>; cookie?: string }) {
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    method: request.method ?? 'GET',
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    cookies: { get: (name: string) => (name === 'er_session' ? request.cookie : undefined) },
    state: {},
    append: () => {},
  } as unknown as Context;
}

// Any query fails the test: these requests must not reach the database.
const noDatabase = new Proxy(
  {},
  {
    get: () => {
      throw new Error('queried the database');
    },
  },
) as Database;
const middleware = sessionAuth({ db: noDatabase, config: config as never });

describe('sessionAuth', () => {
  it('leaves requests with an Authorization header, or without a cookie, to the others', async () => {
    let passed = 0;
    const next = async () => {
      passed += 1;
    };
    await middleware(
      fakeContext({ headers: { Authorization: 'Bearer er_test_x' }, cookie: 'a'.repeat(40) }),
      next,
    );
    await middleware(fakeContext({ method: 'POST', headers: { 'EntryRate-Promoter': 'pr_x' } }), next);
    expect(passed).toBe(2);
  });
});

describe('checkOrigin', () => {
  it("takes this server's origin or none, and refuses any other", () => {
    expect(() =>
      checkOrigin(fakeContext({ headers: { Origin: 'http://localhost:4000' } }), config.publicUrl),
    ).not.toThrow();
    expect(() => checkOrigin(fakeContext({}), config.publicUrl)).not.toThrow();
    for (const origin of ['http://localhost:5173', 'https://localhost:4000', 'null']) {
      expect(() => checkOrigin(fakeContext({ headers: { Origin: origin } }), config.publicUrl)).toThrow(
        expect.objectContaining({ status: 403, code: 'auth.csrf_failed' }),
      );
    }
  });
});

describe('sessionOf and signedInOf', () => {
  const person = { id: 'psn_1', email: 'a@example.com', name: 'A' };
  const session = { id: 'ses_1', personId: 'psn_1', csrfToken: 't', expiresAt: new Date() };

  it('answer the signed-in person', () => {
    const ctx = fakeContext({});
    Object.assign(ctx.state, { person, session });
    expect(sessionOf(ctx)).toEqual({ person, session });
    expect(signedInOf(ctx)).toEqual({ person, session });
  });

  it('say why a cookie was refused, and treat an ended session as signed out where that is fine', () => {
    const ctx = fakeContext({});
    expect(() => sessionOf(ctx)).toThrow(
      expect.objectContaining({ status: 401, code: 'auth.missing_session' }),
    );
    ctx.state.sessionRefusal = new ApiError(401, 'auth.session_expired', 'ended');
    expect(() => sessionOf(ctx)).toThrow(expect.objectContaining({ code: 'auth.session_expired' }));
    expect(signedInOf(ctx)).toBeUndefined();
    ctx.state.sessionRefusal = new ApiError(403, 'auth.csrf_failed', 'no token');
    expect(() => signedInOf(ctx)).toThrow(expect.objectContaining({ code: 'auth.csrf_failed' }));
  });
});
