import type { Database } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { withPaymentErrors } from '../payments/payment-errors.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import { assertPayable, authorisedSession, type Caller } from './checkout.access.ts';
import { fulfilFreeSession } from './checkout.fulfil.ts';
import type { PaymentStart } from './checkout.mapper.ts';
import { attachPaymentIntent, lockSession } from './checkout.store.ts';

/** First look at Stripe for a PaymentIntent whose webhook has not come by then. */
const FIRST_CHECK_SECONDS = 30;

/**
 * Starts paying a session. A free session (total 0) completes here, in the transaction that
 * issues its order and tickets, without Stripe. Otherwise the buyer's browser gets the
 * PaymentIntent to confirm: Stripe's idempotency key is derived from the session and amount, so
 * repeated calls (double clicks, a retry after a decline) reuse one PaymentIntent, and it is
 * recorded on the session as the only one that may complete it.
 */
export async function startPayment(
  db: Database,
  payments: PaymentGateway,
  caller: Caller,
  id: string,
): Promise<PaymentStart> {
  const found = await authorisedSession(db, caller, id);
  const free = found.amount_total === 0 ? await completeFree(db, found.id) : null;
  if (free) return free;
  // Re-read when it was free a moment ago: the buyer changed to paid tickets meanwhile.
  const session = found.amount_total === 0 ? await authorisedSession(db, caller, id) : found;
  assertPayable(session);
  if (session.mode !== payments.mode) {
    throw new ApiError(
      409,
      'payments.mode_unavailable',
      `This ${session.mode}-mode checkout cannot be paid: the server has a Stripe ${payments.mode} key.`,
    );
  }
  if (!session.payment_intent_id) {
    const created = await withPaymentErrors(() =>
      payments.createPaymentIntent({
        amount: session.amount_total,
        currency: session.currency,
        receiptEmail: session.customer_email,
        metadata: { sessionId: session.id, eventId: session.event_id, promoterId: session.promoter_id },
        // Same session and amount, same PaymentIntent: double clicks and retries never make two.
        idempotencyKey: `pi_for_${session.id}_${session.amount_total}`,
      }),
    );
    if (await attachPaymentIntent(db, session.id, created.id, FIRST_CHECK_SECONDS)) {
      return paying(created.id, created.clientSecret);
    }
    // Another request attached its own first (the buyer changed tickets meanwhile): use that one.
    await withPaymentErrors(() => payments.cancelPaymentIntent(created.id));
  }
  const current = await authorisedSession(db, caller, id);
  const intentId = current.payment_intent_id;
  if (!intentId) throw new Error(`Session ${id} lost its PaymentIntent`);
  const intent = await withPaymentErrors(() => payments.syncPaymentIntent(intentId, current.amount_total));
  return paying(intent.id, intent.clientSecret);
}

function paying(paymentIntentId: string, clientSecret: string): PaymentStart {
  return { status: 'open', orderId: null, paymentIntentId, clientSecret };
}

/**
 * A free session completes at once; a second call (a double click) answers the same order. Null
 * when it is no longer free (the buyer changed tickets between the read and the lock).
 */
async function completeFree(db: Database, id: string): Promise<PaymentStart | null> {
  const orderId = await db.transaction().execute(async (tx) => {
    const session = await lockSession(tx, id);
    if (!session) throw new Error(`Session ${id} vanished`);
    if (session.status === 'complete' && session.order_id) return session.order_id;
    assertPayable(session);
    if (session.amount_total !== 0) return null;
    return fulfilFreeSession(tx, session);
  });
  return orderId ? { status: 'complete', orderId, paymentIntentId: null, clientSecret: null } : null;
}
