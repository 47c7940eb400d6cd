import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTiming } from './server-timing.ts';

let url: string;
let close: () => void;

beforeAll(async () => {
  const app = new Koa();
  app.use(serverTiming());
  app.use(async (ctx, next) => {
    // As the API's error handler does: render the error here, inside the timing.
    await next().catch((error: { status: number }) => {
      ctx.status = error.status;
      ctx.body = 'failed';
    });
  });
  app.use(async (ctx) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (ctx.path === '/fail') ctx.throw(418);
    ctx.body = 'ok';
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  close = () => server.close();
});
afterAll(() => close());

const durationOf = (header: string | null) => Number(/^app;dur=(\d+\.\d{3})$/.exec(header ?? '')?.[1]);

describe('serverTiming', () => {
  it('names the time spent in the handler, in milliseconds', async () => {
    const res = await fetch(`${url}/`);
    const dur = durationOf(res.headers.get('server-timing'));
    expect(dur).toBeGreaterThanOrEqual(19);
    expect(dur).toBeLessThan(1000);
  });

  it('times the errors rendered inside it too', async () => {
    const res = await fetch(`${url}/fail`);
    expect(res.status).toBe(418);
    expect(durationOf(res.headers.get('server-timing'))).toBeGreaterThanOrEqual(19);
  });
});
