import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { fulfilPayment } from '../checkout/checkout.fulfil.ts';
import type { Database } from '../db/database.ts';
import { applyChargeRefunded, refundsOfCharge } from '../orders/refunds.service.ts';
import { recordPayoutPaid } from '../payouts/payouts.service.ts';
import { type PaymentGateway, toStripePayout } from './stripe.gateway.ts';
import { recordStripeEvent } from './stripe-events.store.ts';

/**
 * Applies one verified Stripe event. The event id is recorded in the same transaction as its
 * effect, so a redelivery (Stripe delivers at least once) changes nothing. What the event needs
 * from Stripe (a refunded charge's refunds) is read before the transaction opens.
 */
export async function handleStripeEvent(
  db: Database,
  event: Stripe.Event,
  logger: Logger,
  payments: Pick<PaymentGateway, 'listRefunds'>,
): Promise<{ duplicate: boolean }> {
  const refunds = event.type === 'charge.refunded' ? await refundsOfCharge(payments, event.data.object) : [];
  return db.transaction().execute(async (tx) => {
    if (!(await recordStripeEvent(tx, event))) return { duplicate: true };
    switch (event.type) {
      case 'payment_intent.succeeded': {
        const intent = event.data.object;
        await fulfilPayment(
          tx,
          {
            paymentIntentId: intent.id,
            sessionId: intent.metadata?.sessionId,
            amount: intent.amount_received || intent.amount,
            currency: intent.currency,
          },
          logger,
        );
        break;
      }
      case 'payment_intent.payment_failed':
        // The session stays open: the buyer may try another card on the same PaymentIntent.
        logger.info(
          { paymentIntentId: event.data.object.id, code: event.data.object.last_payment_error?.code },
          'payment failed',
        );
        break;
      case 'charge.refunded':
        await applyChargeRefunded(tx, event.data.object, refunds, logger);
        break;
      case 'payout.paid':
        // A Connect event: `account` names the promoter's connected account.
        await recordPayoutPaid(
          tx,
          { account: event.account, livemode: event.livemode, payout: toStripePayout(event.data.object) },
          logger,
        );
        break;
      default:
        logger.debug({ type: event.type }, 'Stripe event not used');
    }
    return { duplicate: false };
  });
}
