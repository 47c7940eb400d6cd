import type { Client, SessionRef, WidgetEvent } from '../api';
import type { KeyValue } from '../idempotency';
import type { PollOptions } from '../poll';
import type { FlowEvent, FlowState } from './machine';

// The checkout flow's surface: what a page gives it (FlowEnv), what it is sent (Input), and what it
// offers (CheckoutFlow).

/** The card form's two moves, each resolving a message for the buyer, or null when it went through. */
export interface Card {
  /** Checks what was typed (Stripe's `elements.submit()`), before any payment is created. */
  submit(): Promise<string | null>;
  /** Confirms the payment of `clientSecret` with Stripe. */
  confirm(clientSecret: string): Promise<string | null>;
}

type Pass<T extends FlowEvent['type']> = Extract<FlowEvent, { type: T }>;

/** What the buyer does. `load` also means "Try again"; `close` is the modal closing. */
export type Input =
  | Pass<'load' | 'quantity' | 'email' | 'change' | 'check' | 'restart'>
  | { type: 'continue' | 'expire' | 'cancel' | 'close' }
  | { type: 'pay'; card?: Card };

export interface FlowEnv {
  api: Client;
  store: KeyValue;
  /** Where the `entryrate:*` DOM events are dispatched. */
  host: EventTarget;
  /** The idempotency record's scope in `store` (see idempotency.ts). */
  scope: string;
  /** The name the held session is kept under in `store`. */
  sessionName: string;
  /** The event a widget sells; null on the hosted page, which pays `session`, a promoter's. */
  eventId: string | null;
  session?: SessionRef | null;
  /** A tier slug to preselect. */
  tier?: string | null;
  /** Called with the event each time it is loaded. */
  onEvent?: (data: WidgetEvent) => void;
  /** The page's query: a payment method that redirects comes back with one. */
  search?: string;
  navigate?: (url: string, replace: boolean) => void;
  /** How often and how long to wait for the server to complete a session (tests shorten it). */
  poll?: PollOptions;
}

export interface CheckoutFlow {
  readonly state: FlowState;
  send(input: Input): void;
  /** Calls `listener` with every new state; returns what unsubscribes. */
  subscribe(listener: (state: FlowState) => void): () => void;
  /** Stops polling and listening, for good. */
  dispose(): void;
}
