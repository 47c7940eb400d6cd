import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { fulfilPayment } from '../checkout/checkout.fulfil.ts';
import type { Database } from '../db/database.ts';
import { recordStripeEvent } from './stripe-events.store.ts';

/**
 * Applies one verified Stripe event. The event id is recorded in the same transaction as its
 * effect, so a redelivery (Stripe delivers at least once) changes nothing.
 */
export async function handleStripeEvent(
  db: Database,
  event: Stripe.Event,
  logger: Logger,
): Promise<{ duplicate: boolean }> {
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
      default:
        logger.debug({ type: event.type }, 'Stripe event not used');
    }
    return { duplicate: false };
  });
}
