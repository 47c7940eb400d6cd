import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type Stripe from 'stripe';
import { stripeSignatureHeader } from './signature.ts';

export interface WebhookEndpoint {
  url: string;
  secret: string;
}

export interface WebhookDispatcherOptions {
  /** Read at each attempt, so that `setWebhook` applies to deliveries already queued. */
  endpoint: () => WebhookEndpoint | undefined;
  log: (line: string) => void;
  /** Waits before each retry. Stripe retries for days; a development tool gives up after a few. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

type Outcome = { ok: true; status: number } | { ok: false; reason: string };

/**
 * Delivers events to the webhook endpoint, signed as Stripe signs them. Events about one object go out
 * in order, each retried with backoff before the next is sent; different objects do not wait on each other.
 */
export class WebhookDispatcher {
  private readonly pending: { key: string; event: Stripe.Event }[] = [];
  private readonly queues = new Map<string, Stripe.Event[]>();
  private readonly draining = new Set<Promise<void>>();
  private readonly wakers = new Set<() => void>();
  private readonly requests = new Set<AbortController>();
  private readonly retryDelaysMs: number[];
  private readonly timeoutMs: number;
  private stopped = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [200, 1000, 3000, 10_000];
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Queues an event; it is sent at the next `flush()`, once the API response that caused it is out. */
  enqueue(event: Stripe.Event, orderingKey: string): void {
    if (!this.stopped) this.pending.push({ key: orderingKey, event });
  }

  /** Starts delivering what was queued. */
  flush(): void {
    for (const { key, event } of this.pending.splice(0)) {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push(event);
        continue;
      }
      this.queues.set(key, [event]);
      const run = this.drain(key).finally(() => this.draining.delete(run));
      this.draining.add(run);
    }
  }

  /** Cancels waits and requests in flight, and resolves once nothing is left running. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending.length = 0;
    for (const wake of this.wakers) wake();
    for (const request of this.requests) request.abort();
    await Promise.allSettled(this.draining);
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key) ?? [];
    while (queue.length > 0 && !this.stopped) {
      const event = queue[0] as Stripe.Event;
      await this.deliver(event);
      queue.shift();
    }
    this.queues.delete(key);
  }

  private async deliver(event: Stripe.Event): Promise<void> {
    const attempts = this.retryDelaysMs.length + 1;
    const about = `${event.id} ${event.type} (${(event.data.object as { id?: string }).id ?? '?'})`;
    for (let attempt = 1; attempt <= attempts && !this.stopped; attempt++) {
      const endpoint = this.options.endpoint();
      if (!endpoint) {
        this.options.log(`webhook ${about}: no endpoint configured, not sent`);
        return;
      }
      const outcome = await this.post(endpoint, event);
      if (this.stopped) return;
      const result = outcome.ok ? String(outcome.status) : outcome.reason;
      const line = `webhook ${about} -> ${endpoint.url} attempt ${attempt}/${attempts}: ${result}`;
      if (outcome.ok && outcome.status >= 200 && outcome.status < 300) {
        this.options.log(line);
        return;
      }
      const delay = this.retryDelaysMs[attempt - 1];
      if (delay === undefined) {
        this.options.log(`${line}; giving up`);
        return;
      }
      this.options.log(`${line}; retrying in ${delay / 1000}s`);
      await this.sleep(delay);
    }
  }

  private post(endpoint: WebhookEndpoint, event: Stripe.Event): Promise<Outcome> {
    // Stripe sends the event pretty-printed; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2);
    const signature = stripeSignatureHeader(payload, endpoint.secret, Math.floor(Date.now() / 1000));
    const controller = new AbortController();
    this.requests.add(controller);
    // node:http rather than fetch: no connection pool outliving stop(), and no browser port blocklist.
    const send = endpoint.url.startsWith('https:') ? httpsRequest : httpRequest;
    return new Promise<Outcome>((resolve) => {
      const request = send(
        endpoint.url,
        {
          method: 'POST',
          agent: false,
          timeout: this.timeoutMs,
          signal: controller.signal,
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': Buffer.byteLength(payload),
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            'Stripe-Signature': signature,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve({ ok: true, status: response.statusCode ?? 0 }));
          response.on('error', (err) => resolve({ ok: false, reason: err.message }));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`timed out after ${this.timeoutMs} ms`)));
      request.on('error', (err: NodeJS.ErrnoException) =>
        resolve({ ok: false, reason: err.code ?? err.message }),
      );
      request.end(payload);
    }).finally(() => this.requests.delete(controller));
  }

  /** A wait that `stop()` cuts short, so no timer outlives the sim. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}
