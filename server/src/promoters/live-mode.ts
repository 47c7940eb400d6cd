import type { StripeConfig } from '../config.ts';
import type { Executor } from '../db/database.ts';
import { countActiveLiveKeys } from './promoters.store.ts';

/**
 * The warning a server logs at start when it talks to the stripe-sim, where every live key is
 * refused with 403 `auth.live_mode_unavailable` (see `authenticate`); null with real Stripe keys.
 *
 * Why a refusal per request and not a failed start when live keys exist: `npm run entryrate --
 * promoter create` always makes a live key, so failing the start would stop the demo for good on
 * the first promoter created. Refusing each live request keeps live data away from the sim all
 * the same, and says so to the caller.
 */
export async function liveModeWarning(db: Executor, stripe: StripeConfig): Promise<string | null> {
  if (!stripe.sim) return null;
  const liveKeys = await countActiveLiveKeys(db);
  return (
    `Live mode is off: this server uses the stripe-sim, so every er_live_ key is refused ` +
    `(403 auth.live_mode_unavailable; ${liveKeys} active live key${liveKeys === 1 ? '' : 's'} in the database). ` +
    'Set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET to real Stripe keys to use live mode.'
  );
}
