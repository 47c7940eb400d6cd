import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

// The built door scanner (npm test builds it first) as the API serves it: an installable web app
// whose service worker can keep every file it needs to open with no network.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('GET /scan/', () => {
  it('sends /scan on to /scan/, the scope of its service worker', async () => {
    const res = await get('/scan');
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/scan/');
  });

  it('answers the app under a CSP of its own origin (WebAssembly for the QR decoder) with the camera allowed', async () => {
    const res = await get('/scan/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
    const html = await res.text();
    expect(html).toContain('<link rel="manifest" href="/scan/manifest.webmanifest"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves every file its service worker keeps, each with its type', async () => {
    const worker = await get('/scan/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const kept = JSON.parse(/const PRECACHE = (\[.*\]);/.exec(await worker.text())?.[1] ?? '[]') as string[];
    expect(kept).toContain('/scan/');
    expect(kept.some((file) => file.endsWith('.wasm'))).toBe(true);
    for (const file of kept) {
      const res = await get(file);
      expect(res.status, file).toBe(200);
      if (file.endsWith('.wasm')) expect(res.headers.get('content-type')).toBe('application/wasm');
      if (file.includes('/assets/')) expect(res.headers.get('cache-control'), file).toContain('immutable');
    }
  });

  it('is installable: a manifest that starts and stays in /scan/, with icons', async () => {
    const res = await get('/scan/manifest.webmanifest');
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as {
      start_url: string;
      scope: string;
      display: string;
      icons: { src: string }[];
    };
    expect(manifest).toMatchObject({ start_url: '/scan/', scope: '/scan/', display: 'standalone' });
    for (const icon of manifest.icons)
      expect((await get(icon.src)).headers.get('content-type')).toBe('image/png');
  });

  it('answers a clean 404 for a file it does not have, and never leaves its folder', async () => {
    for (const path of [
      '/scan/assets/missing.js',
      '/scan/assets/..%2F..%2Fpackage.json',
      '/scan/assets/x.exe',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('route.not_found');
    }
  });
});
