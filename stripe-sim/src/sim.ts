import type { AccountStore } from './accounts/accounts.store.ts';
import type { ChargeStore } from './charges/charges.store.ts';
import type { SimClock } from './clock/sim-clock.ts';
import type { EventLog } from './events/event-log.ts';
import type { PaymentIntentStore } from './payment-intents/payment-intents.store.ts';
import type { PayoutStore } from './payouts/payouts.store.ts';
import type { RefundStore } from './refunds/refunds.store.ts';
import type { WebhookDispatcher } from './webhooks/dispatcher.ts';

/** The sim's state and settings, passed first to every service function (as a database would be). */
export interface Sim {
  intents: PaymentIntentStore;
  charges: ChargeStore;
  refunds: RefundStore;
  payouts: PayoutStore;
  accounts: AccountStore;
  events: EventLog;
  webhooks: WebhookDispatcher;
  /** The sim's origin as browsers see it: where the Payment Element and 3-D Secure pages live. */
  publicUrl: string;
  /** Real time until tests advance it; webhook retries come due on it. */
  clock: SimClock;
  /** The clock's now: what the sim stamps objects and events with. */
  now: () => Date;
}
