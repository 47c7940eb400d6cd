import { LIST_PARAMS } from '../http/list.ts';

// Top-level parameters Stripe accepts on each endpoint; the sim honours those EntryRate and its tests use.
export const CREATE_PARAMS: ReadonlySet<string> = new Set([
  'amount',
  'currency',
  'description',
  'destination',
  'expand',
  'metadata',
  'method',
  'payout_method',
  'source_type',
  'statement_descriptor',
  // Not Stripe's: a test helper to place a payout on a given day (Stripe computes it from the schedule).
  'arrival_date',
]);
export const RETRIEVE_PARAMS: ReadonlySet<string> = new Set(['expand']);
export const LIST_PAYOUT_PARAMS: ReadonlySet<string> = new Set([
  ...LIST_PARAMS,
  'arrival_date',
  'created',
  'destination',
  'status',
]);

/** The statuses a payout goes through; `status=` filters on them. */
export const PAYOUT_STATUSES = ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const;
