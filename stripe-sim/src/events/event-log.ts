import Stripe from 'stripe';
import { newId } from '../ids.ts';

export type PaymentIntentEvent =
  | Stripe.PaymentIntentCreatedEvent
  | Stripe.PaymentIntentSucceededEvent
  | Stripe.PaymentIntentPaymentFailedEvent
  | Stripe.PaymentIntentCanceledEvent
  | Stripe.PaymentIntentRequiresActionEvent;

export type PaymentIntentEventType = PaymentIntentEvent['type'];

/** The API request behind an event, as Stripe names it in `event.request`. */
export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

export interface EventLogOptions {
  /** How many webhook endpoints will receive the event: Stripe's `pending_webhooks`. */
  pendingWebhooks: () => number;
  /** Told of every new event, to deliver it. */
  onEvent: (event: PaymentIntentEvent) => void;
  now?: () => Date;
}

/** Every event the sim has emitted, in order; readable through `/v1/events` as on Stripe. */
export class EventLog {
  private readonly events: PaymentIntentEvent[] = [];
  private readonly now: () => Date;

  constructor(private readonly options: EventLogOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Records an event about a PaymentIntent; `data.object` is a copy taken now, as Stripe's is. */
  record(
    type: PaymentIntentEventType,
    intent: Stripe.PaymentIntent,
    request: RequestInfo | null,
  ): PaymentIntentEvent {
    const event: PaymentIntentEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(this.now().getTime() / 1000),
      data: { object: structuredClone(intent) },
      livemode: false,
      pending_webhooks: this.options.pendingWebhooks(),
      request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    };
    this.events.push(event);
    this.options.onEvent(event);
    return event;
  }

  get(id: string): PaymentIntentEvent | undefined {
    return this.events.find((event) => event.id === id);
  }

  /** Newest first, as Stripe lists; `type` may end in `.*` to match a group (`payment_intent.*`). */
  list(filter: { type?: string; limit: number; startingAfter?: string }): {
    data: PaymentIntentEvent[];
    hasMore: boolean;
  } {
    const matches = (type: string) =>
      !filter.type ||
      (filter.type.endsWith('.*') ? type.startsWith(filter.type.slice(0, -1)) : type === filter.type);
    let newestFirst = this.events.filter((event) => matches(event.type)).reverse();
    if (filter.startingAfter) {
      const index = newestFirst.findIndex((event) => event.id === filter.startingAfter);
      newestFirst = index === -1 ? [] : newestFirst.slice(index + 1);
    }
    return { data: newestFirst.slice(0, filter.limit), hasMore: newestFirst.length > filter.limit };
  }
}
