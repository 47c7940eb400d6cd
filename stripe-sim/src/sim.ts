import type { ChargeStore } from './charges/charges.store.ts';
import type { EventLog } from './events/event-log.ts';
import type { PaymentIntentStore } from './payment-intents/payment-intents.store.ts';
import type { PayoutStore } from './payouts/payouts.store.ts';
import type { RefundStore } from './refunds/refunds.store.ts';

/** The sim's state and settings, passed first to every service function (as a database would be). */
export interface Sim {
  intents: PaymentIntentStore;
  charges: ChargeStore;
  refunds: RefundStore;
  payouts: PayoutStore;
  events: EventLog;
  /** The sim's origin as browsers see it: where the Payment Element and 3-D Secure pages live. */
  publicUrl: string;
  now: () => Date;
}
