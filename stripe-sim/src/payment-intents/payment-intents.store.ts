import type Stripe from 'stripe';
import type { Decline } from '../cards/test-cards.ts';
import type { ResolvedPaymentMethod } from './payment-methods.ts';

/** A PaymentIntent and what the sim must remember about it beyond Stripe's shape. */
export interface PaymentIntentRecord {
  intent: Stripe.PaymentIntent;
  /** The card attached for the next charge: set on create or confirm, kept through 3-D Secure. */
  method?: ResolvedPaymentMethod;
  /** While `requires_action`: what the charge does once the buyer completes the challenge. */
  afterAuthentication?: { kind: 'succeed' } | { kind: 'decline'; decline: Decline };
  returnUrl?: string;
}

/** PaymentIntents in memory, by id. */
export class PaymentIntentStore {
  private readonly records = new Map<string, PaymentIntentRecord>();

  add(record: PaymentIntentRecord): void {
    this.records.set(record.intent.id, record);
  }

  get(id: string): PaymentIntentRecord | undefined {
    return this.records.get(id);
  }
}
