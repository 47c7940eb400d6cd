import type Stripe from 'stripe';
import type { RequestInfo } from '../events/event-log.ts';
import { type ListObject, listPage } from '../http/list.ts';
import {
  inRange,
  mergeMetadata,
  optionalInteger,
  optionalRange,
  optionalString,
  type Params,
  rejectUnknown,
  requiredInteger,
  requiredString,
} from '../http/params.ts';
import { invalidRequest, resourceMissing } from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';
import { markPaid, newPayout } from './payout.ts';
import { CREATE_PARAMS, LIST_PAYOUT_PARAMS, PAYOUT_STATUSES, RETRIEVE_PARAMS } from './payouts.params.ts';

const DAY = 24 * 60 * 60;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Creates a payout of the account (`Stripe-Account`, or the platform), `pending` until the sim is told
 * to pay it out. No balance is checked. `arrival_date` (unix seconds) is the sim's own test helper; by
 * default a payout arrives at midnight UTC two days on.
 */
export function createPayout(
  sim: Sim,
  account: string | null,
  params: Params,
  request: RequestInfo,
): Stripe.Payout {
  rejectUnknown(params, CREATE_PARAMS);
  const amount = requiredInteger(params, 'amount');
  if (amount < 1) throw invalidRequest('Invalid positive integer', 'amount', 'parameter_invalid_integer');
  const currency = requiredString(params, 'currency').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}`, 'currency');
  const method = optionalString(params, 'method') ?? 'standard';
  if (method !== 'standard' && method !== 'instant') {
    throw invalidRequest('Invalid method: must be one of standard or instant', 'method');
  }
  const created = seconds(sim.now());
  const payout = newPayout(
    {
      amount,
      currency,
      arrivalDate: optionalInteger(params, 'arrival_date') ?? (Math.floor(created / DAY) + 2) * DAY,
      description: optionalString(params, 'description') ?? null,
      metadata: mergeMetadata({}, params),
      method,
      statementDescriptor: optionalString(params, 'statement_descriptor') ?? null,
    },
    created,
  );
  sim.payouts.add(account, payout);
  sim.events.record('payout.created', payout, request, account);
  return structuredClone(payout);
}

export function retrievePayout(sim: Sim, account: string | null, id: string, params: Params): Stripe.Payout {
  rejectUnknown(params, RETRIEVE_PARAMS);
  const payout = sim.payouts.get(account, id);
  if (!payout) throw resourceMissing('payout', id, 'id');
  return structuredClone(payout);
}

/** The account's payouts newest first, filtered by `status`, `arrival_date` and `created` as on Stripe. */
export function listPayouts(sim: Sim, account: string | null, params: Params): ListObject<Stripe.Payout> {
  rejectUnknown(params, LIST_PAYOUT_PARAMS);
  const status = optionalString(params, 'status');
  if (status !== undefined && !(PAYOUT_STATUSES as readonly string[]).includes(status)) {
    throw invalidRequest(`Invalid status: must be one of ${PAYOUT_STATUSES.join(', ')}`, 'status');
  }
  const arrival = optionalRange(params, 'arrival_date');
  const created = optionalRange(params, 'created');
  const destination = optionalString(params, 'destination');
  const payouts = sim.payouts
    .list(account)
    .filter(
      (p) =>
        (status === undefined || p.status === status) &&
        (destination === undefined || p.destination === destination) &&
        inRange(p.arrival_date, arrival) &&
        inRange(p.created, created),
    );
  return structuredClone(listPage(payouts, params, '/v1/payouts'));
}

/**
 * Not Stripe's: the bank says the money arrived. The payout becomes `paid` and `payout.paid` is sent,
 * carrying `account` when the payout is a connected account's, as Stripe's Connect events do.
 */
export function payPayout(sim: Sim, id: string, request: RequestInfo): Stripe.Payout {
  const found = sim.payouts.find(id);
  if (!found) throw resourceMissing('payout', id, 'id');
  const { payout, account } = found;
  if (payout.status === 'paid') throw invalidRequest(`Payout ${id} is already paid.`);
  if (payout.status !== 'pending' && payout.status !== 'in_transit') {
    throw invalidRequest(`Payout ${id} is ${payout.status}, so it cannot be paid.`);
  }
  markPaid(payout);
  sim.events.record('payout.paid', payout, request, account);
  return structuredClone(payout);
}
