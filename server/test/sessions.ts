import { expect } from 'vitest';
import type { CaughtMail, MailCatcher } from '../../mail-catcher/src/index.ts';
import { DEMO_OWNER } from '../src/demo/seed.ts';
import type { ApiResponse } from './api.ts';
import type { TestServer } from './harness.ts';

/**
 * A browser signed in to the dashboard, as the dashboard's own client calls the API: its cookie,
 * `X-CSRF-Token` on requests that change something, and `EntryRate-Promoter` when it acts for one.
 */
export interface Browser {
  cookie: string | null;
  csrfToken: string | null;
  call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options?: { promoter?: string; mode?: string; csrf?: boolean; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
}

/** A browser with no session yet; a response that sets or clears `er_session` updates it. */
export function browser(baseUrl: string): Browser {
  const self: Browser = {
    cookie: null,
    csrfToken: null,
    async call(method, path, body, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (self.cookie) headers.Cookie = `er_session=${self.cookie}`;
      if (options.promoter) headers['EntryRate-Promoter'] = options.promoter;
      if (options.mode) headers['EntryRate-Mode'] = options.mode;
      if (method !== 'GET' && self.csrfToken && options.csrf !== false)
        headers['X-CSRF-Token'] = self.csrfToken;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      for (const line of res.headers.getSetCookie()) {
        const value = /^er_session=([^;]*)/.exec(line)?.[1];
        if (value !== undefined) self.cookie = value || null;
      }
      const text = await res.text();
      // A file (the orders' CSV) stays text; JSON is parsed.
      const json = res.headers.get('content-type')?.includes('json') ?? false;
      const parsed = text ? (json ? JSON.parse(text) : text) : undefined;
      if (parsed?.csrfToken) self.csrfToken = parsed.csrfToken;
      return { status: res.status, headers: res.headers, body: parsed };
    },
  };
  return self;
}

/** A browser signed in with an email and password (the demo owner's by default). */
export async function signedIn(
  baseUrl: string,
  credentials: { email: string; password: string } = DEMO_OWNER,
): Promise<Browser> {
  const b = browser(baseUrl);
  const res = await b.call('POST', '/v1/sessions', credentials);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return b;
}

/** Runs the server's worker once and answers the mail to `email` whose subject matches. */
export async function mailTo(
  server: TestServer,
  catcher: MailCatcher,
  email: string,
  subject: RegExp,
): Promise<CaughtMail> {
  await server.app.worker.runOnce();
  return catcher.waitFor((m) => m.envelope.to.includes(email.toLowerCase()) && subject.test(m.subject ?? ''));
}

/** The token of the dashboard link a mail carries (in its text part). */
export function tokenIn(mail: CaughtMail, page: 'confirm' | 'reset' | 'invite'): string {
  const match = new RegExp(`/dashboard/${page}\\?token=([0-9a-z]+)`).exec(mail.text ?? '');
  if (!match?.[1]) throw new Error(`no ${page} link in: ${mail.text}`);
  return match[1];
}
