import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { retryAt } from '../lib/backoff.ts';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  disableFailingEndpoint,
  logAttempt,
  markEndpointSucceeded,
  recordAttempt,
} from './webhooks.outbox.store.ts';
import type { WebhookSender } from './webhooks.sender.ts';
import { webhookHeaders } from './webhooks.signature.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, … failed attempt; the last one repeats until `RETRY_FOR_MS` has passed. */
export const RETRY_DELAYS_MS = [MINUTE / 2, 2 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, 12 * HOUR] as const;
/** How long a delivery is retried, counted from the event; its last attempt falls exactly then. */
export const RETRY_FOR_MS = 72 * HOUR;
/**
 * How long a claim holds a delivery. Far longer than one attempt can take (10 s timeout), so a
 * live worker always records its outcome first; if the process dies, the delivery is due again then.
 */
export const LEASE_MS = MINUTE;

/**
 * When to try a delivery again after `attempts` failed attempts of its retry window, which started
 * at `createdAt` (the event, or the promoter's resend); null once 3 days have passed.
 */
export function nextAttemptAfter(
  attempts: number,
  createdAt: Date,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  return retryAt({ delaysMs: RETRY_DELAYS_MS, retryForMs: RETRY_FOR_MS }, attempts, createdAt, now, random);
}

export interface DeliveryPassOptions {
  send: WebhookSender;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
  /** Deliveries claimed (and sent concurrently) at a time. */
  batchSize?: number;
  /** Batches per pass, so one pass ends even under a steady stream of events. */
  maxBatches?: number;
}

export interface DeliveryPassResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * One pass of the outbox: claims due deliveries in small batches and sends each outside any
 * transaction. A 2xx is delivered; anything else is retried with backoff for 3 days, then failed,
 * and an endpoint with no success over those 3 days is disabled.
 */
export async function deliverDueWebhooks(
  db: Database,
  options: DeliveryPassOptions,
): Promise<DeliveryPassResult> {
  const now = options.now ?? (() => new Date());
  const result: DeliveryPassResult = { delivered: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const claimedAt = now();
    const claimed = await claimDueDeliveries(db, {
      now: claimedAt,
      leaseUntil: new Date(claimedAt.getTime() + LEASE_MS),
      token: randomUUID(),
      limit: options.batchSize ?? 10,
    });
    if (claimed.length === 0) break;
    const outcomes = await Promise.all(claimed.map((delivery) => attempt(db, delivery, options, now)));
    for (const outcome of outcomes) if (outcome) result[outcome] += 1;
  }
  return result;
}

async function attempt(
  db: Database,
  delivery: ClaimedDelivery,
  options: DeliveryPassOptions,
  now: () => Date,
): Promise<keyof DeliveryPassResult | null> {
  const sentAt = now();
  const response = await options.send({
    url: delivery.url,
    body: delivery.body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'EntryRate-Webhooks/1.0',
      ...webhookHeaders({ secret: delivery.secret, eventId: delivery.eventId, body: delivery.body, sentAt }),
    },
  });
  const at = now();
  const about = { eventId: delivery.eventId, endpointId: delivery.endpointId, attempts: delivery.attempts };
  const ok = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
  const logged = {
    at: sentAt,
    statusCode: response.statusCode,
    error: response.error,
    durationMs: at.getTime() - sentAt.getTime(),
  };

  if (ok) {
    const recorded = await db.transaction().execute(async (tx) => {
      await markEndpointSucceeded(tx, delivery.endpointId, at);
      const done = await recordAttempt(tx, delivery, {
        status: 'delivered',
        at,
        nextAttemptAt: null,
        statusCode: response.statusCode,
        error: null,
      });
      if (done) await logAttempt(tx, delivery, logged);
      return done;
    });
    options.logger.info({ ...about, statusCode: response.statusCode }, 'webhook delivered');
    return recorded ? 'delivered' : null;
  }

  const next = nextAttemptAfter(delivery.windowAttempts, delivery.retryFrom, at, options.random);
  return db.transaction().execute(async (tx) => {
    const recorded = await recordAttempt(tx, delivery, {
      status: next ? 'pending' : 'failed',
      at,
      nextAttemptAt: next,
      statusCode: response.statusCode,
      error: response.error,
    });
    // The lease ran out and another worker holds the delivery now: its outcome is the one that counts.
    if (!recorded) return null;
    await logAttempt(tx, delivery, logged);
    options.logger.warn(
      { ...about, statusCode: response.statusCode, error: response.error, nextAttemptAt: next },
      next ? 'webhook attempt failed; will retry' : 'webhook delivery failed for 3 days; giving up',
    );
    if (next) return 'retrying';
    const since = delivery.retryFrom.toISOString();
    const reason =
      `No delivery has succeeded since ${since}: ${delivery.eventId} (${delivery.type}) failed for 3 days, ` +
      `last with ${response.error ?? 'an error'}. Disabled at ${at.toISOString()}.`;
    // Its other pending deliveries wait (the worker skips disabled endpoints) until it is re-enabled.
    if (await disableFailingEndpoint(tx, delivery.endpointId, delivery.retryFrom, at, reason)) {
      options.logger.warn({ endpointId: delivery.endpointId }, 'webhook endpoint disabled');
    }
    return 'failed';
  });
}
