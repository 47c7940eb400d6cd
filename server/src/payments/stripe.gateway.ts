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

/** The slice of Stripe the product uses; one implementation talks to Stripe or the stripe-sim. */
export interface PaymentGateway {
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
  /** Refunds a PaymentIntent in full; the idempotency key makes retries refund once. */
  refundPaymentIntent(id: string, idempotencyKey: string): Promise<{ refundId: string }>;
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

    async refundPaymentIntent(id, idempotencyKey) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: id,
          reason: 'requested_by_customer',
          metadata: { reason: 'hold_expired_no_stock' },
        },
        { idempotencyKey },
      );
      return { refundId: refund.id };
    },

    verifyWebhook(rawBody, signature) {
      try {
        return stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret);
      } catch {
        throw new ApiError(400, 'stripe.invalid_signature', 'The Stripe-Signature header does not verify.');
      }
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
