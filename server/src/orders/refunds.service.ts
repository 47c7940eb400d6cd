import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { Principal } from '../access/principal.ts';
import type { Database, Executor } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { formatMoney } from '../lib/money.ts';
import { withPaymentErrors } from '../payments/payment-errors.ts';
import type { PaymentGateway, PaymentProviderError, StripeRefund } from '../payments/payment-gateway.ts';
import { enqueueWebhookEvent } from '../webhooks/webhooks.outbox.ts';
import { queueRefundMail } from './order-mails.ts';
import type { Order } from './orders.mapper.ts';
import { getOrder, loadOrder, orderNotFound } from './orders.service.ts';
import {
  findOrderByPaymentIntent,
  findOwnedOrder,
  insertRefund,
  lockOrder,
  type OrderRow,
  paymentStillSettling,
  setAmountRefunded,
  voidOrderTickets,
} from './orders.store.ts';

export interface RefundRequest {
  /** Minor units; what is left when absent. */
  amount?: number | undefined;
  /** The request's Idempotency-Key, when it has one. */
  idempotencyKey: string | null;
}

/**
 * Refunds an order through Stripe, in full by default. Check, call Stripe, then record: no lock is
 * held during the Stripe call. Stripe is what stops two concurrent refunds from exceeding the
 * payment (it never refunds more than is left of the charge and answers `amount_too_large` or
 * `charge_already_refunded`); the order row is then locked to record the refund by its Stripe id,
 * once, whichever of this request and the `charge.refunded` webhook gets there first.
 */
export async function refundOrder(
  db: Database,
  payments: PaymentGateway,
  caller: Principal,
  orderId: string,
  request: RefundRequest,
): Promise<Order> {
  const order = await findOwnedOrder(db, caller, orderId);
  if (!order) throw orderNotFound(orderId);
  const intentId = order.payment_intent_id;
  if (!intentId) {
    throw new ApiError(409, 'order.not_refundable', `Order '${order.id}' was free: no payment was taken.`);
  }
  const amount = refundableAmount(order, request.amount);
  const key = stripeRefundKey(order, amount, caller.callerId, request.idempotencyKey);
  const refund = await withPaymentErrors(
    () => payments.refundPaymentIntent(intentId, key, amount, { orderId: order.id }),
    refundAnswers,
  );
  if (!movesMoney(refund)) {
    throw new ApiError(
      502,
      'payments.refund_failed',
      `Stripe could not refund this payment (${refund.status}).`,
    );
  }
  await db.transaction().execute((tx) => recordRefunds(tx, order.id, [refund]));
  return getOrder(db, caller, order.id);
}

/** What a refund's caller hears when Stripe refuses it. */
const refundAnswers = {
  idempotency_conflict: () =>
    new ApiError(
      422,
      'idempotency.key_reused',
      'This Idempotency-Key was used for a refund of another amount; send a new key.',
    ),
  already_refunded: () =>
    new ApiError(409, 'order.already_refunded', 'Stripe says this payment is already refunded in full.'),
  amount_too_large: (error: PaymentProviderError) =>
    new ApiError(400, 'order.refund_too_large', `Stripe refused the refund: ${error.message}`, 'amount'),
};

/** The amount to refund: what is asked, or all that is left; never more than is left. */
function refundableAmount(order: OrderRow, asked: number | undefined): number {
  const left = order.amount - order.amount_refunded;
  const money = (amount: number) => formatMoney(amount, order.currency);
  if (left <= 0) {
    throw new ApiError(
      409,
      'order.already_refunded',
      `Order '${order.id}' is already refunded in full (${money(order.amount)}).`,
    );
  }
  if (asked !== undefined && asked > left) {
    throw new ApiError(
      400,
      'order.refund_too_large',
      `A refund of ${money(asked)} is more than the ${money(left)} left to refund on this order (paid ${money(order.amount)}, refunded ${money(order.amount_refunded)}).`,
      'amount',
    );
  }
  return asked ?? left;
}

/**
 * Stripe's idempotency key for a refund. With an Idempotency-Key, from it (scoped to the API key,
 * as the middleware scopes it): a retry of the request refunds once, two requests are two refunds.
 * Without, from the order's state: a blind retry before the first was recorded refunds once, and
 * a later refund (the refunded amount has moved on) gets a key of its own.
 */
function stripeRefundKey(
  order: OrderRow,
  amount: number,
  callerId: string,
  idempotencyKey: string | null,
): string {
  if (!idempotencyKey) return `refund_${order.id}_${order.amount_refunded}_${amount}`;
  const digest = createHash('sha256').update(`${callerId}\n${idempotencyKey}`).digest('hex').slice(0, 32);
  return `refund_${order.id}_${digest}`;
}

/** A refund that took (or will take) money back; failed and cancelled ones did not. */
function movesMoney(refund: StripeRefund): boolean {
  return refund.status === 'succeeded' || refund.status === 'pending';
}

/**
 * Records Stripe refunds of an order, each once by its Stripe id, with the order row locked: the
 * refunded amount grows by what is new, the status follows, and a full refund voids every ticket.
 * Answers the amount newly recorded.
 */
export async function recordRefunds(tx: Executor, orderId: string, refunds: StripeRefund[]): Promise<number> {
  const order = await lockOrder(tx, orderId);
  if (!order) throw new Error(`Refunds for missing order ${orderId}`);
  let added = 0;
  for (const refund of refunds.filter(movesMoney)) {
    const recorded = await insertRefund(tx, {
      id: refund.refundId,
      order_id: order.id,
      amount: refund.amount,
      created_at: refund.created,
    });
    if (recorded) added += refund.amount;
  }
  if (added === 0) return 0;
  const amountRefunded = order.amount_refunded + added;
  // Each Stripe refund counts once and Stripe never refunds more than was paid, so this cannot
  // fail unless the order and its payment disagree; the CHECK constraint would refuse it anyway.
  if (amountRefunded > order.amount) {
    throw new Error(`Order ${order.id} would be refunded ${amountRefunded} of ${order.amount}`);
  }
  const status = amountRefunded === order.amount ? 'refunded' : 'partially_refunded';
  await setAmountRefunded(tx, order.id, amountRefunded, status);
  if (status === 'refunded') await voidOrderTickets(tx, order.id);
  await queueRefundMail(
    tx,
    { id: order.id, buyerEmail: order.buyer_email, currency: order.currency },
    { amount: added, amountRefunded, full: status === 'refunded' },
  );
  await enqueueWebhookEvent(tx, {
    promoterId: order.promoter_id,
    mode: order.mode,
    type: 'order.refunded',
    data: await loadOrder(tx, order.id),
  });
  return added;
}

/** The refunds of the PaymentIntent a refunded charge belongs to, read from Stripe. */
export async function refundsOfCharge(
  payments: Pick<PaymentGateway, 'listRefunds'>,
  charge: Stripe.Charge,
): Promise<StripeRefund[]> {
  const intentId = paymentIntentOf(charge);
  return intentId ? payments.listRefunds(intentId) : [];
}

/**
 * Applies Stripe's `charge.refunded` to the order the charge paid for, so a refund made in Stripe's
 * dashboard shows on the order too. Only a charge of the platform account, in the order's mode,
 * counts; answers why an event was ignored, or null. A charge of no order (a late payment
 * refunded by the worker) is left alone.
 */
export async function applyChargeRefunded(
  tx: Executor,
  event: { charge: Stripe.Charge; livemode: boolean; account: string | null },
  refunds: StripeRefund[],
  logger: Logger,
): Promise<string | null> {
  if (event.account) return `a charge of the connected account ${event.account}`;
  const intentId = paymentIntentOf(event.charge);
  const order = intentId ? await findOrderByPaymentIntent(tx, intentId) : undefined;
  if (!order) {
    // The refund can overtake the payment's own event (Stripe keeps no order): while the session
    // that made the PaymentIntent may still become an order, refuse it, so Stripe sends it again.
    if (intentId && (await paymentStillSettling(tx, intentId))) {
      throw new ApiError(
        409,
        'stripe.event_early',
        `The payment ${intentId} is not settled yet; send this event again later.`,
      );
    }
    logger.debug({ chargeId: event.charge.id }, 'refunded charge belongs to no order');
    return null;
  }
  if (order.mode !== (event.livemode ? 'live' : 'test')) {
    return `a ${event.livemode ? 'live' : 'test'}-mode refund for a ${order.mode}-mode order`;
  }
  const added = await recordRefunds(tx, order.id, refunds);
  if (added > 0) logger.info({ orderId: order.id, added }, 'refund made at Stripe recorded on the order');
  return null;
}

function paymentIntentOf(charge: Stripe.Charge): string | null {
  const intent = charge.payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? null);
}
