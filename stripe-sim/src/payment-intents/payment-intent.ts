import type Stripe from 'stripe';
import type { Caller } from '../http/auth.ts';
import { newId, randomToken } from '../ids.ts';

/** The fields a new PaymentIntent takes from its create parameters. */
export interface NewPaymentIntent {
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  description: string | null;
  receiptEmail: string | null;
  automaticPaymentMethods: boolean | null;
  paymentMethodTypes: string[];
  statementDescriptor: string | null;
  statementDescriptorSuffix: string | null;
  setupFutureUsage: Stripe.PaymentIntent.SetupFutureUsage | null;
  transferGroup: string | null;
}

/** A PaymentIntent in Stripe's shape (test mode), status `requires_payment_method`. */
export function newPaymentIntent(fields: NewPaymentIntent, created: number): Stripe.PaymentIntent {
  const id = newId('pi');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: fields.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods:
      fields.automaticPaymentMethods === null
        ? null
        : { allow_redirects: 'always', enabled: fields.automaticPaymentMethods },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created,
    currency: fields.currency,
    customer: null,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: fields.paymentMethodTypes,
    payment_record: null,
    processing: null,
    receipt_email: fields.receiptEmail,
    review: null,
    setup_future_usage: fields.setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: fields.statementDescriptor,
    statement_descriptor_suffix: fields.statementDescriptorSuffix,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: fields.transferGroup,
  };
}

/** The fields Stripe returns to a publishable key (with the client secret): no metadata, no account details. */
const PUBLISHABLE_FIELDS = [
  'id',
  'object',
  'amount',
  'amount_details',
  'automatic_payment_methods',
  'canceled_at',
  'cancellation_reason',
  'capture_method',
  'client_secret',
  'confirmation_method',
  'created',
  'currency',
  'description',
  'last_payment_error',
  'livemode',
  'next_action',
  'payment_method',
  'payment_method_configuration_details',
  'payment_method_types',
  'processing',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'status',
] as const satisfies readonly (keyof Stripe.PaymentIntent)[];

export type PublishablePaymentIntent = Pick<Stripe.PaymentIntent, (typeof PUBLISHABLE_FIELDS)[number]>;

/** What a browser holding the client secret may see of a PaymentIntent, as Stripe.js receives it. */
export function publishableView(intent: Stripe.PaymentIntent): PublishablePaymentIntent {
  return Object.fromEntries(
    PUBLISHABLE_FIELDS.map((field) => [field, intent[field]]),
  ) as PublishablePaymentIntent;
}

/** What a caller may see: the whole object for a secret key, Stripe.js's subset for a publishable key; a copy. */
export function viewFor(
  intent: Stripe.PaymentIntent,
  caller: Caller,
): Stripe.PaymentIntent | PublishablePaymentIntent {
  const copy = structuredClone(intent);
  return caller.kind === 'secret' ? copy : publishableView(copy);
}
