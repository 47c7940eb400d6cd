import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, errorHandler, paramOf } from './errors.ts';

let url: string;
let close: () => void;
beforeAll(async () => {
  const router = new Router();
  router.get('/thing', (ctx) => {
    ctx.body = { ok: true };
  });
  router.post('/thing', () => {
    throw new ApiError(409, 'event.cancelled', 'Cancelled.', 'id');
  });
  router.get('/db-down', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  router.get('/db-gone', () => {
    throw new Error('Connection terminated unexpectedly');
  });
  router.get('/bug', () => {
    throw new TypeError('undefined is not a function');
  });
  const app = new Koa();
  app.use(
    errorHandler({ docsUrl: 'http://x/docs', logger: pino({ level: 'silent' }), retryAfterSeconds: 7 }),
  );
  app.use(router.routes());
  app.use(router.allowedMethods());
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

function send(method: string, path: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
    const req = request(`${url}${path}`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text ? JSON.parse(text) : undefined,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const shape = (code: string) => ({
  error: { code, message: expect.any(String), docs: `http://x/docs#${code}`, requestId: undefined },
});

describe('errorHandler', () => {
  it('renders an ApiError with its param', async () => {
    const res = await send('POST', '/thing');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'event.cancelled', message: 'Cancelled.', param: 'id' });
  });

  it('renders 404, 405 and 501 from the router in the error shape, keeping Allow', async () => {
    expect((await send('GET', '/nowhere')).body).toEqual(shape('route.not_found'));
    const put = await send('PUT', '/thing');
    expect(put.status).toBe(405);
    expect(put.body).toEqual(shape('request.method_not_allowed'));
    expect(put.body.error.message).toContain('GET');
    expect(put.headers.allow).toBe('HEAD, GET, POST');
    const propfind = await send('PROPFIND', '/thing');
    expect(propfind.status).toBe(501);
    expect(propfind.body).toEqual(shape('request.method_not_implemented'));
    expect(propfind.headers.allow).toBe('HEAD, GET, POST');
  });

  it('answers 503 service.unavailable with Retry-After when the database cannot be reached', async () => {
    for (const path of ['/db-down', '/db-gone']) {
      const res = await send('GET', path);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.body).toEqual(shape('service.unavailable'));
    }
  });

  it('answers 500 internal for anything else, telling nothing of it', async () => {
    const res = await send('GET', '/bug');
    expect(res.status).toBe(500);
    expect(res.body).toEqual(shape('internal'));
    expect(res.headers['retry-after']).toBeUndefined();
  });
});

describe('paramOf', () => {
  it('spells paths as clients write them', () => {
    expect(paramOf(['items', 0, 'tier'])).toBe('items[0].tier');
    expect(paramOf(['q'])).toBe('q');
    expect(paramOf([])).toBe('');
  });
});
