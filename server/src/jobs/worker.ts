import type { Logger } from 'pino';
import { type SettlePassResult, settleDueSessions } from '../checkout/checkout.settle.ts';
import { expireDueSessions } from '../checkout/holds.ts';
import type { Database } from '../db/database.ts';
import { deliverDueMails, type MailPassOptions, type MailPassResult } from '../mail/mail.delivery.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import { type DeliveryPassResult, deliverDueWebhooks } from '../webhooks/webhooks.delivery.ts';
import { createWebhookSender, type WebhookSender } from '../webhooks/webhooks.sender.ts';

/** The longest wait between passes while they keep failing. */
const MAX_BACKOFF_MS = 60_000;

export interface Worker {
  /** One pass over every job; what tests call instead of waiting for the timer. */
  runOnce(): Promise<{
    expired: number;
    settled: SettlePassResult;
    webhooks: DeliveryPassResult;
    /** Null while no mail server is configured: mails wait in the outbox. */
    mails: MailPassResult | null;
  }>;
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * The in-process background worker: expires holds, settles closed sessions with Stripe, sends
 * outgoing webhooks and buyer mail.
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
  /** How buyer mail is sent; without it, mails wait in the outbox. */
  mail?: Omit<MailPassOptions, 'logger' | 'now'> | null;
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
    const settled = await settleDueSessions(deps.db, deps.payments, deps.logger, { limit: 50 });
    const webhooks = await deliverDueWebhooks(deps.db, {
      send: sendWebhook,
      logger: deps.logger,
      ...(deps.now ? { now: deps.now } : {}),
    });
    const clock = deps.now ? { now: deps.now } : {};
    const mails = deps.mail
      ? await deliverDueMails(deps.db, { ...deps.mail, logger: deps.logger, ...clock })
      : null;
    return { expired, settled, webhooks, mails };
  }

  // A pass that fails (the database is away) waits twice as long before the next, up to a minute,
  // instead of failing every interval; the first pass that works brings the interval back.
  let failures = 0;
  const delayFor = (failed: number) =>
    Math.min(intervalMs * 2 ** failed, Math.max(intervalMs, MAX_BACKOFF_MS));
  function schedule() {
    if (stopped) return;
    const delay = delayFor(failures);
    timer = setTimeout(() => {
      running = runOnce()
        .then((result) => {
          failures = 0;
          const { delivered, retrying, failed } = result.webhooks;
          const mailed = result.mails ? result.mails.sent + result.mails.retrying + result.mails.failed : 0;
          if (result.expired || result.settled.checked || delivered || retrying || failed || mailed) {
            deps.logger.info(result, 'worker pass');
          }
        })
        .catch((error) => {
          failures++;
          deps.logger.error({ err: error, failures, nextPassInMs: delayFor(failures) }, 'worker pass failed');
        })
        .finally(schedule);
    }, delay);
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
