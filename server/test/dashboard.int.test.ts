import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

// The built dashboard (npm test builds it first) as the API serves it.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { PUBLIC_URL: 'http://localhost:4999' } });
});
afterAll(() => server?.stop());

const get = (path: string) => fetch(`${server.url}${path}`);

describe('GET /dashboard', () => {
  it('answers the app for any screen, under a CSP with no inline code and frames only from the preview origin', async () => {
    for (const path of ['/dashboard', '/dashboard/signin', '/dashboard/pr_x/test/events/evt_1']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain('frame-src http://127.0.0.1:4999');
      const html = await res.text();
      expect(html).toContain('<div id="app"></div>');
      // Every script is a file of ours: an inline one would be refused by the policy above.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('serves the scripts the page names, cached for good', async () => {
    const html = await (await get('/dashboard')).text();
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const res = await get(script as string);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a clean 404 for a file it does not have, and never leaves its folder', async () => {
    for (const path of [
      '/dashboard/assets/missing.js',
      '/dashboard/assets/..%2F..%2Fpackage.json',
      '/dashboard/assets/x.exe',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('route.not_found');
    }
  });
});
