import type { Logger } from 'pino';
import { expireDueSessions, settleWithStripe } from '../checkout/checkout.lifecycle.ts';
import type { Database } from '../db/database.ts';
import type { PaymentGateway } from '../payments/stripe.gateway.ts';
import { type DeliveryPassResult, deliverDueWebhooks } from '../webhooks/webhooks.delivery.ts';
import { createWebhookSender, type WebhookSender } from '../webhooks/webhooks.sender.ts';

export interface Worker {
  /** One pass over every job; what tests call instead of waiting for the timer. */
  runOnce(): Promise<{ expired: number; settled: number; webhooks: DeliveryPassResult }>;
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * The in-process background worker: expires holds, settles closed sessions with Stripe and sends
 * outgoing webhooks.
 * All state is in Postgres and rows are claimed with SKIP LOCKED, so every server process can run one.
 */
export function createWorker(deps: {
  db: Database;
  payments: PaymentGateway;
  logger: Logger;
  intervalMs?: number;
  /** The webhook pass's clock (due times, backoff, the 3-day limit); tests move it forward. */
  now?: () => Date;
  sendWebhook?: WebhookSender;
}): Worker {
  const intervalMs = deps.intervalMs ?? 2_000;
  const sendWebhook = deps.sendWebhook ?? createWebhookSender();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function runOnce() {
    let expired = 0;
    // Batches keep each transaction short; a backlog drains over consecutive batches.
    for (let batch = 1; batch > 0; expired += batch) {
      batch = await deps.db.transaction().execute((tx) => expireDueSessions(tx, { limit: 100 }));
    }
    const settled = await settleWithStripe(deps.db, deps.payments, deps.logger, { limit: 50 });
    const webhooks = await deliverDueWebhooks(deps.db, {
      send: sendWebhook,
      logger: deps.logger,
      ...(deps.now ? { now: deps.now } : {}),
    });
    return { expired, settled, webhooks };
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then((result) => {
          const { delivered, retrying, failed } = result.webhooks;
          if (result.expired || result.settled || delivered || retrying || failed) {
            deps.logger.info(result, 'worker pass');
          }
        })
        .catch((error) => deps.logger.error({ err: error }, 'worker pass failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
