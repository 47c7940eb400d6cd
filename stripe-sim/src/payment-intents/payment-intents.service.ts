import type Stripe from 'stripe';
import type { RequestInfo } from '../events/event-log.ts';
import type { Caller } from '../http/auth.ts';
import {
  mergeMetadata,
  optionalBoolean,
  optionalHash,
  optionalInteger,
  optionalString,
  type Params,
  rejectUnknown,
  requiredInteger,
  requiredString,
} from '../http/params.ts';
import {
  invalidRequest,
  resourceMissing,
  type StripeApiError,
  unexpectedState,
} from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';
import { answerChallenge, attach, charge } from './charges.ts';
import { newPaymentIntent, viewFor } from './payment-intent.ts';
import {
  AUTHENTICATE_PARAMS,
  amountError,
  CANCEL_PARAMS,
  CANCELLATION_REASONS,
  CONFIRM_PARAMS,
  CREATE_PARAMS,
  checkCurrency,
  RETRIEVE_PARAMS,
  UPDATE_PARAMS,
} from './payment-intents.params.ts';
import type { PaymentIntentRecord } from './payment-intents.store.ts';
import { resolvePaymentMethod } from './payment-methods.ts';

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const AMOUNT_UPDATABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const view = (record: PaymentIntentRecord, caller: Caller) => viewFor(record.intent, caller);

/**
 * The PaymentIntent, if this caller may touch it: a secret key always, a publishable key only with the
 * PaymentIntent's client secret.
 */
function findForCaller(sim: Sim, id: string, caller: Caller, params: Params): PaymentIntentRecord {
  const record = sim.intents.get(id);
  if (!record) throw resourceMissing('payment_intent', id, 'intent');
  if (caller.kind === 'publishable' && params.client_secret !== record.intent.client_secret) {
    throw invalidRequest(
      'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
      'client_secret',
    );
  }
  return record;
}

function checkCaptureMethod(params: Params): void {
  const method = optionalString(params, 'capture_method');
  if (method === 'manual') {
    throw invalidRequest(
      'The stripe-sim charges immediately: capture_method=manual (separate authorization and capture) is not simulated.',
      'capture_method',
    );
  }
}

/** Creates a PaymentIntent; with `confirm=true` and a payment method it is charged at once. */
export function createPaymentIntent(sim: Sim, params: Params, caller: Caller, request: RequestInfo) {
  rejectUnknown(params, CREATE_PARAMS);
  const amount = requiredInteger(params, 'amount');
  const currency = checkCurrency(requiredString(params, 'currency'));
  const badAmount = amountError(amount, currency);
  if (badAmount) throw badAmount;
  checkCaptureMethod(params);
  const automatic = optionalHash(params, 'automatic_payment_methods');
  const types = params.payment_method_types;
  const intent = newPaymentIntent(
    {
      amount,
      currency,
      metadata: mergeMetadata({}, params),
      description: optionalString(params, 'description') ?? null,
      receiptEmail: optionalString(params, 'receipt_email') ?? null,
      automaticPaymentMethods: automatic ? automatic.enabled === 'true' : null,
      paymentMethodTypes: Array.isArray(types) ? types.map(String) : ['card'],
      statementDescriptor: optionalString(params, 'statement_descriptor') ?? null,
      statementDescriptorSuffix: optionalString(params, 'statement_descriptor_suffix') ?? null,
      setupFutureUsage: optionalString(params, 'setup_future_usage') ?? null,
      transferGroup: optionalString(params, 'transfer_group') ?? null,
    },
    seconds(sim.now()),
  );
  const record: PaymentIntentRecord = { intent };
  const method = resolvePaymentMethod(params, caller, sim.now());
  attach(record, method);
  record.returnUrl = optionalString(params, 'return_url');
  sim.intents.add(record);
  sim.events.record('payment_intent.created', record.intent, request);

  if (optionalBoolean(params, 'confirm')) {
    if (!record.method) throw missingPaymentMethod(record, caller);
    const errorOnRequiresAction = optionalBoolean(params, 'error_on_requires_action') ?? false;
    charge(sim, record, record.method, { errorOnRequiresAction, caller, request });
  } else if (record.method) {
    intent.status = 'requires_confirmation';
  }
  return view(record, caller);
}

export function retrievePaymentIntent(sim: Sim, id: string, params: Params, caller: Caller) {
  rejectUnknown(params, RETRIEVE_PARAMS);
  return view(findForCaller(sim, id, caller, params), caller);
}

/**
 * Updates a PaymentIntent. As on Stripe, metadata and description may change at any time before it is
 * canceled, but the amount and currency only while it still awaits payment.
 */
export function updatePaymentIntent(sim: Sim, id: string, params: Params, caller: Caller) {
  rejectUnknown(params, UPDATE_PARAMS);
  const record = findForCaller(sim, id, caller, params);
  const intent = record.intent;
  if (intent.status === 'canceled') {
    throw unexpectedState(
      'This PaymentIntent could not be updated because it has a status of canceled.',
      view(record, caller),
    );
  }
  const amount = optionalInteger(params, 'amount');
  const currencyParam = optionalString(params, 'currency');
  const changesPayment =
    amount !== undefined ||
    currencyParam !== undefined ||
    params.payment_method ||
    params.payment_method_data;
  if (changesPayment && !AMOUNT_UPDATABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot update this PaymentIntent because it has a status of ${intent.status}. Updates are only allowed when the status is one of: ${AMOUNT_UPDATABLE.join(', ')}.`,
      view(record, caller),
    );
  }
  checkCaptureMethod(params);
  const currency = currencyParam === undefined ? intent.currency : checkCurrency(currencyParam);
  const badAmount = amountError(amount ?? intent.amount, currency);
  if (badAmount) throw badAmount;
  const method = resolvePaymentMethod(params, caller, sim.now());

  intent.amount = amount ?? intent.amount;
  intent.currency = currency;
  intent.metadata = mergeMetadata(intent.metadata, params);
  if (params.description !== undefined) intent.description = optionalString(params, 'description') || null;
  if (params.receipt_email !== undefined)
    intent.receipt_email = optionalString(params, 'receipt_email') || null;
  if (method) {
    attach(record, method);
    intent.status = 'requires_confirmation';
  }
  return view(record, caller);
}

/**
 * Confirms a PaymentIntent: charges the card named here or attached before. A server confirms with a
 * test PaymentMethod and its secret key; the Payment Element confirms with card details, the publishable
 * key and the client secret.
 */
export function confirmPaymentIntent(
  sim: Sim,
  id: string,
  params: Params,
  caller: Caller,
  request: RequestInfo,
) {
  rejectUnknown(params, CONFIRM_PARAMS);
  const record = findForCaller(sim, id, caller, params);
  const intent = record.intent;
  if (intent.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
      view(record, caller),
    );
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
      view(record, caller),
    );
  }
  checkCaptureMethod(params);
  const method = resolvePaymentMethod(params, caller, sim.now()) ?? record.method;
  if (!method) throw missingPaymentMethod(record, caller);
  if (params.receipt_email !== undefined)
    intent.receipt_email = optionalString(params, 'receipt_email') || null;
  record.returnUrl = optionalString(params, 'return_url') ?? record.returnUrl;
  const errorOnRequiresAction = optionalBoolean(params, 'error_on_requires_action') ?? false;
  charge(sim, record, method, { errorOnRequiresAction, caller, request });
  return view(record, caller);
}

export function cancelPaymentIntent(
  sim: Sim,
  id: string,
  params: Params,
  caller: Caller,
  request: RequestInfo,
) {
  rejectUnknown(params, CANCEL_PARAMS);
  const record = findForCaller(sim, id, caller, params);
  const intent = record.intent;
  const reason = optionalString(params, 'cancellation_reason');
  if (reason !== undefined && !CANCELLATION_REASONS.includes(reason)) {
    throw invalidRequest(
      `Invalid cancellation_reason: must be one of ${CANCELLATION_REASONS.join(', ')}`,
      'cancellation_reason',
    );
  }
  if (!CANCELABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      view(record, caller),
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = seconds(sim.now());
  intent.cancellation_reason = (reason as Stripe.PaymentIntent.CancellationReason | undefined) ?? null;
  intent.next_action = null;
  record.afterAuthentication = undefined;
  sim.events.record('payment_intent.canceled', record.intent, request);
  return view(record, caller);
}

/**
 * The buyer's answer to the 3-D Secure challenge ("Complete" or "Fail"), posted by the challenge page with
 * the publishable key and client secret, or by a script with a secret key. Completing goes on with the
 * charge; failing leaves the PaymentIntent waiting for another card, as on Stripe.
 */
export function completeAuthentication(
  sim: Sim,
  id: string,
  params: Params,
  caller: Caller,
  request: RequestInfo,
) {
  rejectUnknown(params, AUTHENTICATE_PARAMS);
  const outcome = requiredString(params, 'outcome');
  if (outcome !== 'complete' && outcome !== 'fail') {
    throw invalidRequest('outcome must be "complete" or "fail".', 'outcome');
  }
  const record = findForCaller(sim, id, caller, params);
  if (record.intent.status !== 'requires_action' || !record.afterAuthentication) {
    throw unexpectedState(
      `This PaymentIntent is not awaiting authentication: its status is ${record.intent.status}.`,
      view(record, caller),
    );
  }
  answerChallenge(sim, record, outcome === 'complete', request);
  return view(record, caller);
}

function missingPaymentMethod(record: PaymentIntentRecord, caller: Caller): StripeApiError {
  return unexpectedState(
    "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    view(record, caller),
  );
}
