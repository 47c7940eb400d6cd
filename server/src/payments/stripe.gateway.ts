import Stripe from 'stripe';
import type { StripeConfig } from '../config.ts';
import { ApiError } from '../http/errors.ts';

export interface PaymentIntentRequest {
  amount: number;
  currency: string;
  receiptEmail: string | null;
  metadata: Record<string, string>;
  /** Stripe's idempotency key: the same key always yields the same PaymentIntent. */
  idempotencyKey: string;
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
  /** `pending`, `in_transit`, `paid`, `failed` or `canceled`. */
  status: string;
  arrivalDate: Date;
  created: Date;
}

/** Which payouts to list; `mode` is the caller's, which must be the Stripe key's own. */
export interface PayoutFilters {
  mode: 'test' | 'live';
  status?: string;
  arrivalFrom?: Date;
  arrivalTo?: Date;
}

/** The slice of Stripe the product uses; one implementation talks to Stripe or the stripe-sim. */
export interface PaymentGateway {
  /** The mode of the Stripe key: test-mode sessions are paid only with a test key, live with live. */
  readonly mode: 'test' | 'live';
  createPaymentIntent(request: PaymentIntentRequest): Promise<{ id: string; clientSecret: string }>;
  /**
   * The client secret of an existing PaymentIntent, its amount brought to `amount` first when the
   * buyer changed tickets since it was made (Stripe allows that until it succeeds).
   */
  syncPaymentIntent(id: string, amount: number): Promise<{ id: string; clientSecret: string }>;
  /**
   * Cancels a PaymentIntent whose session closed. Answers what Stripe says it is now: `canceled`,
   * or `succeeded` when the buyer's payment beat the cancellation (the webhook then settles it).
   */
  cancelPaymentIntent(id: string): Promise<'canceled' | 'succeeded'>;
  /**
   * Refunds a PaymentIntent, in full or `amount` of it; the idempotency key makes retries refund
   * once. Stripe's refusals become 409 `order.already_refunded` and 400 `order.refund_too_large`.
   */
  refundPaymentIntent(
    id: string,
    idempotencyKey: string,
    amount?: number,
    metadata?: Record<string, string>,
  ): Promise<StripeRefund>;
  /** Every refund of a PaymentIntent, whoever made it (this API or Stripe's dashboard). */
  listRefunds(paymentIntentId: string): Promise<StripeRefund[]>;
  /**
   * A Connect account's payouts, newest first (`Stripe-Account`). A test key reads the account's
   * test-mode payouts, a live key its real ones; 409 `payouts.mode_unavailable` when the caller's
   * mode is not the key's, 409 `payouts.account_not_connected` when Stripe refuses the account.
   */
  listPayouts(accountId: string, filters: PayoutFilters): Promise<StripePayout[]>;
  /** Verifies Stripe's signature on the raw body; throws 400 `stripe.invalid_signature` otherwise. */
  verifyWebhook(rawBody: string, signature: string): Stripe.Event;
  /** What the browser needs to load Stripe.js and mount the Payment Element. */
  publicConfig(): { provider: 'stripe'; publishableKey: string; stripeJsUrl: string | null };
}

/** Creates the Stripe-backed gateway; with `config.sim` set, the SDK is pointed at the stripe-sim. */
export function createStripeGateway(config: StripeConfig): PaymentGateway {
  const sim = config.sim ? new URL(config.sim.apiUrl) : null;
  const stripe = new Stripe(
    config.secretKey,
    sim
      ? { host: sim.hostname, port: Number(sim.port), protocol: 'http', maxNetworkRetries: 2 }
      : { maxNetworkRetries: 2 },
  );

  return {
    mode: /^(sk|rk)_live_/.test(config.secretKey) ? 'live' : 'test',
    async createPaymentIntent(request) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency,
            automatic_payment_methods: { enabled: true },
            metadata: request.metadata,
            ...(request.receiptEmail ? { receipt_email: request.receiptEmail } : {}),
          },
          { idempotencyKey: request.idempotencyKey },
        );
        if (!intent.client_secret)
          throw new Error(`PaymentIntent ${intent.id} came back without a client secret`);
        return { id: intent.id, clientSecret: intent.client_secret };
      } catch (error) {
        if (
          error instanceof Stripe.errors.StripeConnectionError ||
          error instanceof Stripe.errors.StripeAPIError
        ) {
          throw new ApiError(
            503,
            'payments.unavailable',
            'The payment provider could not be reached; try again.',
          );
        }
        throw error;
      }
    },

    async syncPaymentIntent(id, amount) {
      let intent = await stripe.paymentIntents.retrieve(id);
      const changeable = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
      if (intent.amount !== amount && changeable.includes(intent.status)) {
        intent = await stripe.paymentIntents.update(id, { amount });
      }
      if (!intent.client_secret)
        throw new Error(`PaymentIntent ${intent.id} came back without a client secret`);
      return { id: intent.id, clientSecret: intent.client_secret };
    },

    async cancelPaymentIntent(id) {
      const intent = await stripe.paymentIntents.retrieve(id);
      if (intent.status === 'succeeded') return 'succeeded';
      if (intent.status === 'canceled') return 'canceled';
      const cancelled = await stripe.paymentIntents.cancel(id, { cancellation_reason: 'abandoned' });
      return cancelled.status === 'succeeded' ? 'succeeded' : 'canceled';
    },

    async refundPaymentIntent(id, idempotencyKey, amount, metadata = {}) {
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: id,
            ...(amount === undefined ? {} : { amount }),
            reason: 'requested_by_customer',
            metadata,
          },
          { idempotencyKey },
        );
        return toStripeRefund(refund);
      } catch (error) {
        throw refundError(error);
      }
    },

    async listRefunds(paymentIntentId) {
      try {
        const refunds = await stripe.refunds
          .list({ payment_intent: paymentIntentId, limit: 100 })
          .autoPagingToArray({ limit: 10_000 });
        return refunds.map(toStripeRefund);
      } catch (error) {
        throw refundError(error);
      }
    },

    async listPayouts(accountId, filters) {
      if ((filters.mode === 'live') !== /^(sk|rk)_live_/.test(config.secretKey)) {
        throw new ApiError(
          409,
          'payouts.mode_unavailable',
          `This server reads payouts with a Stripe ${filters.mode === 'live' ? 'test' : 'live'} key, so ${filters.mode}-mode payouts are not available here.`,
        );
      }
      const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
      const arrival = {
        ...(filters.arrivalFrom ? { gte: seconds(filters.arrivalFrom) } : {}),
        ...(filters.arrivalTo ? { lte: seconds(filters.arrivalTo) } : {}),
      };
      try {
        const payouts = await stripe.payouts
          .list(
            {
              limit: 100,
              ...(filters.status ? { status: filters.status } : {}),
              ...(Object.keys(arrival).length > 0 ? { arrival_date: arrival } : {}),
            },
            { stripeAccount: accountId },
          )
          .autoPagingToArray({ limit: 10_000 });
        return payouts.map(toStripePayout);
      } catch (error) {
        throw payoutError(error, accountId);
      }
    },

    verifyWebhook(rawBody, signature) {
      // Stripe signs events of connected accounts (payout.paid) with the Connect endpoint's own secret.
      for (const secret of [config.webhookSecret, config.connectWebhookSecret]) {
        if (!secret) continue;
        try {
          return stripe.webhooks.constructEvent(rawBody, signature, secret);
        } catch {}
      }
      throw new ApiError(400, 'stripe.invalid_signature', 'The Stripe-Signature header does not verify.');
    },

    publicConfig() {
      return {
        provider: 'stripe',
        publishableKey: config.publishableKey,
        stripeJsUrl: config.sim ? `${config.sim.publicUrl}/js/v3` : null,
      };
    },
  };
}

function toStripeRefund(refund: Stripe.Refund): StripeRefund {
  const intent = refund.payment_intent;
  return {
    refundId: refund.id,
    paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    amount: refund.amount,
    status: refund.status,
    created: new Date(refund.created * 1000),
  };
}

/** Stripe's answers to a refund that the API has its own words for; anything else as it came. */
function refundError(error: unknown): unknown {
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) {
    return new ApiError(503, 'payments.unavailable', 'The payment provider could not be reached; try again.');
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new ApiError(
      422,
      'idempotency.key_reused',
      'This Idempotency-Key was used for a refund of another amount; send a new key.',
    );
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    if (error.code === 'charge_already_refunded') {
      return new ApiError(
        409,
        'order.already_refunded',
        'Stripe says this payment is already refunded in full.',
      );
    }
    if (error.code === 'amount_too_large') {
      return new ApiError(
        400,
        'order.refund_too_large',
        `Stripe refused the refund: ${error.message}`,
        'amount',
      );
    }
  }
  return error;
}

/** The product's view of a Stripe payout; the inbound `payout.*` webhooks use it too. */
export function toStripePayout(payout: Stripe.Payout): StripePayout {
  return {
    id: payout.id,
    amount: payout.amount,
    currency: payout.currency,
    status: payout.status,
    arrivalDate: new Date(payout.arrival_date * 1000),
    created: new Date(payout.created * 1000),
  };
}

function payoutError(error: unknown, accountId: string): unknown {
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) {
    return new ApiError(503, 'payments.unavailable', 'The payment provider could not be reached; try again.');
  }
  if (error instanceof Stripe.errors.StripePermissionError) {
    return new ApiError(
      409,
      'payouts.account_not_connected',
      `Stripe no longer lets us read your account ${accountId}; reconnect it.`,
    );
  }
  return error;
}
