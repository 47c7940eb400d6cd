import Router from '@koa/router';
import Koa from 'koa';
import type { MailStore } from '../store.ts';
import { errorHandler, unknownRoute } from './errors.ts';
import { inboxRoutes } from './inbox.routes.ts';
import { messageRoutes } from './messages.routes.ts';

/** The web inbox: the page, its JSON API and each message's parts. */
export function createWebApp(store: MailStore, log: (line: string) => void): Koa {
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    await next();
  });
  app.use(errorHandler(log));
  const router = new Router();
  inboxRoutes(router);
  messageRoutes(router, store);
  app.use(router.routes());
  app.use(unknownRoute());
  return app;
}
