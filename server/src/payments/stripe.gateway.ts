import Stripe from 'stripe';
import type { StripeConfig } from '../config.ts';
import {
  type PaymentGateway,
  type PaymentIntentState,
  PaymentProviderError,
  type StripeAccount,
  type StripePayout,
  type StripeRefund,
} from './payment-gateway.ts';

/**
 * The Stripe adapter: the `stripe` SDK (pointed at the stripe-sim when `config.sim` is set) behind
 * the PaymentGateway interface. It speaks Stripe's language and throws only PaymentProviderError;
 * it never decides what an API caller sees.
 */
export function createStripeGateway(config: StripeConfig): PaymentGateway {
  const sim = config.sim ? new URL(config.sim.apiUrl) : null;
  const stripe = new Stripe(
    config.secretKey,
    sim
      ? { host: sim.hostname, port: Number(sim.port), protocol: 'http', maxNetworkRetries: 2 }
      : { maxNetworkRetries: 2 },
  );
  const keyMode = /^(sk|rk)_live_/.test(config.secretKey) ? 'live' : 'test';

  return {
    mode: keyMode,
    createPaymentIntent: (request) =>
      adapt(async () => {
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
        return { id: intent.id, clientSecret: clientSecretOf(intent) };
      }),

    retrievePaymentIntent: (id) => adapt(async () => toIntentState(await stripe.paymentIntents.retrieve(id))),

    syncPaymentIntent: (id, amount) =>
      adapt(async () => {
        let intent = await stripe.paymentIntents.retrieve(id);
        const changeable = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
        if (intent.amount !== amount && changeable.includes(intent.status)) {
          intent = await stripe.paymentIntents.update(id, { amount });
        }
        return { id: intent.id, clientSecret: clientSecretOf(intent) };
      }),

    cancelPaymentIntent: (id) =>
      adapt(async () => {
        const intent = await stripe.paymentIntents.retrieve(id);
        if (intent.status === 'succeeded') return 'succeeded';
        if (intent.status === 'canceled') return 'canceled';
        const cancelled = await stripe.paymentIntents.cancel(id, { cancellation_reason: 'abandoned' });
        return cancelled.status === 'succeeded' ? 'succeeded' : 'canceled';
      }),

    refundPaymentIntent: (id, idempotencyKey, amount, metadata = {}) =>
      adapt(async () => {
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
      }),

    listRefunds: (paymentIntentId) =>
      adapt(async () => {
        const refunds = await stripe.refunds
          .list({ payment_intent: paymentIntentId, limit: 100 })
          .autoPagingToArray({ limit: 10_000 });
        return refunds.map(toStripeRefund);
      }),

    listPayouts: (accountId, filters) =>
      adapt(async () => {
        if (filters.mode !== keyMode) {
          throw new PaymentProviderError('mode_mismatch', `The Stripe key is a ${keyMode}-mode key.`);
        }
        const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
        const arrival = {
          ...(filters.arrivalFrom ? { gte: seconds(filters.arrivalFrom) } : {}),
          ...(filters.arrivalTo ? { lte: seconds(filters.arrivalTo) } : {}),
        };
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
      }),

    retrieveAccount: (accountId) =>
      adapt(async () => toStripeAccount(await stripe.accounts.retrieve(accountId))),

    verifyWebhook(rawBody, signature) {
      // Stripe signs events of connected accounts (payout.paid) with the Connect endpoint's own secret.
      for (const secret of [config.webhookSecret, config.connectWebhookSecret]) {
        if (!secret) continue;
        try {
          return stripe.webhooks.constructEvent(rawBody, signature, secret);
        } catch {}
      }
      throw new PaymentProviderError('invalid_signature', 'The Stripe-Signature header does not verify.');
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

/** Runs a Stripe call, turning whatever Stripe throws into the adapter's one error type. */
async function adapt<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw providerError(error);
  }
}

function providerError(error: unknown): unknown {
  if (error instanceof PaymentProviderError || !(error instanceof Stripe.errors.StripeError)) return error;
  const options = { cause: error };
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new PaymentProviderError('unavailable', error.message, options);
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new PaymentProviderError('idempotency_conflict', error.message, options);
  }
  if (error instanceof Stripe.errors.StripePermissionError) {
    return new PaymentProviderError('account_not_accessible', error.message, options);
  }
  if (error.code === 'charge_already_refunded') {
    return new PaymentProviderError('already_refunded', error.message, options);
  }
  if (error.code === 'amount_too_large')
    return new PaymentProviderError('amount_too_large', error.message, options);
  return new PaymentProviderError('refused', error.message, options);
}

function clientSecretOf(intent: Stripe.PaymentIntent): string {
  if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} came back without a client secret`);
  return intent.client_secret;
}

function toIntentState(intent: Stripe.PaymentIntent): PaymentIntentState {
  return {
    id: intent.id,
    status: intent.status,
    amount: intent.amount,
    amountReceived: intent.amount_received,
    currency: intent.currency,
    livemode: intent.livemode,
    metadata: intent.metadata ?? {},
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

function toStripeAccount(account: Stripe.Account): StripeAccount {
  return {
    id: account.id,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    country: account.country ?? null,
    defaultCurrency: account.default_currency ?? null,
  };
}

/** The product's view of a Stripe payout; the inbound `payout.*` webhooks use it too. */
export function toStripePayout(payout: Stripe.Payout): StripePayout {
  return {
    id: payout.id,
    amount: payout.amount,
    currency: payout.currency,
    status: payout.status as StripePayout['status'],
    arrivalDate: new Date(payout.arrival_date * 1000),
    created: new Date(payout.created * 1000),
  };
}
