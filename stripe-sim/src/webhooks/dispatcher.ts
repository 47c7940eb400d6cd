import type Stripe from 'stripe';
import type { SimClock } from '../clock/sim-clock.ts';
import { type PostOutcome, postEvent, type WebhookEndpoint } from './post.ts';
import { ATTEMPTS_DUE_MS, GIVE_UP_AFTER_MS, inWords, nextAttemptDue } from './retry-schedule.ts';

export type { WebhookEndpoint };

export interface WebhookDispatcherOptions {
  /** Read at each attempt, so that `setWebhook` applies to deliveries already owed. */
  endpoint: () => WebhookEndpoint | undefined;
  /** Retries come due on this clock. */
  clock: SimClock;
  log: (line: string) => void;
  timeoutMs?: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'given_up';

/** One event's delivery, as `GET /v1/stripe_sim/webhooks` lists it: times in unix seconds of the sim clock. */
export interface WebhookDelivery {
  /** The event's id. */
  id: string;
  object: 'stripe_sim.webhook_delivery';
  type: string;
  /** The id of the event's `data.object`. */
  about: string | null;
  status: DeliveryStatus;
  attempts: number;
  created: number;
  last_attempt_at: number | null;
  /** The endpoint's status code, or why there was none (`ECONNREFUSED`, `timed out after 10000 ms`). */
  last_result: string | null;
  /** Null once delivered or given up, and while an attempt is in flight. */
  next_attempt_at: number | null;
}

/** What the attempts made by one `runDue()` came to. */
export interface DeliveryRun {
  attempted: number;
  delivered: number;
  /** Failed, with another attempt to come. */
  failed: number;
  /** Failed for the last time. */
  given_up: number;
}

interface Delivery {
  event: Stripe.Event;
  createdMs: number;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptMs: number | null;
  lastResult: string | null;
  nextAttemptMs: number | null;
  /** An attempt is in flight, or the first one waits its turn behind earlier events about the object. */
  busy: boolean;
}

type AttemptResult = Exclude<keyof DeliveryRun, 'attempted'> | 'stopped';

const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));
const objectId = (event: Stripe.Event) => (event.data.object as { id?: string }).id ?? null;
/**
 * Delivers events to the webhook endpoint, signed as Stripe signs them, retrying each on Stripe's
 * schedule (`retry-schedule.ts`) by the sim clock. Each event is retried on its own: a refused event
 * never holds back later ones, and Stripe does not promise order either. Only first attempts keep the
 * order of events about one PaymentIntent, so that a healthy endpoint hears them in order.
 */
export class WebhookDispatcher {
  private readonly unflushed: { key: string; delivery: Delivery }[] = [];
  /** Every delivery, oldest first; `owed` the ones still pending. */
  private readonly deliveries: Delivery[] = [];
  private readonly owed = new Set<Delivery>();
  /** Per ordering key, the last first attempt queued: the next event's first attempt waits for it. */
  private readonly firstAttempts = new Map<string, Promise<unknown>>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly requests = new Set<AbortController>();
  private readonly timeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  /** `runDue()` calls in progress: while there are any, they own the timer. */
  private runs = 0;
  private stopped = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Owes an event; its first attempt goes out at the next `flush()`, once the API response that caused it is out. */
  enqueue(event: Stripe.Event, orderingKey: string): void {
    if (this.stopped) return;
    const createdMs = this.options.clock.nowMs();
    const delivery: Delivery = {
      event,
      createdMs,
      status: 'pending',
      attempts: 0,
      lastAttemptMs: null,
      lastResult: null,
      nextAttemptMs: createdMs,
      busy: true,
    };
    this.deliveries.push(delivery);
    this.owed.add(delivery);
    this.unflushed.push({ key: orderingKey, delivery });
  }

  /** Makes the first attempt at what was enqueued. */
  flush(): void {
    for (const { key, delivery } of this.unflushed.splice(0)) {
      const before = this.firstAttempts.get(key) ?? Promise.resolve();
      const first = this.track(before.then(() => this.attempt(delivery)));
      this.firstAttempts.set(key, first);
      void first.finally(() => {
        if (this.firstAttempts.get(key) === first) this.firstAttempts.delete(key);
      });
    }
  }

  /**
   * Waits for attempts in flight, then makes every attempt that is due by the sim clock, again and
   * again until none is: a clock moved past several retries of an event makes each of them.
   */
  async runDue(): Promise<DeliveryRun> {
    const run: DeliveryRun = { attempted: 0, delivered: 0, failed: 0, given_up: 0 };
    // The timer must not start a second run that would make (and count) this run's catch-up attempts.
    this.runs++;
    clearTimeout(this.timer);
    try {
      for (;;) {
        await Promise.allSettled(this.running);
        const now = this.options.clock.nowMs();
        const due = [...this.owed].filter(
          (d) => !d.busy && d.nextAttemptMs !== null && d.nextAttemptMs <= now,
        );
        if (due.length === 0 || this.stopped) break;
        for (const result of await Promise.all(due.map((d) => this.track(this.attempt(d))))) {
          if (result === 'stopped') continue;
          run.attempted++;
          run[result]++;
        }
      }
    } finally {
      this.runs--;
      this.arm();
    }
    return run;
  }

  /** How many events are still owed to the endpoint. */
  get pending(): number {
    return this.owed.size;
  }

  /** Every delivery, or those with `status`, newest first. */
  list(status?: DeliveryStatus): WebhookDelivery[] {
    return this.deliveries
      .filter((d) => status === undefined || d.status === status)
      .map((d) => ({
        id: d.event.id,
        object: 'stripe_sim.webhook_delivery' as const,
        type: d.event.type,
        about: objectId(d.event),
        status: d.status,
        attempts: d.attempts,
        created: Math.floor(d.createdMs / 1000),
        last_attempt_at: seconds(d.lastAttemptMs),
        last_result: d.lastResult,
        next_attempt_at: d.status === 'pending' && d.attempts > 0 ? seconds(d.nextAttemptMs) : null,
      }))
      .reverse();
  }

  /** Cancels the timer and requests in flight, and resolves once nothing is left running. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unflushed.length = 0;
    for (const request of this.requests) request.abort();
    await Promise.allSettled(this.running);
  }

  private async attempt(d: Delivery): Promise<AttemptResult> {
    if (this.stopped) return 'stopped';
    d.busy = true;
    d.attempts++;
    d.lastAttemptMs = this.options.clock.nowMs();
    d.nextAttemptMs = null;
    const endpoint = this.options.endpoint();
    const outcome: PostOutcome = endpoint
      ? await this.post(endpoint, d.event)
      : { ok: false, reason: 'no endpoint configured' };
    d.busy = false;
    if (this.stopped) return 'stopped';
    d.lastResult = outcome.ok ? String(outcome.status) : outcome.reason;
    const about = `${d.event.id} ${d.event.type} (${objectId(d.event) ?? '?'})`;
    const line = `webhook ${about} -> ${endpoint?.url ?? 'nowhere'} attempt ${d.attempts}: ${d.lastResult}`;
    if (outcome.ok && outcome.status >= 200 && outcome.status < 300) {
      d.status = 'delivered';
      this.owed.delete(d);
      this.options.log(line);
      return 'delivered';
    }
    const next = nextAttemptDue(d.createdMs, d.attempts);
    if (next === null) {
      d.status = 'given_up';
      this.owed.delete(d);
      this.options.log(`${line}; giving up: not delivered within ${inWords(GIVE_UP_AFTER_MS)} of the event`);
      return 'given_up';
    }
    d.nextAttemptMs = next;
    const slot = inWords(ATTEMPTS_DUE_MS[d.attempts] ?? 0);
    this.options.log(`${line}; next attempt at ${new Date(next).toISOString()}, ${slot} after the event`);
    this.arm();
    return 'failed';
  }

  private async post(endpoint: WebhookEndpoint, event: Stripe.Event): Promise<PostOutcome> {
    const controller = new AbortController();
    this.requests.add(controller);
    try {
      return await postEvent(endpoint, event, { signal: controller.signal, timeoutMs: this.timeoutMs });
    } catch (err) {
      // node:http throws at once for a URL it cannot use: a failed attempt like any other.
      return { ok: false, reason: (err as Error).message };
    } finally {
      this.requests.delete(controller);
    }
  }

  /** Sets the one timer for the next retry due, in real time from the sim clock's now. */
  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || this.runs > 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const d of this.owed)
      if (!d.busy && d.nextAttemptMs !== null) next = Math.min(next, d.nextAttemptMs);
    if (next === Number.POSITIVE_INFINITY) return;
    this.timer = setTimeout(() => void this.runDue(), Math.max(0, next - this.options.clock.nowMs()));
    // The sim's server keeps a standalone sim alive; a pending retry alone must not.
    this.timer.unref();
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
    return promise;
  }
}
