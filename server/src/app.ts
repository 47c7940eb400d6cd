import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import { accountsRouter } from './accounts/accounts.routes.ts';
import type { AppDeps } from './app.deps.ts';
import { assetsRouter } from './assets/assets.routes.ts';
import { checkoutRouter } from './checkout/checkout.routes.ts';
import type { Config } from './config.ts';
import { dashboardRouter } from './dashboard/dashboard.routes.ts';
import { createDatabase, type Database } from './db/database.ts';
import { docsRouter } from './docs/docs.routes.ts';
import { doorRouter } from './door/door.routes.ts';
import { embedRouter } from './embed/embed.routes.ts';
import { eventsRouter } from './events/events.routes.ts';
import { healthRouter } from './health/health.routes.ts';
import { authenticate } from './http/auth.ts';
import { publicCors } from './http/cors.ts';
import { errorHandler } from './http/errors.ts';
import { idempotency } from './http/idempotency.ts';
import { jsonBody } from './http/json-body.ts';
import { rateLimiters } from './http/rate-limits.ts';
import { requestId } from './http/request-id.ts';
import { requestLog } from './http/request-log.ts';
import { serverTiming } from './http/server-timing.ts';
import { sessionAuth } from './http/session-auth.ts';
import { storableText } from './http/storable-text.ts';
import { apiVersion } from './http/version.ts';
import { createWorker, type Worker } from './jobs/worker.ts';
import { createLogger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import { routersOf } from './openapi/openapi.document.ts';
import { openapiRouter } from './openapi/openapi.routes.ts';
import { noteTicketsMailOutcome } from './orders/order-mails.ts';
import { ordersRouter } from './orders/orders.routes.ts';
import type { PaymentGateway } from './payments/payment-gateway.ts';
import { createStripeGateway } from './payments/stripe.gateway.ts';
import { stripeWebhookRouter } from './payments/stripe-webhook.routes.ts';
import { accountRouter } from './payouts/account.routes.ts';
import { payoutsRouter } from './payouts/payouts.routes.ts';
import { activeKeyCache } from './promoters/active-key-cache.ts';
import { apiKeysRouter } from './promoters/api-keys.routes.ts';
import { promotersRouter } from './promoters/promoters.routes.ts';
import { scannerRouter } from './scanner/scanner.routes.ts';
import { carriesItsOwnScanId, scansRouter } from './scans/scans.routes.ts';
import { storefrontRouter } from './storefront/storefront.routes.ts';
import { invitationsRouter } from './team/invitations.routes.ts';
import { teamRouter } from './team/team.routes.ts';
import { buyerMailComposer, buyerMailDelivery } from './tickets/buyer-mail.ts';
import { ticketPageAssetsRouter } from './tickets/page/page-assets.routes.ts';
import { ticketPageRouter } from './tickets/ticket-page.routes.ts';
import { ticketsRouter } from './tickets/tickets.routes.ts';
import { venuesRouter } from './venues/venues.routes.ts';
import { webhooksRouter } from './webhooks/webhooks.routes.ts';
import { createWebhookSender } from './webhooks/webhooks.sender.ts';
import { widgetRouter } from './widget/widget.routes.ts';

export interface App {
  deps: AppDeps;
  /** The background worker (hold expiry, Stripe settlement, outgoing webhooks); started with the server. */
  worker: Worker;
  /** Every router mounted, in order: what the OpenAPI document is built from, and tests walk. */
  routers: readonly Router[];
  /** Listens on `config.port` (0 picks a free port) and resolves with the bound URL. */
  start(): Promise<{ url: string; port: number }>;
  /**
   * Stops accepting connections, lets requests in flight finish (for up to `graceMs`, 10 s by
   * default) and the worker finish its pass, then closes (unless it was passed in) the pool.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** Wires middleware and feature routers; tests pass their own config (and may pass a database). */
export function createApp(
  config: Readonly<Config> & { databaseUrl: string },
  overrides: {
    db?: Database;
    payments?: PaymentGateway;
    logger?: Logger;
    startWorker?: boolean;
    mailer?: Mailer;
    /** Run before all of the app's own middleware, so they see every answer as it leaves (tests). */
    middleware?: Koa.Middleware[];
  } = {},
): App {
  const logger = overrides.logger ?? createLogger(config);
  const db =
    overrides.db ??
    createDatabase(config.databaseUrl, {
      poolSize: config.databasePoolSize,
      onConnectionError: (err) => logger.warn({ reason: err.message }, 'database connection lost'),
    });
  const payments = overrides.payments ?? createStripeGateway(config.stripe);
  const keys = activeKeyCache();
  const deps: AppDeps = { db, config, payments, logger, keys };
  const mail = buyerMailDelivery(config, logger, overrides.mailer);
  const worker = createWorker({
    db,
    payments,
    logger,
    // Webhooks may reach this machine only on a developer's own, where the server uses the stripe-sim.
    sendWebhook: createWebhookSender({ allowLoopback: config.stripe.sim !== null }),
    mail,
  });

  // Behind a load balancer the client address (rate limits, idempotency scope) comes from
  // X-Forwarded-For, trusting only as many hops as there are proxies of ours.
  const koa = new Koa(
    config.trustProxy > 0 ? { proxy: true, maxIpsCount: config.trustProxy } : { proxy: false },
  );
  for (const middleware of overrides.middleware ?? []) koa.use(middleware);
  koa.use(serverTiming());
  koa.use(requestId());
  koa.use(requestLog({ logger }));
  koa.use(
    publicCors({
      paths: [/^\/v1\/widget\//, /^\/v1\/checkout\/sessions/, /^\/v1\/storefront\//, /^\/v1\/ticket-links$/],
    }),
  );
  koa.use(errorHandler({ docsUrl: `${config.publicUrl}/docs`, logger }));
  koa.use(apiVersion());
  koa.use(jsonBody({ limit: '100kb' }));
  // Before the first query (the API key lookup): text PostgreSQL cannot store is a 400 here.
  koa.use(storableText({ routers: () => routersOf(koa) }));
  // Live keys are refused while the server talks to the stripe-sim (see promoters/live-mode.ts).
  koa.use(authenticate({ db, keys, refuseLiveKeys: config.stripe.sim !== null, logger }));
  // Without a key, the dashboard's session cookie (and its CSRF token) may sign the request in.
  koa.use(sessionAuth({ db, config }));
  // After authenticate (limits follow the key), before idempotency (a rejected request claims no key).
  for (const limiter of rateLimiters(db, config.rateLimits)) koa.use(limiter);
  koa.use(idempotency({ db, idempotentByItself: carriesItsOwnScanId }));
  for (const router of [
    healthRouter(deps),
    assetsRouter({ payments }),
    docsRouter(),
    stripeWebhookRouter(deps),
    widgetRouter(deps),
    checkoutRouter(deps),
    eventsRouter(deps),
    embedRouter(deps),
    doorRouter(deps),
    ordersRouter(deps),
    ticketsRouter(deps),
    ticketPageAssetsRouter(),
    ticketPageRouter(deps),
    scansRouter(deps),
    venuesRouter(deps),
    apiKeysRouter(deps),
    promotersRouter(deps),
    storefrontRouter(deps),
    webhooksRouter(deps),
    payoutsRouter(deps),
    accountRouter(deps),
    accountsRouter(deps),
    teamRouter(deps),
    invitationsRouter(deps),
    dashboardRouter({ config }),
    scannerRouter(),
    openapiRouter({ routers: () => routersOf(koa), publicUrl: config.publicUrl }),
  ]) {
    koa.use(router.routes());
    koa.use(router.allowedMethods());
  }

  let server: Server | undefined;
  return {
    deps,
    worker,
    routers: routersOf(koa),
    start: () =>
      new Promise((resolve, reject) => {
        const listening = koa.listen(config.port, config.host, () => {
          const { port } = listening.address() as AddressInfo;
          logger.info({ host: config.host, port }, 'EntryRate API listening');
          if (overrides.startWorker !== false) worker.start();
          // A wildcard address is reached through loopback from this machine.
          const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
          resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port });
        });
        listening.once('error', reject);
        // What Node's HTTP parser refuses before Koa sees it (an unknown method token, oversized
        // headers) still gets the error shape.
        listening.on('clientError', (error: NodeJS.ErrnoException, socket) => {
          if (!socket.writable) return socket.destroy();
          const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
          const status = tooLarge ? 431 : 400;
          const body = JSON.stringify({
            error: {
              code: 'request.invalid',
              message: tooLarge ? 'The request headers are too large.' : 'The request is not valid HTTP.',
              docs: `${config.publicUrl}/docs#request.invalid`,
            },
          });
          socket.end(
            `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
              `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
              `Connection: close\r\n\r\n${body}`,
          );
        });
        server = listening;
      }),
    stop: async (options = {}) => {
      await Promise.all([worker.stop(), server ? closeGracefully(server, options.graceMs ?? 10_000) : null]);
      if (!overrides.mailer) mail?.mailer.close();
      if (!overrides.db) await db.destroy();
    },
  };
}

/**
 * Stops accepting connections, lets requests in flight finish for up to `graceMs`, then cuts
 * whatever is left. Keep-alive connections are closed as soon as they fall idle.
 */
async function closeGracefully(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
  });
  await Promise.race([closed, deadline]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  await closed;
}
