import type Stripe from 'stripe';
import { newId, randomToken } from '../ids.ts';

export interface NewPayout {
  amount: number;
  currency: string;
  arrivalDate: number;
  description: string | null;
  metadata: Record<string, string>;
  method: string;
  statementDescriptor: string | null;
}

/** A payout to the account's default bank account in Stripe's shape (test mode); it starts `pending`. */
export function newPayout(fields: NewPayout, created: number): Stripe.Payout {
  return {
    id: newId('po'),
    object: 'payout',
    amount: fields.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: fields.arrivalDate,
    automatic: false,
    balance_transaction: newId('txn'),
    created,
    currency: fields.currency,
    description: fields.description,
    destination: newId('ba'),
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: fields.metadata,
    method: fields.method,
    original_payout: null,
    payout_method: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: fields.statementDescriptor,
    status: 'pending',
    trace_id: { status: 'pending', value: null },
    type: 'bank_account',
  };
}

/** What paying out changes: the money reached the bank, with a trace id the bank can find it by. */
export function markPaid(payout: Stripe.Payout): void {
  payout.status = 'paid';
  payout.trace_id = { status: 'supported', value: randomToken(16).toUpperCase() };
  payout.reconciliation_status = 'completed';
}
