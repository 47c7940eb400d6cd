import { LIST_PARAMS } from '../http/list.ts';

// Top-level parameters Stripe accepts on each endpoint; as for PaymentIntents, the sim honours the ones
// EntryRate uses and accepts the rest without effect.
export const CREATE_PARAMS: ReadonlySet<string> = new Set([
  'amount',
  'charge',
  'currency',
  'customer',
  'expand',
  'instructions_email',
  'metadata',
  'origin',
  'payment_intent',
  'reason',
  'refund_application_fee',
  'reverse_transfer',
]);
export const RETRIEVE_PARAMS: ReadonlySet<string> = new Set(['expand']);
export const LIST_REFUND_PARAMS: ReadonlySet<string> = new Set([
  ...LIST_PARAMS,
  'charge',
  'payment_intent',
  'created',
]);

/** The reasons a caller may give; Stripe sets `expired_uncaptured_charge` itself. */
export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;
