import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './errors.ts';
import { jsonBody } from './json-body.ts';
import { storableText } from './storable-text.ts';

let url: string;
let close: () => void;
beforeAll(async () => {
  const router = new Router({ prefix: '/things' });
  router.get('/:id', (ctx) => {
    ctx.body = { id: ctx.params.id };
  });
  router.post('/:id/parts/:part', (ctx) => {
    ctx.body = { part: ctx.params.part, body: ctx.request.body };
  });
  const app = new Koa();
  app.use(errorHandler({ docsUrl: 'http://x/docs', logger: pino({ level: 'silent' }) }));
  app.use(jsonBody());
  app.use(storableText({ routers: () => [router] }));
  app.use(router.routes());
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

async function call(path: string, body?: string) {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/json' } }),
  });
  return { status: res.status, body: await res.json() };
}

const refused = (param: string | undefined) => ({
  status: 400,
  body: { error: expect.objectContaining({ code: 'request.invalid', ...(param ? { param } : {}) }) },
});

describe('storableText', () => {
  it('names the path parameter that holds a NUL', async () => {
    expect(await call('/things/a%00b')).toEqual(refused('id'));
    expect(await call('/things/x/parts/%00', '{}')).toEqual(refused('part'));
  });

  it('names the query parameter', async () => {
    expect(await call('/things/x?q=%00')).toEqual(refused('q'));
    expect(await call('/things/x?q=ok&tags=a&tags=b%00')).toEqual(refused('tags[1]'));
  });

  it('names the body field, nested, and keys too', async () => {
    expect(await call('/things/x/parts/y', '{"items":[{"tier":"a\\u0000"}]}')).toEqual(
      refused('items[0].tier'),
    );
    expect(await call('/things/x/parts/y', '{"a":{"\\u0000":1}}')).toEqual(refused('a.\u0000'));
    expect(await call('/things/x/parts/y', '["ok", "\\u0000"]')).toEqual(refused('[1]'));
  });

  it('refuses unpaired surrogates but keeps pairs (emoji) and other text', async () => {
    expect(await call('/things/x/parts/y', '{"name":"\\ud800x"}')).toEqual(refused('name'));
    expect(await call('/things/x/parts/y', '{"name":"\\udc00"}')).toEqual(refused('name'));
    const fine = await call('/things/x/parts/y', '{"name":"\\ud83c\\udf9f tickets · naïve"}');
    expect(fine).toEqual({ status: 200, body: { part: 'y', body: { name: '🎟 tickets · naïve' } } });
    expect((await call('/things/%C3%A9%20%F0%9F%8E%9F')).body).toEqual({ id: 'é 🎟' });
  });

  it('lets through what no route reads as a parameter', async () => {
    expect((await call('/elsewhere/%00')).status).toBe(404);
  });
});
