import type Stripe from 'stripe';
import { listPage } from '../http/list.ts';
import { expands, type Params, rejectUnknown } from '../http/params.ts';
import { resourceMissing } from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';

const RETRIEVE_PARAMS: ReadonlySet<string> = new Set(['expand']);

/**
 * A charge, as a copy. Its `refunds` list is only there with `expand[]=refunds`: Stripe stopped
 * including it by default in API version 2022-11-15.
 */
export function retrieveCharge(sim: Sim, id: string, params: Params): Stripe.Charge {
  rejectUnknown(params, RETRIEVE_PARAMS);
  const charge = sim.charges.get(id);
  if (!charge) throw resourceMissing('charge', id, 'id');
  const copy = structuredClone(charge);
  if (expands(params, 'refunds')) {
    copy.refunds = structuredClone(
      listPage(sim.refunds.list({ charge: id }), {}, `/v1/charges/${id}/refunds`),
    );
  }
  return copy;
}
