import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Resolver } from './webhooks.address.ts';
import { createWebhookSender } from './webhooks.sender.ts';

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

const request = (url: string) => ({
  url,
  body: '{"id":"we_1"}',
  headers: { 'Content-Type': 'application/json' },
});

/** The sender as it runs against the stripe-sim: loopback allowed, names resolved by `resolve`. */
const onSim = (options: Parameters<typeof createWebhookSender>[0] = {}) =>
  createWebhookSender({ allowLoopback: true, ...options });

/** A resolver answering `answers()` for every name, recording the names it was asked. */
function stubResolver(answers: () => string[]) {
  const asked: string[] = [];
  const resolve: Resolver = async (hostname) => {
    asked.push(hostname);
    return answers().map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

describe('createWebhookSender', () => {
  it('posts the body with its headers and answers the status', async () => {
    let received = '';
    let type: string | undefined;
    const url = await endpoint((req, res) => {
      type = req.headers['content-type'];
      req.on('data', (chunk) => (received += chunk));
      req.on('end', () => res.writeHead(202).end('thanks'));
    });
    expect(await onSim()(request(url))).toEqual({ statusCode: 202, error: null });
    expect(received).toBe('{"id":"we_1"}');
    expect(type).toBe('application/json');
  });

  it('never follows a redirect, and does not repeat where it pointed', async () => {
    let hits = 0;
    const url = await endpoint((_req, res) => {
      hits += 1;
      res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    });
    const answer = await onSim()(request(url));
    expect(answer).toEqual({ statusCode: 302, error: 'HTTP 302 (redirects are not followed)' });
    expect(hits).toBe(1);
  });

  it('keeps the status of an error answer, never its body, and does not wait for a long one', async () => {
    const quick = await endpoint((_req, res) => res.writeHead(500).end('redis_version:7.2.4 secret=hunter2'));
    expect(await onSim()(request(quick))).toEqual({ statusCode: 500, error: 'HTTP 500' });

    const endless = await endpoint((_req, res) => {
      res.writeHead(500);
      const chunk = 'x'.repeat(64 * 1024);
      // Streams far more than anyone reads; the sender must not wait for the end.
      const write = () => {
        while (res.write(chunk)) {}
      };
      res.on('drain', write);
      write();
    });
    expect(await onSim({ timeoutMs: 5_000 })(request(endless))).toEqual({
      statusCode: 500,
      error: 'HTTP 500',
    });
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    const url = await endpoint(() => {});
    const started = Date.now();
    const answer = await onSim({ timeoutMs: 200 })(request(url));
    expect(answer).toEqual({ statusCode: null, error: 'timeout after 0.2 s' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses loopback unless it runs against the stripe-sim, however the address is written', async () => {
    let hits = 0;
    const url = await endpoint((_req, res) => {
      hits += 1;
      res.end();
    });
    const port = new URL(url).port;
    for (const [target, error] of [
      [url, 'refused: address 127.0.0.1 is loopback'],
      [`http://2130706433:${port}/hook`, 'refused: address 127.0.0.1 is loopback'],
      [`http://0x7f.1:${port}/hook`, 'refused: address 127.0.0.1 is loopback'],
      [`http://[::ffff:127.0.0.1]:${port}/hook`, 'refused: address ::ffff:7f00:1 is loopback'],
      // A name is checked after it is resolved (here by the system's resolver, as in production).
      [url.replace('127.0.0.1', 'localhost'), 'refused: no public address for localhost'],
    ] as const) {
      expect(await createWebhookSender()(request(target)), target).toEqual({ statusCode: null, error });
    }
    expect(hits).toBe(0);
    expect(await onSim()(request(url))).toEqual({ statusCode: 200, error: null });
    expect(hits).toBe(1);
  });

  it('connects to the address its resolver answered, sending the name as Host', async () => {
    let host: string | undefined;
    const url = await endpoint((req, res) => {
      host = req.headers.host;
      res.end();
    });
    const port = new URL(url).port;
    const { resolve, asked } = stubResolver(() => ['127.0.0.1']);
    const answer = await onSim({ resolve })(request(`http://hooks.example.test:${port}/hook`));
    expect(answer).toEqual({ statusCode: 200, error: null });
    expect(asked).toEqual(['hooks.example.test']);
    expect(host).toBe(`hooks.example.test:${port}`);
  });

  it('resolves the name again at every attempt and refuses it once it points at a private address', async () => {
    let hits = 0;
    const url = await endpoint((_req, res) => {
      hits += 1;
      res.end();
    });
    const target = `http://hooks.example.test:${new URL(url).port}/hook`;
    let answers = ['127.0.0.1'];
    const { resolve, asked } = stubResolver(() => answers);
    expect(await onSim({ resolve })(request(target))).toEqual({ statusCode: 200, error: null });
    // The same name now also answers a private address (DNS rebinding): nothing is sent.
    answers = ['127.0.0.1', '10.0.0.1'];
    expect(await onSim({ resolve })(request(target))).toEqual({
      statusCode: null,
      error: 'refused: no public address for hooks.example.test',
    });
    // And a name resolving to loopback is refused outright off the stripe-sim.
    answers = ['127.0.0.1'];
    expect(await createWebhookSender({ resolve })(request(target))).toEqual({
      statusCode: null,
      error: 'refused: no public address for hooks.example.test',
    });
    expect(hits).toBe(1);
    expect(asked).toHaveLength(3);
  });

  it('reports a refused connection', async () => {
    const answer = await onSim()(request('http://127.0.0.1:9/hook'));
    expect(answer.statusCode).toBeNull();
    expect(answer.error).toMatch(/^ECONNREFUSED/);
  });
});
