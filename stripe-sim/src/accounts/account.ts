import type Stripe from 'stripe';

/** What the sim lets a test change on an account (`POST /v1/stripe_sim/accounts/:id`). */
export interface AccountState {
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  country: string;
  defaultCurrency: string;
}

/** A connected account the sim has not been told otherwise about: onboarded, in the UK, paid in pounds. */
export const ONBOARDED: AccountState = {
  chargesEnabled: true,
  payoutsEnabled: true,
  detailsSubmitted: true,
  country: 'GB',
  defaultCurrency: 'gbp',
};

/** A Standard Connect account in Stripe's shape (test mode), with the fields EntryRate reads. */
export function accountOf(id: string, state: AccountState, created: number): Stripe.Account {
  const due = state.detailsSubmitted
    ? []
    : ['business_profile.url', 'external_account', 'tos_acceptance.date'];
  const requirements = {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: state.chargesEnabled ? null : 'requirements.past_due',
    errors: [],
    eventually_due: due,
    past_due: state.chargesEnabled ? [] : due,
    pending_verification: [],
  };
  return {
    id,
    object: 'account',
    business_profile: null,
    business_type: 'company',
    capabilities: {
      card_payments: state.chargesEnabled ? 'active' : 'inactive',
      transfers: state.payoutsEnabled ? 'active' : 'inactive',
    },
    charges_enabled: state.chargesEnabled,
    country: state.country,
    created,
    default_currency: state.defaultCurrency,
    details_submitted: state.detailsSubmitted,
    email: null,
    metadata: {},
    payouts_enabled: state.payoutsEnabled,
    requirements,
    type: 'standard',
  } as unknown as Stripe.Account;
}
