import Stripe from 'stripe';
import { newId } from '../ids.ts';

/**
 * The events the sim emits: a PaymentIntent's state changes, refunds with the charge they change, and
 * payouts (Connect events when the payout is a connected account's).
 */
export type SimEvent =
  | Stripe.PaymentIntentCreatedEvent
  | Stripe.PaymentIntentSucceededEvent
  | Stripe.PaymentIntentPaymentFailedEvent
  | Stripe.PaymentIntentCanceledEvent
  | Stripe.PaymentIntentRequiresActionEvent
  | Stripe.RefundCreatedEvent
  | Stripe.ChargeRefundedEvent
  | Stripe.PayoutCreatedEvent
  | Stripe.PayoutPaidEvent;

export type SimEventType = SimEvent['type'];
type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

/** The API request behind an event, as Stripe names it in `event.request`. */
export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

export interface EventLogOptions {
  /** How many webhook endpoints will receive the event: Stripe's `pending_webhooks`. */
  pendingWebhooks: () => number;
  /** Told of every new event, to deliver it. */
  onEvent: (event: SimEvent) => void;
  now?: () => Date;
}

/**
 * The PaymentIntent an event is about, directly or through its charge or refund. Webhooks share one
 * queue per PaymentIntent, so that a refund's events never overtake the payment's.
 */
export function orderingKey(event: SimEvent): string {
  const object = event.data.object;
  if (object.object === 'payment_intent' || object.object === 'payout') return object.id;
  const intent = object.payment_intent;
  return (typeof intent === 'string' ? intent : intent?.id) ?? object.id;
}

/** Every event the sim has emitted, in order; readable through `/v1/events` as on Stripe. */
export class EventLog {
  private readonly events: SimEvent[] = [];
  private readonly now: () => Date;

  constructor(private readonly options: EventLogOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Records an event about `object`; `data.object` is a copy taken now, as Stripe's is. An event about a
   * connected account's object names the `account`, as Stripe's Connect events do.
   */
  record<T extends SimEventType>(
    type: T,
    object: EventOf<T>['data']['object'],
    request: RequestInfo | null,
    account: string | null = null,
  ): SimEvent {
    // The signature pairs each type with its object; TypeScript cannot follow that pairing into the literal.
    const event = {
      id: newId('evt'),
      object: 'event',
      ...(account ? { account } : {}),
      api_version: Stripe.API_VERSION,
      created: Math.floor(this.now().getTime() / 1000),
      data: { object: structuredClone<SimEvent['data']['object']>(object) },
      livemode: false,
      pending_webhooks: this.options.pendingWebhooks(),
      request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type: type as SimEventType,
    } as SimEvent;
    this.events.push(event);
    this.options.onEvent(event);
    return event;
  }

  get(id: string): SimEvent | undefined {
    return this.events.find((event) => event.id === id);
  }

  /** Newest first, as Stripe lists; `type` may end in `.*` to match a group (`payment_intent.*`). */
  list(type?: string): SimEvent[] {
    const matches = (candidate: string) =>
      !type || (type.endsWith('.*') ? candidate.startsWith(type.slice(0, -1)) : candidate === type);
    return this.events.filter((event) => matches(event.type)).reverse();
  }
}
