import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountStore } from './accounts/accounts.store.ts';
import { createApp } from './app.ts';
import { ChargeStore } from './charges/charges.store.ts';
import { advanceClock, type ClockAdvance } from './clock/clock.service.ts';
import { SimClock } from './clock/sim-clock.ts';
import { EventLog, orderingKey } from './events/event-log.ts';
import { PaymentIntentStore } from './payment-intents/payment-intents.store.ts';
import { PayoutStore } from './payouts/payouts.store.ts';
import { RefundStore } from './refunds/refunds.store.ts';
import type { Sim } from './sim.ts';
import { type WebhookDelivery, WebhookDispatcher, type WebhookEndpoint } from './webhooks/dispatcher.ts';

export interface StripeSimOptions {
  /** 0 = any free port; default 12111. */
  port?: number;
  /** Listen address, default '127.0.0.1'. */
  host?: string;
  /** The origin as browsers see it, default `http://localhost:${actualPort}`. */
  publicUrl?: string;
  /** Where to POST events; may be set later with setWebhook. */
  webhook?: WebhookEndpoint;
  /** Default: console.log with a "[stripe-sim]" prefix. Says what the sim received and sent. */
  log?: (line: string) => void;
}

export interface StripeSim {
  /** Where the server listens, for the `stripe` SDK (`host`, `port`, `protocol: 'http'`). */
  url: string;
  /** The origin browsers load `/js/v3` and the Payment Element from. */
  publicUrl: string;
  port: number;
  /**
   * The sim clock: real time until advanced. `advance(ms)` moves it forward, makes every webhook
   * attempt that came due, and resolves with what they did, as `POST /v1/stripe_sim/clock/advance` does.
   */
  clock: { now(): Date; readonly offsetMs: number; advance(ms: number): Promise<ClockAdvance> };
  /** Every event's webhook delivery, newest first, as `GET /v1/stripe_sim/webhooks` lists them. */
  webhookDeliveries(): WebhookDelivery[];
  setWebhook(webhook: WebhookEndpoint): void;
  stop(): Promise<void>;
}

export type { ClockAdvance, WebhookDelivery, WebhookEndpoint };

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts a local stand-in for Stripe's API, webhooks and Stripe.js; resolves once it is listening. */
export async function createStripeSim(options: StripeSimOptions = {}): Promise<StripeSim> {
  const log = options.log ?? ((line: string) => console.log(`[stripe-sim] ${line}`));
  const host = options.host ?? '127.0.0.1';
  let webhook = options.webhook;

  const clock = new SimClock();
  const dispatcher = new WebhookDispatcher({ endpoint: () => webhook, clock, log });
  const events = new EventLog({
    now: () => clock.now(),
    pendingWebhooks: () => (webhook ? 1 : 0),
    onEvent: (event) => {
      if (webhook) dispatcher.enqueue(event, orderingKey(event));
    },
  });

  // Listen first: with port 0 the public URL, which the app puts in PaymentIntents, depends on the port.
  const server = createServer();
  const port = await listen(server, options.port ?? 12111, host);
  const publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  const sim: Sim = {
    intents: new PaymentIntentStore(),
    charges: new ChargeStore(),
    refunds: new RefundStore(),
    payouts: new PayoutStore(),
    accounts: new AccountStore(),
    events,
    webhooks: dispatcher,
    publicUrl,
    clock,
    now: () => clock.now(),
  };
  const app = createApp(sim, { log, onResponseSent: () => dispatcher.flush() });
  server.on('request', app.callback());

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`listening on ${url} (browsers: ${publicUrl}/js/v3)${webhook ? `, webhooks to ${webhook.url}` : ''}`);

  return {
    url,
    publicUrl,
    port,
    clock: {
      now: () => clock.now(),
      get offsetMs() {
        return clock.offsetMs;
      },
      advance: (ms) => advanceClock(sim, ms),
    },
    webhookDeliveries: () => dispatcher.list(),
    setWebhook(next) {
      webhook = next;
      log(`webhooks to ${next.url}`);
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets (stripe-node keeps them) would hold close() open.
      server.closeAllConnections();
      await Promise.all([closed, dispatcher.stop()]);
    },
  };
}
