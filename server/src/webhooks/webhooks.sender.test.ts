import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookSender, isPublicAddress } from './webhooks.sender.ts';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function endpoint(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const request = (url: string, allowPrivateNetwork = true) => ({
  url,
  body: '{"id":"we_1"}',
  headers: { 'Content-Type': 'application/json' },
  allowPrivateNetwork,
});

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, shared and reserved addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });
});

describe('createWebhookSender', () => {
  it('posts the body with its headers and answers the status', async () => {
    let received = '';
    let type: string | undefined;
    const url = await endpoint((req, res) => {
      type = req.headers['content-type'];
      req.on('data', (chunk) => (received += chunk));
      req.on('end', () => res.writeHead(202).end('thanks'));
    });
    expect(await createWebhookSender()(request(url))).toEqual({ statusCode: 202, error: null });
    expect(received).toBe('{"id":"we_1"}');
    expect(type).toBe('application/json');
  });

  it('never follows a redirect', async () => {
    let hits = 0;
    const url = await endpoint((_req, res) => {
      hits += 1;
      res.writeHead(302, { Location: '/elsewhere' }).end();
    });
    const answer = await createWebhookSender()(request(url));
    expect(answer).toEqual({
      statusCode: 302,
      error: 'HTTP 302: redirects are not followed (to /elsewhere)',
    });
    expect(hits).toBe(1);
  });

  it('keeps a short part of an error answer and stops reading a long one', async () => {
    const url = await endpoint((_req, res) => {
      res.writeHead(500);
      const chunk = 'x'.repeat(64 * 1024);
      // Streams far more than the sender reads; it must not wait for the end.
      const write = () => {
        while (res.write(chunk)) {}
      };
      res.on('drain', write);
      write();
    });
    const answer = await createWebhookSender({ maxResponseBytes: 1024, timeoutMs: 5_000 })(request(url));
    expect(answer.statusCode).toBe(500);
    expect(answer.error).toMatch(/^HTTP 500: x{200}$/);
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    const url = await endpoint(() => {});
    const started = Date.now();
    const answer = await createWebhookSender({ timeoutMs: 200 })(request(url));
    expect(answer).toEqual({ statusCode: null, error: 'no answer within 0.2 s' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses private addresses for live endpoints, before connecting', async () => {
    let hits = 0;
    const url = await endpoint((_req, res) => {
      hits += 1;
      res.end();
    });
    const answer = await createWebhookSender()(request(url, false));
    expect(answer).toEqual({ statusCode: null, error: '127.0.0.1 is a private address' });
    const named = await createWebhookSender()(request(url.replace('127.0.0.1', 'localhost'), false));
    expect(named.statusCode).toBeNull();
    expect(named.error).toMatch(/private address/);
    expect(hits).toBe(0);
  });

  it('reports a refused connection', async () => {
    const answer = await createWebhookSender()(request('http://127.0.0.1:9/hook'));
    expect(answer.statusCode).toBeNull();
    expect(answer.error).toMatch(/^ECONNREFUSED/);
  });
});
