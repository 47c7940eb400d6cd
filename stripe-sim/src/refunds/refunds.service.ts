import type Stripe from 'stripe';
import type { RequestInfo } from '../events/event-log.ts';
import { type ListObject, listPage } from '../http/list.ts';
import {
  mergeMetadata,
  optionalInteger,
  optionalString,
  type Params,
  rejectUnknown,
} from '../http/params.ts';
import { invalidRequest, missingParam, resourceMissing } from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';
import { newRefund } from './refund.ts';
import { CREATE_PARAMS, LIST_REFUND_PARAMS, REFUND_REASONS, RETRIEVE_PARAMS } from './refunds.params.ts';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** An amount as Stripe writes it in messages: "£24.00", "$5.00", "¥500". */
function money(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

function reasonParam(params: Params): Stripe.Refund.Reason | null {
  const reason = optionalString(params, 'reason');
  if (reason === undefined || reason === '') return null;
  if (!(REFUND_REASONS as readonly string[]).includes(reason)) {
    throw invalidRequest(
      `Invalid reason: must be one of ${REFUND_REASONS.slice(0, -1).join(', ')}, or ${REFUND_REASONS.at(-1)}`,
      'reason',
    );
  }
  return reason;
}

/**
 * The charge a refund is for: a PaymentIntent's successful charge, or a charge named directly. As on
 * Stripe, a PaymentIntent that has not succeeded has nothing to refund, nor has a failed charge.
 */
function chargeToRefund(sim: Sim, params: Params): Stripe.Charge {
  const intentId = optionalString(params, 'payment_intent');
  const chargeId = optionalString(params, 'charge');
  if (intentId) {
    const record = sim.intents.get(intentId);
    if (!record) throw resourceMissing('payment_intent', intentId, 'payment_intent');
    const latest = record.intent.status === 'succeeded' ? record.intent.latest_charge : null;
    const charge = typeof latest === 'string' ? sim.charges.get(latest) : undefined;
    if (!charge) {
      throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`);
    }
    if (chargeId && chargeId !== charge.id) {
      throw invalidRequest(
        `The charge ${chargeId} does not belong to the PaymentIntent ${intentId}.`,
        'charge',
      );
    }
    return charge;
  }
  if (!chargeId) throw missingParam('charge');
  const charge = sim.charges.get(chargeId);
  if (!charge) throw resourceMissing('charge', chargeId, 'charge');
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${chargeId} failed, so there is nothing to refund.`, 'charge');
  }
  return charge;
}

/**
 * Refunds a charge, by default whatever is left of it, with Stripe's rules: never more than is left
 * (`amount_too_large`), nothing once fully refunded (`charge_already_refunded`). Card refunds succeed at
 * once here; the charge records the amount and `refund.created` then `charge.refunded` are sent.
 */
export function createRefund(sim: Sim, params: Params, request: RequestInfo): Stripe.Refund {
  rejectUnknown(params, CREATE_PARAMS);
  const amount = optionalInteger(params, 'amount');
  if (amount !== undefined && amount < 1) {
    throw invalidRequest('Invalid positive integer', 'amount', 'parameter_invalid_integer');
  }
  const reason = reasonParam(params);
  const metadata = mergeMetadata({}, params);
  const charge = chargeToRefund(sim, params);

  const left = charge.amount - charge.amount_refunded;
  if (left === 0) {
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      undefined,
      'charge_already_refunded',
    );
  }
  const refunding = amount ?? left;
  if (refunding > left) {
    throw invalidRequest(
      `Refund amount (${money(refunding, charge.currency)}) is greater than unrefunded amount on charge (${money(left, charge.currency)})`,
      'amount',
      'amount_too_large',
    );
  }

  const refund = newRefund({ charge, amount: refunding, reason, metadata }, seconds(sim.now()));
  charge.amount_refunded += refunding;
  charge.refunded = charge.amount_refunded === charge.amount;
  sim.refunds.add(refund);
  sim.events.record('refund.created', refund, request);
  sim.events.record('charge.refunded', charge, request);
  return structuredClone(refund);
}

export function retrieveRefund(sim: Sim, id: string, params: Params): Stripe.Refund {
  rejectUnknown(params, RETRIEVE_PARAMS);
  const refund = sim.refunds.get(id);
  if (!refund) throw resourceMissing('refund', id, 'id');
  return structuredClone(refund);
}

/** Refunds newest first, optionally of one PaymentIntent or charge, as Stripe's list object. */
export function listRefunds(sim: Sim, params: Params): ListObject<Stripe.Refund> {
  rejectUnknown(params, LIST_REFUND_PARAMS);
  const refunds = sim.refunds.list({
    charge: optionalString(params, 'charge'),
    paymentIntent: optionalString(params, 'payment_intent'),
  });
  return structuredClone(listPage(refunds, params, '/v1/refunds'));
}
