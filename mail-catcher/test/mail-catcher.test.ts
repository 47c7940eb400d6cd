import nodemailer, { type NodemailerError, type SendMailOptions } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailCatcher, type MailCatcher, type MailCatcherOptions } from '../src/index.ts';

// A 1x1 PNG: enough for an inline image whose bytes can be compared.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const ticketMail = {
  from: '"Night Owl Promotions" <tickets@localhost>',
  to: 'buyer@example.com',
  subject: 'Your tickets for Mura Masa · UK tour',
  text: 'Order ord_123: 2 x Early bird. View your tickets: http://localhost:4000/t/ord_123',
  html:
    '<html><head><title>Tickets</title></head><body style="font-family: sans-serif">' +
    '<img src="cid:logo@entryrate" alt="EntryRate"><p>2 x Early bird</p>' +
    '<a href="http://localhost:4000/t/ord_123">View your tickets</a></body></html>',
  attachments: [
    { filename: 'logo.png', content: PIXEL, cid: 'logo@entryrate', contentType: 'image/png' },
    { filename: 'tickets.txt', content: 'TICKET-1\nTICKET-2\n', contentType: 'text/plain' },
  ],
  headers: { 'X-EntryRate-Order': 'ord_123' },
} satisfies SendMailOptions;

let catcher: MailCatcher;
const logged: string[] = [];

async function start(options: MailCatcherOptions = {}) {
  catcher = await createMailCatcher({ log: (line) => logged.push(line), ...options });
}

/** Sends over a real SMTP connection to the catcher, as the EntryRate server's mailer does. */
async function send(mail: SendMailOptions, url = catcher.smtpUrl) {
  const transport = nodemailer.createTransport(url);
  try {
    return await transport.sendMail({ from: 'tickets@localhost', to: 'buyer@example.com', ...mail });
  } finally {
    transport.close();
  }
}

async function failure(promise: Promise<unknown>): Promise<NodemailerError> {
  try {
    await promise;
  } catch (err) {
    return err as NodemailerError;
  }
  throw new Error('expected the send to fail');
}

const web = (path: string, init?: RequestInit) => fetch(`${catcher.webUrl}${path}`, init);

beforeEach(async () => {
  logged.length = 0;
  await start();
});
afterEach(async () => {
  await catcher.stop();
});

describe('catching mail', () => {
  it('keeps a mail with text, HTML, an inline image and an attachment, parsed', async () => {
    const info = await send(ticketMail);
    const mail = await catcher.waitFor((m) => m.subject.includes('Mura Masa'));

    expect(mail).toMatchObject({
      envelope: { from: 'tickets@localhost', to: ['buyer@example.com'] },
      from: '"Night Owl Promotions" <tickets@localhost>',
      to: ['buyer@example.com'],
      subject: 'Your tickets for Mura Masa · UK tour',
      messageId: info.messageId,
      text: ticketMail.text,
    });
    expect(mail.id).toMatch(/^[\w-]{6,12}$/);
    expect(Date.parse(mail.receivedAt)).toBeGreaterThan(Date.now() - 5000);
    expect(mail.html).toContain('src="cid:logo@entryrate"');
    expect(mail.headers['x-entryrate-order']).toBe('ord_123');
    expect(mail.headers.subject).toBeDefined();
    expect(mail.raw.toString()).toMatch(/^X-EntryRate-Order: ord_123\r$/im);

    const [logo, file] = mail.attachments;
    expect(logo).toMatchObject({
      filename: 'logo.png',
      contentType: 'image/png',
      contentId: 'logo@entryrate',
    });
    expect(logo?.related).toBe(true);
    expect(logo?.content.equals(PIXEL)).toBe(true);
    expect(file).toMatchObject({ filename: 'tickets.txt', contentType: 'text/plain', contentId: null });
    expect(file).toMatchObject({ related: false, size: 18 });
    expect(logged.some((line) => line.includes(`${catcher.webUrl}/#/${mail.id}`))).toBe(true);
  });

  it('accepts any login, and none', async () => {
    const withLogin = catcher.smtpUrl.replace('smtp://', 'smtp://user:pass@');
    await send({ subject: 'with login', text: 'hi' }, withLogin);
    await send({ subject: 'without login', text: 'hi' });
    expect(catcher.messages().map((m) => m.subject)).toEqual(['with login', 'without login']);
  });

  it('keeps the newest maxMessages mails, dropping the oldest', async () => {
    await catcher.stop();
    await start({ maxMessages: 2 });
    for (const subject of ['one', 'two', 'three']) await send({ subject, text: subject });
    expect(catcher.messages().map((m) => m.subject)).toEqual(['two', 'three']);
    catcher.clear();
    expect(catcher.messages()).toEqual([]);
  });
});

describe('failures a test can cause', () => {
  it('refuses chosen recipients with a permanent 550 and takes the others', async () => {
    catcher.setRejectRecipients((address) => address === 'bounce@example.com');
    const refused = await failure(send({ to: 'bounce@example.com', subject: 'refused', text: 'x' }));
    expect(refused.responseCode).toBe(550);
    await send({ to: 'buyer@example.com', subject: 'accepted', text: 'x' });

    catcher.setRejectRecipients(null);
    await send({ to: 'bounce@example.com', subject: 'accepted later', text: 'x' });
    expect(catcher.messages().map((m) => m.subject)).toEqual(['accepted', 'accepted later']);
  });

  it('goes away and comes back on the same port', async () => {
    const url = catcher.smtpUrl;
    await catcher.stopSmtp();
    const err = await failure(send({ subject: 'lost', text: 'x' }, url));
    expect([err.code, err.originalCode]).toContain('ECONNREFUSED');
    expect((await web('/api/messages')).status).toBe(200);

    await catcher.startSmtp();
    expect(catcher.smtpUrl).toBe(url);
    await send({ subject: 'back', text: 'x' }, url);
    expect(catcher.messages().map((m) => m.subject)).toEqual(['back']);
  });
});

describe('waitFor', () => {
  it('resolves with a mail that came earlier or later, and rejects naming what came', async () => {
    await send({ subject: 'earlier', text: 'x' });
    await expect(catcher.waitFor((m) => m.subject === 'earlier')).resolves.toMatchObject({
      subject: 'earlier',
    });

    const later = catcher.waitFor((m) => m.subject === 'later');
    await send({ subject: 'later', text: 'x' });
    await expect(later).resolves.toMatchObject({ subject: 'later' });

    await expect(catcher.waitFor((m) => m.subject === 'never', { timeoutMs: 50 })).rejects.toThrow(
      'No matching mail arrived within 50 ms; the inbox holds 2: "earlier" to buyer@example.com; "later" to buyer@example.com',
    );
  });
});

describe('the web inbox', () => {
  it('lists mails newest first and shows one without its bytes', async () => {
    await send({ subject: 'first', text: 'x' });
    await send(ticketMail);
    const list: any = await (await web('/api/messages')).json();
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual({
      id: expect.any(String),
      receivedAt: expect.any(String),
      from: '"Night Owl Promotions" <tickets@localhost>',
      to: ['buyer@example.com'],
      subject: ticketMail.subject,
      attachments: 2,
    });
    expect(list[1].subject).toBe('first');

    const id = list[0].id;
    const detail: any = await (await web(`/api/messages/${id}`)).json();
    expect(detail).not.toHaveProperty('raw');
    expect(detail).toMatchObject({
      id,
      text: ticketMail.text,
      htmlUrl: `/messages/${id}/html`,
      rawUrl: `/messages/${id}/raw`,
      headers: { 'x-entryrate-order': 'ord_123' },
    });
    expect(detail.attachments[1]).toEqual({
      filename: 'tickets.txt',
      contentType: 'text/plain',
      contentId: null,
      size: 18,
      related: false,
      url: `/messages/${id}/attachments/1`,
    });
  });

  it('serves the HTML with cid images from the catcher, links to a new tab, under a strict CSP', async () => {
    await send(ticketMail);
    const [mail] = catcher.messages();
    const res = await web(`/messages/${mail?.id}/html`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
    );
    const html = await res.text();
    expect(html).toContain(`<head><base target="_blank"><title>`);
    expect(html).toContain(`src="/messages/${mail?.id}/cid/logo%40entryrate"`);
    expect(html).not.toContain('cid:');

    const image = await web(`/messages/${mail?.id}/cid/logo%40entryrate`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PIXEL)).toBe(true);
  });

  it('serves attachments as downloads and the raw source', async () => {
    await send(ticketMail);
    const [mail] = catcher.messages();
    const file = await web(`/messages/${mail?.id}/attachments/1`);
    expect(file.headers.get('content-type')).toBe('text/plain');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="tickets.txt"');
    expect(await file.text()).toBe('TICKET-1\nTICKET-2\n');

    const raw = await web(`/messages/${mail?.id}/raw`);
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(Buffer.from(await raw.arrayBuffer()).equals(mail?.raw ?? Buffer.alloc(0))).toBe(true);
  });

  it('answers unknown messages and parts with a JSON 404', async () => {
    await send({ subject: 'text only', text: 'x' });
    const [mail] = catcher.messages();
    const cases = [
      ['/api/messages/nope', 'message.not_found'],
      ['/messages/nope/html', 'message.not_found'],
      ['/messages/nope/raw', 'message.not_found'],
      [`/messages/${mail?.id}/html`, 'message.no_html'],
      [`/messages/${mail?.id}/attachments/0`, 'attachment.not_found'],
      [`/messages/${mail?.id}/cid/logo`, 'attachment.not_found'],
      ['/nowhere', 'route.not_found'],
    ] as const;
    for (const [path, code] of cases) {
      const res = await web(path);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toEqual({ error: { code, message: expect.any(String) } });
    }
  });

  it('clears the inbox with DELETE /api/messages', async () => {
    await send({ subject: 'gone soon', text: 'x' });
    expect((await web('/api/messages', { method: 'DELETE' })).status).toBe(204);
    expect(await (await web('/api/messages')).json()).toEqual([]);
  });

  it('serves the page under its CSP, with its script and styles', async () => {
    const page = await web('/');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; frame-src 'self'; img-src 'self' data:",
    );
    const html = await page.text();
    expect(html).toContain('No mail yet. Mails the server sends appear here.');
    expect(html).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    for (const asset of ['/assets/inbox.js', '/assets/inbox.css']) expect(html).toContain(asset);
    for (const asset of ['/assets/inbox.js', '/assets/tabs.js', '/assets/inbox.css']) {
      expect((await web(asset)).status, asset).toBe(200);
    }
    expect((await web('/assets/index.html')).status).toBe(404);
  });
});
