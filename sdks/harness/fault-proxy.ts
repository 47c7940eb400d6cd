import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request:
 * - `429`: answers `429 rate_limit.exceeded` with `Retry-After: 1`, and never forwards it;
 * - `503`: answers `503 service.unavailable` with `Retry-After: 1`, and never forwards it;
 * - `reset`: closes the connection before forwarding, so the API never sees the request;
 * - `drop`: forwards it, lets the API answer, then closes the connection instead of passing the
 *   answer on (the client cannot know whether its POST happened: only a retry with the same
 *   Idempotency-Key is safe).
 */
export type Fault = '429' | '503' | 'reset' | 'drop';
const FAULTS: readonly Fault[] = ['429', '503', 'reset', 'drop'];

export interface ProxiedRequest {
  method: string;
  /** Path and query, as the client sent them. */
  path: string;
  idempotencyKey: string | null;
  apiVersion: string | null;
  fault: Fault | null;
  /** What the API answered; null when the proxy answered itself or never forwarded it. */
  status: number | null;
}

export interface FaultProxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of the API that an SDK's tests can tell to fail the next
 * requests, and ask what it saw. Its control endpoint is `/__faults`:
 * - `POST /__faults {"next": ["429", "drop"]}` applies those faults, in order, to the next requests
 *   and clears the log;
 * - `GET /__faults` answers `{"log": ProxiedRequest[]}` since the last POST.
 */
export async function startFaultProxy(options: { upstream: string; port: number }): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  let queue: Fault[] = [];
  let log: ProxiedRequest[] = [];

  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '/';
    if (path.startsWith('/__faults')) return control(req.method ?? 'GET', body, res);

    const fault = queue.shift() ?? null;
    const entry: ProxiedRequest = {
      method: req.method ?? 'GET',
      path,
      idempotencyKey: header(req, 'idempotency-key'),
      apiVersion: header(req, 'entryrate-version'),
      fault,
      status: null,
    };
    log.push(entry);
    if (fault === 'reset') return req.socket.destroy();
    if (fault === '429' || fault === '503') {
      const code = fault === '429' ? 'rate_limit.exceeded' : 'service.unavailable';
      return json(res, Number(fault), { error: errorBody(code) }, { 'Retry-After': '1' });
    }

    const headers = { ...req.headers, host: upstream.host };
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers },
      async (answer) => {
        const answerBody = await readBody(answer);
        entry.status = answer.statusCode ?? null;
        if (fault === 'drop') return req.socket.destroy();
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(answerBody);
      },
    );
    forwarded.on('error', (error) => json(res, 502, { error: errorBody('internal', error.message) }));
    forwarded.end(body);
  });

  function control(method: string, body: Buffer, res: http.ServerResponse) {
    if (method === 'GET') return json(res, 200, { log });
    const next = (JSON.parse(body.toString() || '{}') as { next?: unknown }).next;
    if (!Array.isArray(next) || !next.every((f): f is Fault => FAULTS.includes(f as Fault))) {
      return json(res, 400, { error: errorBody('request.invalid', `next: a list of ${FAULTS.join(', ')}`) });
    }
    queue = [...next];
    log = [];
    json(res, 200, { next: queue });
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function errorBody(code: string, message = 'Injected by the SDK test proxy.') {
  return { code, message, docs: 'https://entryrate.co.uk/docs#errors', requestId: 'req_fault_proxy' };
}

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
