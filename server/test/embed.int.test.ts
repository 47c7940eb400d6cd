import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { liveEvent, otherPromoter } from './paid-orders.ts';

// The embed code a promoter copies from the dashboard and its live preview: the preview is served
// on its own origin only, holds exactly the lines the promoter copies, and only the dashboard may
// frame it.

const PREVIEW = 'http://preview.entryrate.test:8443';
let server: TestServer;
let promoter: ReturnType<typeof api>;
let eventId: string;

beforeAll(async () => {
  server = await startTestServer({
    env: { PUBLIC_URL: 'http://dashboard.entryrate.test', PREVIEW_URL: PREVIEW },
  });
  promoter = api(server.url);
  eventId = await liveEvent(server.url);
});
afterAll(() => server?.stop());

/** A GET to the test server as if addressed to `host` (the preview origin or another). */
function getAs(
  host: string,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /v1/events/:id/embed', () => {
  it('gives the lines to paste for a mode, theme and tier, and where their preview runs', async () => {
    const res = await promoter.get(`/v1/events/${eventId}/embed?mode=modal&theme=dark&tier=ga`);
    expect(res.status).toBe(200);
    expect(res.body.snippet).toBe(
      `<script src="http://dashboard.entryrate.test/widget.js" async></script>\n<div data-entryrate-event="${eventId}" data-mode="modal" data-theme="dark" data-tier="ga"></div>`,
    );
    expect(res.body.previewUrl).toBe(`${PREVIEW}/preview?event=${eventId}&mode=modal&theme=dark&tier=ga`);
  });

  it('leaves the defaults out of the code: inline, light, the tier list', async () => {
    const res = await promoter.get(`/v1/events/${eventId}/embed`);
    expect(res.body).toMatchObject({ mode: 'inline', theme: 'light', tier: null });
    expect(res.body.snippet).toContain(`<div data-entryrate-event="${eventId}"></div>`);
  });

  it('refuses a tier the event does not have, or a mode the widget does not know, naming the field', async () => {
    const tier = await promoter.get(`/v1/events/${eventId}/embed?tier=vip`);
    expect(tier.status).toBe(400);
    expect(tier.body.error).toMatchObject({ code: 'request.invalid', param: 'tier' });
    expect(tier.body.error.message).toContain('ga');
    const mode = await promoter.get(`/v1/events/${eventId}/embed?mode=popup`);
    expect(mode.status).toBe(400);
    expect(mode.body.error.param).toBe('mode');
  });

  it("is another promoter's event: not found", async () => {
    const rival = await otherPromoter(server.db);
    const res = await promoter.get(`/v1/events/${eventId}/embed`, { key: rival.key });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('event.not_found');
  });
});

describe('GET /preview', () => {
  it('on the preview origin, is a page holding exactly the embed code, framed only by the dashboard', async () => {
    const { snippet } = (await promoter.get(`/v1/events/${eventId}/embed?mode=iframe&theme=auto`)).body;
    const res = await getAs(
      'preview.entryrate.test:8443',
      `/preview?event=${eventId}&mode=iframe&theme=auto`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(`<body>\n${snippet}\n</body>`);
    expect(res.headers['content-security-policy']).toContain(
      'frame-ancestors http://dashboard.entryrate.test',
    );
    expect(res.body).toContain('<meta name="color-scheme" content="light dark">');
  });

  it("is not there on the dashboard's own origin, whose cookies the widget must not share", async () => {
    const res = await getAs('dashboard.entryrate.test', `/preview?event=${eventId}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('route.not_found');
  });

  it('refuses what is not an event id, rather than writing it into the page', async () => {
    const res = await getAs(
      'preview.entryrate.test:8443',
      '/preview?event=%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.param).toBe('event');
  });
});
