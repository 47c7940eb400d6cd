import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { fulfilPayment } from '../checkout/checkout.fulfil.ts';
import type { Database } from '../db/database.ts';
import { applyChargeRefunded, refundsOfCharge } from '../orders/refunds.service.ts';
import { recordPayoutPaid } from '../payouts/payouts.service.ts';
import { withPaymentErrors } from './payment-errors.ts';
import type { PaymentGateway } from './payment-gateway.ts';
import { toStripePayout } from './stripe.gateway.ts';
import { markStripeEventIgnored, recordStripeEvent } from './stripe-events.store.ts';

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
  // A connected account's charge is not ours to read refunds of; it is ignored below.
  const ours = !event.account;
  const refunds =
    event.type === 'charge.refunded' && ours
      ? await withPaymentErrors(() => refundsOfCharge(payments, event.data.object))
      : [];
  return db.transaction().execute(async (tx) => {
    if (!(await recordStripeEvent(tx, event))) return { duplicate: true };
    const ignored = async (reason: string) => {
      logger.warn(
        { eventId: event.id, type: event.type, account: event.account },
        `Stripe event ignored: ${reason}`,
      );
      await markStripeEventIgnored(tx, event.id, reason);
    };
    switch (event.type) {
      case 'payment_intent.succeeded': {
        const intent = event.data.object;
        const outcome = await fulfilPayment(
          tx,
          {
            paymentIntentId: intent.id,
            amount: intent.amount_received || intent.amount,
            currency: intent.currency,
            livemode: event.livemode,
            account: event.account ?? null,
          },
          logger,
        );
        if (outcome.kind === 'ignored') await ignored(outcome.reason);
        break;
      }
      case 'payment_intent.payment_failed':
        // The session stays open: the buyer may try another card on the same PaymentIntent.
        logger.info(
          { paymentIntentId: event.data.object.id, code: event.data.object.last_payment_error?.code },
          'payment failed',
        );
        break;
      case 'charge.refunded': {
        const reason = await applyChargeRefunded(
          tx,
          { charge: event.data.object, livemode: event.livemode, account: event.account ?? null },
          refunds,
          logger,
        );
        if (reason) await ignored(reason);
        break;
      }
      case 'payout.paid': {
        // A Connect event: `account` names the promoter's connected account.
        const reason = await recordPayoutPaid(
          tx,
          { account: event.account, livemode: event.livemode, payout: toStripePayout(event.data.object) },
          logger,
        );
        if (reason) await ignored(reason);
        break;
      }
      default:
        logger.debug({ type: event.type }, 'Stripe event not used');
    }
    return { duplicate: false };
  });
}
