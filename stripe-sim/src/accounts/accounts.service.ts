import type Stripe from 'stripe';
import { optionalBoolean, optionalString, type Params, rejectUnknown } from '../http/params.ts';
import { invalidRequest } from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';
import { type AccountState, accountOf } from './account.ts';

/** The platform's own account: what `GET /v1/account` answers without `Stripe-Account`. */
export const PLATFORM_ACCOUNT_ID = 'acct_entryrate_sim_platform';

const RETRIEVE_PARAMS: ReadonlySet<string> = new Set(['expand']);
const UPDATE_PARAMS: ReadonlySet<string> = new Set([
  'charges_enabled',
  'payouts_enabled',
  'details_submitted',
  'country',
  'default_currency',
]);

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** `GET /v1/accounts/:id` and `GET /v1/account`: an account as Stripe answers the platform. */
export function retrieveAccount(sim: Sim, id: string, params: Params): Stripe.Account {
  rejectUnknown(params, RETRIEVE_PARAMS);
  const { state, created } = sim.accounts.get(id, seconds(sim.now()));
  return accountOf(id, state, created);
}

/**
 * Not Stripe's: sets how far an account's onboarding got (Stripe moves it as the account holder
 * fills in its forms), so a test can show an account that cannot take charges or payouts yet.
 */
export function updateSimAccount(sim: Sim, id: string, params: Params): Stripe.Account {
  rejectUnknown(params, UPDATE_PARAMS);
  const changes: Partial<AccountState> = {};
  const flag = (name: string, key: 'chargesEnabled' | 'payoutsEnabled' | 'detailsSubmitted') => {
    const value = optionalBoolean(params, name);
    if (value !== undefined) changes[key] = value;
  };
  flag('charges_enabled', 'chargesEnabled');
  flag('payouts_enabled', 'payoutsEnabled');
  flag('details_submitted', 'detailsSubmitted');
  const country = optionalString(params, 'country');
  if (country !== undefined) {
    if (!/^[A-Z]{2}$/.test(country)) throw invalidRequest(`Invalid country: ${country}`, 'country');
    changes.country = country;
  }
  const currency = optionalString(params, 'default_currency')?.toLowerCase();
  if (currency !== undefined) {
    if (!/^[a-z]{3}$/.test(currency))
      throw invalidRequest(`Invalid currency: ${currency}`, 'default_currency');
    changes.defaultCurrency = currency;
  }
  sim.accounts.update(id, seconds(sim.now()), changes);
  return retrieveAccount(sim, id, {});
}
