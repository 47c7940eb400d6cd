import type Stripe from 'stripe';

// The slice of Stripe the product uses, in the product's words. One implementation talks to
// Stripe or the stripe-sim (stripe.gateway.ts); features depend on this file only.

export interface PaymentIntentRequest {
  amount: number;
  currency: string;
  receiptEmail: string | null;
  metadata: Record<string, string>;
  /** Stripe's idempotency key: the same key always yields the same PaymentIntent. */
  idempotencyKey: string;
}

/** A PaymentIntent as the product reads it back from Stripe. */
export interface PaymentIntentState {
  id: string;
  /** Stripe's status: `succeeded`, `canceled`, `processing`, `requires_payment_method`, … */
  status: string;
  amount: number;
  amountReceived: number;
  currency: string;
  livemode: boolean;
  metadata: Record<string, string>;
}

/** A refund as the product records it. */
export interface StripeRefund {
  refundId: string;
  paymentIntentId: string | null;
  amount: number;
  /** Only `succeeded` and `pending` refunds move money; `failed` and `canceled` ones do not. */
  status: string | null;
  created: Date;
}

/** A payout of a Connect account, as the product reads it. */
export interface StripePayout {
  id: string;
  amount: number;
  currency: string;
  /** Stripe's documented payout statuses (its types say only `string`). */
  status: 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';
  arrivalDate: Date;
  created: Date;
}

/** A Connect account's state, as the product reads it. */
export interface StripeAccount {
  id: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  /** Whether the account holder finished Stripe's onboarding forms. */
  detailsSubmitted: boolean;
  /** ISO 3166-1 alpha-2, as Stripe gives it. */
  country: string | null;
  /** Lowercase ISO 4217. */
  defaultCurrency: string | null;
}

/** Which payouts to list; `mode` is the caller's, which must be the Stripe key's own. */
export interface PayoutFilters {
  mode: 'test' | 'live';
  status?: string;
  arrivalFrom?: Date;
  arrivalTo?: Date;
}

/**
 * What went wrong at the payment provider, in the adapter's own terms; the feature that called
 * decides what its caller sees (paymentErrorToApi in payment-errors.ts).
 * - `unavailable`: Stripe could not be reached or failed on its side; retrying may work.
 * - `idempotency_conflict`: an idempotency key was reused with other parameters.
 * - `already_refunded`, `amount_too_large`: Stripe refused a refund.
 * - `account_not_accessible`: a Connect account Stripe does not let us read.
 * - `mode_mismatch`: the request is for the other mode than the Stripe key's.
 * - `invalid_signature`: a webhook whose signature does not verify.
 * - `refused`: any other refusal (the message says Stripe's words).
 */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';
  constructor(
    readonly kind:
      | 'unavailable'
      | 'idempotency_conflict'
      | 'already_refunded'
      | 'amount_too_large'
      | 'account_not_accessible'
      | 'mode_mismatch'
      | 'invalid_signature'
      | 'refused',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Every method throws PaymentProviderError for what Stripe answered, and nothing else of Stripe's. */
export interface PaymentGateway {
  /** The mode of the Stripe key: test-mode sessions are paid only with a test key, live with live. */
  readonly mode: 'test' | 'live';
  createPaymentIntent(request: PaymentIntentRequest): Promise<{ id: string; clientSecret: string }>;
  /** What Stripe says of a PaymentIntent now: the worker's way of not depending on one webhook. */
  retrievePaymentIntent(id: string): Promise<PaymentIntentState>;
  /**
   * The client secret of an existing PaymentIntent, its amount brought to `amount` first when the
   * buyer changed tickets since it was made (Stripe allows that until it succeeds).
   */
  syncPaymentIntent(id: string, amount: number): Promise<{ id: string; clientSecret: string }>;
  /**
   * Cancels a PaymentIntent whose session closed. Answers what Stripe says it is now: `canceled`,
   * or `succeeded` when the buyer's payment beat the cancellation.
   */
  cancelPaymentIntent(id: string): Promise<'canceled' | 'succeeded'>;
  /** Refunds a PaymentIntent, in full or `amount` of it; the idempotency key makes retries refund once. */
  refundPaymentIntent(
    id: string,
    idempotencyKey: string,
    amount?: number,
    metadata?: Record<string, string>,
  ): Promise<StripeRefund>;
  /** Every refund of a PaymentIntent, whoever made it (this API or Stripe's dashboard). */
  listRefunds(paymentIntentId: string): Promise<StripeRefund[]>;
  /** A Connect account's payouts, newest first (`Stripe-Account`), in the key's own mode only. */
  listPayouts(accountId: string, filters: PayoutFilters): Promise<StripePayout[]>;
  /** A Connect account's state (`accounts.retrieve`); the same account in either mode. */
  retrieveAccount(accountId: string): Promise<StripeAccount>;
  /** Verifies Stripe's signature on the raw body (`invalid_signature` otherwise). */
  verifyWebhook(rawBody: string, signature: string): Stripe.Event;
  /** What the browser needs to load Stripe.js and mount the Payment Element. */
  publicConfig(): { provider: 'stripe'; publishableKey: string; stripeJsUrl: string | null };
}
