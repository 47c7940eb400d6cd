// Types for messages.js: the payload of each message between the host page and the sim's frames.

/** A Stripe.js error object, as the API or the Payment Element produced it. */
export interface StripeJsError {
  type: string;
  code?: string;
  decline_code?: string;
  message: string;
  param?: string;
  payment_intent?: unknown;
}

export interface Appearance {
  theme?: 'stripe' | 'night' | 'flat';
  variables?: Record<string, string>;
}

export interface MessageMap {
  // frame -> host
  'stripe-sim:ready': Record<string, never>;
  'stripe-sim:resize': { height: number };
  'stripe-sim:change': { complete: boolean; empty: boolean };
  'stripe-sim:focus': Record<string, never>;
  'stripe-sim:blur': Record<string, never>;
  'stripe-sim:submit-result': { requestId: number; error?: StripeJsError };
  'stripe-sim:confirm-result': { requestId: number; paymentIntent?: unknown; error?: StripeJsError };
  'stripe-sim:retrieve-result': { requestId: number; paymentIntent?: unknown; error?: StripeJsError };
  'stripe-sim:challenge-result': { outcome: 'complete' | 'fail' };
  // host -> frame
  'stripe-sim:update': { appearance?: Appearance };
  'stripe-sim:submit': { requestId: number };
  'stripe-sim:confirm': {
    requestId: number;
    publishableKey: string;
    clientSecret: string;
    returnUrl?: string;
    receiptEmail?: string;
  };
  'stripe-sim:retrieve': { requestId: number; publishableKey: string; clientSecret: string };
  'stripe-sim:focus-field': Record<string, never>;
  'stripe-sim:clear': Record<string, never>;
}

export type MessageName = keyof MessageMap;

export declare const MESSAGES: {
  readonly ready: 'stripe-sim:ready';
  readonly resize: 'stripe-sim:resize';
  readonly change: 'stripe-sim:change';
  readonly focus: 'stripe-sim:focus';
  readonly blur: 'stripe-sim:blur';
  readonly submitResult: 'stripe-sim:submit-result';
  readonly confirmResult: 'stripe-sim:confirm-result';
  readonly retrieveResult: 'stripe-sim:retrieve-result';
  readonly challengeResult: 'stripe-sim:challenge-result';
  readonly update: 'stripe-sim:update';
  readonly submit: 'stripe-sim:submit';
  readonly confirm: 'stripe-sim:confirm';
  readonly retrieve: 'stripe-sim:retrieve';
  readonly focusField: 'stripe-sim:focus-field';
  readonly clear: 'stripe-sim:clear';
};

interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

interface MessageWindow {
  addEventListener(
    type: 'message',
    listener: (event: { origin: string; source: unknown; data: unknown }) => void,
  ): void;
  removeEventListener(
    type: 'message',
    listener: (event: { origin: string; source: unknown; data: unknown }) => void,
  ): void;
}

export declare function postTo<K extends MessageName>(
  target: MessageTarget,
  targetOrigin: string,
  type: K,
  payload: MessageMap[K],
): void;

export declare function listenTo(
  win: MessageWindow,
  source: () => unknown,
  origin: string,
  handlers: { [K in MessageName]?: (payload: MessageMap[K]) => void },
): () => void;
