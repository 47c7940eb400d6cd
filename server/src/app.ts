import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import type { Logger } from 'pino';
import type { AppDeps } from './app.deps.ts';
import { assetsRouter } from './assets/assets.routes.ts';
import { checkoutRouter } from './checkout/checkout.routes.ts';
import type { Config } from './config.ts';
import { createDatabase, type Database } from './db/database.ts';
import { docsRouter } from './docs/docs.routes.ts';
import { eventsRouter } from './events/events.routes.ts';
import { healthRouter } from './health/health.routes.ts';
import { authenticate } from './http/auth.ts';
import { publicCors } from './http/cors.ts';
import { errorHandler } from './http/errors.ts';
import { idempotency } from './http/idempotency.ts';
import { rateLimit } from './http/rate-limit.ts';
import { requestId } from './http/request-id.ts';
import { apiVersion } from './http/version.ts';
import { createWorker, type Worker } from './jobs/worker.ts';
import { createLogger } from './logger.ts';
import { createStripeGateway, type PaymentGateway } from './payments/stripe.gateway.ts';
import { stripeWebhookRouter } from './payments/stripe-webhook.routes.ts';
import { widgetRouter } from './widget/widget.routes.ts';

export interface App {
  deps: AppDeps;
  /** The background worker (hold expiry, Stripe settlement); started with the server. */
  worker: Worker;
  /** Listens on `config.port` (0 picks a free port) and resolves with the bound URL. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops the worker, closes the HTTP server and (unless it was passed in) the database pool. */
  stop(): Promise<void>;
}

/** Wires middleware and feature routers; tests pass their own config (and may pass a database). */
export function createApp(
  config: Readonly<Config> & { databaseUrl: string },
  overrides: { db?: Database; payments?: PaymentGateway; logger?: Logger; startWorker?: boolean } = {},
): App {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const db =
    overrides.db ??
    createDatabase(config.databaseUrl, {
      poolSize: config.databasePoolSize,
      onIdleError: (err) => logger.warn({ err }, 'idle database connection lost'),
    });
  const payments = overrides.payments ?? createStripeGateway(config.stripe);
  const deps: AppDeps = { db, config, payments, logger };
  const worker = createWorker({ db, payments, logger });

  // Behind a load balancer the client address (rate limits, idempotency scope) comes from
  // X-Forwarded-For, trusting only as many hops as there are proxies of ours.
  const koa = new Koa(
    config.trustProxy > 0 ? { proxy: true, maxIpsCount: config.trustProxy } : { proxy: false },
  );
  koa.use(requestId());
  koa.use(publicCors({ paths: [/^\/v1\/widget\//, /^\/v1\/checkout\/sessions/] }));
  koa.use(errorHandler({ docsUrl: `${config.publicUrl}/docs`, logger }));
  koa.use(apiVersion());
  koa.use(bodyParser({ enableTypes: ['json'], jsonLimit: '100kb', encoding: 'utf-8' }));
  koa.use(authenticate({ db }));
  // After authenticate (limits follow the key), before idempotency (a rejected request claims no
  // key). A request meets at most one limiter; the Stripe webhook and paths outside /v1 meet none.
  const keyManagement = /^\/v1\/api-keys(\/|$)/i;
  const promoterApi = (path: string) =>
    /^\/v1\//i.test(path) && !/^\/v1\/stripe\/webhook\/?$/i.test(path) && !keyManagement.test(path);
  koa.use(
    rateLimit({
      db,
      name: 'key',
      limit: config.rateLimits.perKey,
      windowSeconds: 15 * 60,
      key: (ctx) => (promoterApi(ctx.path) ? (ctx.state.auth?.keyId ?? null) : null),
    }),
  );
  koa.use(
    rateLimit({
      db,
      name: 'key-management',
      limit: config.rateLimits.keyManagement,
      windowSeconds: 60 * 60,
      key: (ctx) => (keyManagement.test(ctx.path) ? (ctx.state.auth?.keyId ?? null) : null),
    }),
  );
  koa.use(
    rateLimit({
      db,
      name: 'checkout',
      limit: config.rateLimits.checkout,
      windowSeconds: 60,
      subject: 'this client',
      key: (ctx) =>
        !ctx.state.auth && ctx.method === 'POST' && /^\/v1\/checkout\/sessions\/?$/i.test(ctx.path)
          ? ctx.ip
          : null,
    }),
  );
  koa.use(idempotency({ db }));
  for (const router of [
    healthRouter(deps),
    assetsRouter({ payments }),
    docsRouter(),
    stripeWebhookRouter(deps),
    widgetRouter(deps),
    checkoutRouter(deps),
    eventsRouter(deps),
  ]) {
    koa.use(router.routes());
    koa.use(router.allowedMethods());
  }

  let server: Server | undefined;
  return {
    deps,
    worker,
    start: () =>
      new Promise((resolve, reject) => {
        const listening = koa.listen(config.port, '127.0.0.1', () => {
          const { port } = listening.address() as AddressInfo;
          logger.info({ port }, 'EntryRate API listening');
          if (overrides.startWorker !== false) worker.start();
          resolve({ url: `http://127.0.0.1:${port}`, port });
        });
        listening.once('error', reject);
        server = listening;
      }),
    stop: async () => {
      await worker.stop();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
      }
      if (!overrides.db) await db.destroy();
    },
  };
}
