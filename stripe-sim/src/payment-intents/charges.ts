import { DECLINES, type Decline } from '../cards/test-cards.ts';
import { newCharge } from '../charges/charge.ts';
import type { RequestInfo } from '../events/event-log.ts';
import type { Caller } from '../http/auth.ts';
import { cardError, StripeApiError } from '../http/stripe-error.ts';
import { newId } from '../ids.ts';
import type { Sim } from '../sim.ts';
import { viewFor } from './payment-intent.ts';
import type { PaymentIntentRecord } from './payment-intents.store.ts';
import type { ResolvedPaymentMethod } from './payment-methods.ts';

// Charging a PaymentIntent's card and recording the outcome on it, with the event Stripe would send.

/** Keeps the charge for one attempt and names it the PaymentIntent's `latest_charge`. */
function recordCharge(
  sim: Sim,
  record: PaymentIntentRecord,
  method: ResolvedPaymentMethod,
  decline: Decline | null,
): string {
  const created = Math.floor(sim.now().getTime() / 1000);
  const charge = newCharge(record.intent, method.paymentMethod, decline, created);
  sim.charges.add(charge);
  record.intent.latest_charge = charge.id;
  return charge.id;
}

/** Makes `method` the card the PaymentIntent will charge. */
export function attach(record: PaymentIntentRecord, method: ResolvedPaymentMethod | undefined): void {
  if (!method) return;
  record.method = method;
  record.intent.payment_method = method.paymentMethod.id;
}

/**
 * Charges the card as its test number says: succeeds, or asks for 3-D Secure (`requires_action`), or
 * declines, which is recorded on the PaymentIntent and thrown as Stripe's 402 for the confirming caller.
 */
export function charge(
  sim: Sim,
  record: PaymentIntentRecord,
  method: ResolvedPaymentMethod,
  options: { errorOnRequiresAction: boolean; caller: Caller; request: RequestInfo },
): void {
  attach(record, method);
  const outcome = method.card.outcome;
  if (outcome.kind === 'succeed') {
    succeed(sim, record, options.request);
    return;
  }
  if (outcome.kind === 'decline') {
    throw fail(sim, record, outcome.decline, 'card_error', options.request, options.caller);
  }
  if (options.errorOnRequiresAction) {
    throw fail(sim, record, DECLINES.authenticationRequired, 'card_error', options.request, options.caller);
  }
  const intent = record.intent;
  intent.status = 'requires_action';
  // What Stripe.js reads to run 3-D Secure; the sim's challenge page stands in for the bank's.
  intent.next_action = {
    type: 'use_stripe_sdk',
    use_stripe_sdk: {
      type: 'three_d_secure_redirect',
      stripe_js: `${sim.publicUrl}/elements/challenge?payment_intent=${intent.id}`,
      source: newId('src'),
    },
  };
  record.afterAuthentication = outcome.afterChallenge;
  sim.events.record('payment_intent.requires_action', intent, options.request);
}

/**
 * Ends a 3-D Secure challenge: a completed one goes on with the charge (which may still decline), a failed
 * one leaves the PaymentIntent waiting for another card with `payment_intent_authentication_failure`.
 */
export function answerChallenge(
  sim: Sim,
  record: PaymentIntentRecord,
  completed: boolean,
  request: RequestInfo,
) {
  const pending = record.afterAuthentication;
  record.afterAuthentication = undefined;
  if (!completed) fail(sim, record, DECLINES.authenticationFailed, 'invalid_request_error', request);
  else if (pending?.kind === 'decline') fail(sim, record, pending.decline, 'card_error', request);
  else succeed(sim, record, request);
}

function succeed(sim: Sim, record: PaymentIntentRecord, request: RequestInfo): void {
  const intent = record.intent;
  // charge() attaches the card first and 3-D Secure keeps it, so a missing one is the sim's own bug.
  if (!record.method) throw new Error(`PaymentIntent ${intent.id} is succeeding without a payment method`);
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  recordCharge(sim, record, record.method, null);
  intent.last_payment_error = null;
  intent.next_action = null;
  sim.events.record('payment_intent.succeeded', intent, request);
}

/**
 * Records a failed attempt as Stripe does: back to `requires_payment_method` with `last_payment_error`, a
 * failed charge for a decline, and `payment_intent.payment_failed`. Returns the error for the caller who
 * confirmed, showing the PaymentIntent as that caller may see it.
 */
function fail(
  sim: Sim,
  record: PaymentIntentRecord,
  decline: Decline,
  type: 'card_error' | 'invalid_request_error',
  request: RequestInfo,
  caller: Caller = { kind: 'secret', key: '' },
): StripeApiError {
  const intent = record.intent;
  const paymentMethod = record.method?.paymentMethod;
  const chargeId =
    type === 'card_error' && record.method ? recordCharge(sim, record, record.method, decline) : undefined;
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.next_action = null;
  intent.last_payment_error = {
    type,
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    charge: chargeId,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code}`,
    payment_method: paymentMethod,
  };
  record.method = undefined;
  sim.events.record('payment_intent.payment_failed', intent, request);
  const body = {
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    charge: chargeId,
    payment_intent: viewFor(intent, caller),
    payment_method: paymentMethod,
  };
  return type === 'card_error' ? cardError(body) : new StripeApiError(400, { type, ...body });
}
