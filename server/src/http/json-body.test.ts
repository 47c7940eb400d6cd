import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Koa from 'koa';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './errors.ts';
import { jsonBody } from './json-body.ts';

let url: string;
let close: () => void;
beforeAll(async () => {
  const app = new Koa();
  app.use(errorHandler({ docsUrl: 'http://x/docs', logger: pino({ level: 'silent' }) }));
  app.use(jsonBody({ limit: '1kb', maxDepth: 4 }));
  app.use((ctx) => {
    ctx.body = { got: ctx.request.body ?? null, raw: ctx.request.rawBody ?? null };
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

function post(body: string | Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('jsonBody', () => {
  it('reads JSON, plain or compressed, and keeps the raw text', async () => {
    expect((await post('{"a":1}')).body).toEqual({ got: { a: 1 }, raw: '{"a":1}' });
    expect((await post(gzipSync('{"a":2}'), { 'Content-Encoding': 'gzip' })).body.got).toEqual({ a: 2 });
    expect((await post(brotliCompressSync('{"a":3}'), { 'Content-Encoding': 'br' })).body.got).toEqual({
      a: 3,
    });
    // Content codings are case-insensitive.
    expect((await post(gzipSync('{"a":4}'), { 'Content-Encoding': 'GZIP ' })).body.got).toEqual({ a: 4 });
  });

  it('answers 400 request.invalid_encoding for bytes that are not what the encoding says', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await post('{"a":1}', { 'Content-Encoding': encoding });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('request.invalid_encoding');
    }
    const truncated = gzipSync('{"a":1}').subarray(0, 12);
    expect((await post(truncated, { 'Content-Encoding': 'gzip' })).body.error.code).toBe(
      'request.invalid_encoding',
    );
  });

  it('answers 415 request.unsupported_encoding for an encoding it does not decode', async () => {
    const res = await post('x', { 'Content-Encoding': 'compress' });
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({
      code: 'request.unsupported_encoding',
      message: expect.stringContaining('compress'),
    });
  });

  it('refuses JSON nested deeper than maxDepth, and takes it at maxDepth', async () => {
    expect((await post('{"a":{"b":{"c":[1]}}}')).status).toBe(200);
    const res = await post('{"a":{"b":{"c":[[1]]}}}');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'request.invalid',
      message: expect.stringMatching(/deeper than 4/),
    });
  });

  it('still names malformed JSON and oversized bodies as before', async () => {
    expect((await post('{"a":')).body.error.code).toBe('request.malformed_json');
    expect((await post(JSON.stringify({ a: 'x'.repeat(2000) }))).status).toBe(413);
  });
});
