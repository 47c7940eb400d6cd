import { timingSafeEqual } from 'node:crypto';
import type { Database, Executor } from '../db/database.ts';
import { findEventById, type Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { newId, randomToken } from '../lib/ids.ts';
import { loadOrder } from '../orders/orders.service.ts';
import type { PaymentGateway } from '../payments/stripe.gateway.ts';
import { qrSvg } from '../tickets/qr-image.ts';
import { orderTicketPayload } from '../tickets/tickets.service.ts';
import { holdSeats, oversold, resolveItems, sessionItemsOf, type WantedItem } from './checkout.items.ts';
import { expireDueSessions, releaseHold } from './checkout.lifecycle.ts';
import { type CheckoutSession, toSession } from './checkout.mapper.ts';
import type { CreateSessionInput } from './checkout.schema.ts';
import {
  attachPaymentIntent,
  findSession,
  insertSession,
  insertSessionHoldingSeats,
  listSessionItems,
  lockSession,
  releaseSeats,
  replaceSessionItems,
  type SessionItemRow,
  type SessionRow,
} from './checkout.store.ts';

/** Where the product is reachable, for the links a session carries. */
export type Links = { publicUrl: string };

/** Who is asking: a promoter's secret key, or a buyer's browser holding the session's client secret. */
export type Caller =
  | { kind: 'promoter'; owner: Owner }
  | { kind: 'public'; clientSecret?: string | undefined };

/**
 * Opens a checkout session: resolves the tiers, holds the seats with one conditional update per
 * tier inside the session's transaction, and starts the hold clock. Nothing here calls Stripe.
 */
export async function createSession(
  db: Database,
  caller: Caller,
  input: CreateSessionInput,
  links: Links,
): Promise<CheckoutSession> {
  if (caller.kind === 'public' && (input.successUrl || input.cancelUrl)) {
    // Only a promoter decides where its buyers are sent after paying.
    const param = input.successUrl ? 'successUrl' : 'cancelUrl';
    throw new ApiError(
      400,
      'request.invalid',
      `${param} needs a secret key: create the session from your server.`,
      param,
    );
  }
  const event = await findEventById(db, input.eventId);
  const visible = event && (caller.kind === 'public' || ownedBy(event, caller.owner));
  if (!event || !visible)
    throw new ApiError(404, 'event.not_found', `No event '${input.eventId}'.`, 'eventId');
  if (event.status !== 'live') {
    throw new ApiError(409, 'event.not_on_sale', `'${event.title}' is not on sale.`, 'eventId');
  }

  const wanted = await resolveItems(db, event.id, input.items);
  const id = newId('cs');
  const expiresAt = new Date(Date.now() + event.hold_minutes * 60_000);
  const items = sessionItemsOf(id, wanted);
  const session = {
    id,
    promoter_id: event.promoter_id,
    mode: event.mode,
    event_id: event.id,
    status: 'open' as const,
    customer_email: input.customerEmail,
    amount_total: items.reduce((sum, i) => sum + i.quantity * i.unit_price, 0),
    currency: event.currency,
    client_secret: `${id}_secret_${randomToken(24)}`,
    success_url: input.successUrl ?? null,
    cancel_url: input.cancelUrl ?? null,
    expires_at: expiresAt,
  };
  const row = await (wanted.length === 1 && items[0]
    ? openSingleTierSession(db, session, items[0], wanted[0] as WantedItem)
    : db.transaction().execute(async (tx) => {
        const inserted = await insertSession(tx, session, items);
        await holdSeats(tx, wanted);
        return inserted;
      }));
  return toSession(row, items, null, links.publicUrl);
}

/**
 * The one-tier case, which is every buyer of an on-sale's hot tier: one statement, so the tier row
 * is locked only while it runs. When the tier looks full, abandoned holds on it are freed and the
 * statement tried once more.
 */
async function openSingleTierSession(
  db: Database,
  session: Parameters<typeof insertSessionHoldingSeats>[1],
  item: SessionItemRow,
  wanted: WantedItem,
): Promise<SessionRow> {
  const opened = await insertSessionHoldingSeats(db, session, item);
  if (opened) return opened;
  return db.transaction().execute(async (tx) => {
    await expireDueSessions(tx, { limit: 100, tierId: item.tier_id });
    const retried = await insertSessionHoldingSeats(tx, session, item);
    if (!retried) throw await oversold(tx, wanted);
    return retried;
  });
}

/**
 * Cancels an open session at once (the buyer closed the checkout): the seats go back now and its
 * PaymentIntent is cancelled by the worker. Cancelling a closed session again changes nothing.
 */
export async function cancelSession(
  db: Database,
  caller: Caller,
  id: string,
  links: Links,
): Promise<CheckoutSession> {
  const found = await authorisedSession(db, caller, id);
  await db.transaction().execute(async (tx) => {
    const session = await lockSession(tx, found.id);
    if (session?.status === 'complete') {
      throw new ApiError(
        409,
        'checkout.session_not_open',
        'This checkout is already paid; refund the order instead.',
      );
    }
    if (session?.status === 'open') await releaseHold(tx, session, 'cancelled');
  });
  return readSession(db, found.id, links);
}

/** A session as its owner or its buyer may see it. */
export async function getSession(
  db: Database,
  caller: Caller,
  id: string,
  links: Links,
): Promise<CheckoutSession> {
  const row = await authorisedSession(db, caller, id);
  return readSession(db, row.id, links);
}

/**
 * Gives the buyer's browser the PaymentIntent to confirm. Stripe's idempotency key is derived from
 * the session, so repeated calls (double clicks, a retry after a decline) reuse one PaymentIntent.
 */
export async function startPayment(
  db: Database,
  payments: PaymentGateway,
  caller: Caller,
  id: string,
): Promise<{ paymentIntentId: string; clientSecret: string }> {
  const session = await authorisedSession(db, caller, id);
  assertPayable(session);
  if (session.mode !== payments.mode) {
    throw new ApiError(
      409,
      'payments.mode_unavailable',
      `This ${session.mode}-mode checkout cannot be paid: the server has a Stripe ${payments.mode} key.`,
    );
  }
  if (!session.payment_intent_id) {
    const created = await payments.createPaymentIntent({
      amount: session.amount_total,
      currency: session.currency,
      receiptEmail: session.customer_email,
      metadata: { sessionId: session.id, eventId: session.event_id, promoterId: session.promoter_id },
      // Same session and amount, same PaymentIntent: double clicks and retries never make two.
      idempotencyKey: `pi_for_${session.id}_${session.amount_total}`,
    });
    if (await attachPaymentIntent(db, session.id, created.id)) {
      return { paymentIntentId: created.id, clientSecret: created.clientSecret };
    }
    // Another request attached its own first (the buyer changed tickets meanwhile): use that one.
    await payments.cancelPaymentIntent(created.id);
  }
  const current = await authorisedSession(db, caller, id);
  if (!current.payment_intent_id) throw new Error(`Session ${id} lost its PaymentIntent`);
  const intent = await payments.syncPaymentIntent(current.payment_intent_id, current.amount_total);
  return { paymentIntentId: intent.id, clientSecret: intent.clientSecret };
}

/**
 * Replaces the tickets of an open session (the buyer changed their mind before paying). The old
 * seats are released and the new ones held in one transaction: if the new ones cannot be held,
 * the buyer keeps what they had. The PaymentIntent, if any, takes the new amount at the next
 * `startPayment`.
 */
export async function updateSessionItems(
  db: Database,
  caller: Caller,
  id: string,
  items: CreateSessionInput['items'],
  links: Links,
): Promise<CheckoutSession> {
  const found = await authorisedSession(db, caller, id);
  const wanted = await resolveItems(db, found.event_id, items);
  await db.transaction().execute(async (tx) => {
    const session = await lockSession(tx, found.id);
    if (!session) throw new Error(`Session ${found.id} vanished`);
    assertPayable(session);
    for (const item of await listSessionItems(tx, session.id)) {
      await releaseSeats(tx, item.tier_id, item.quantity);
    }
    await replaceSessionItems(tx, session.id, sessionItemsOf(session.id, wanted));
    await holdSeats(tx, wanted);
  });
  return readSession(db, found.id, links);
}

/**
 * The QR code (SVG) of one ticket of a paid session's order, for the buyer's page: the payload as
 * of `now`, which for an event with rotating codes is only good for about a minute.
 */
export async function ticketQrCode(
  db: Database,
  caller: Caller,
  id: string,
  ticketId: string,
  now: Date,
): Promise<{ svg: string; rotating: boolean }> {
  const session = await authorisedSession(db, caller, id);
  if (!session.order_id) {
    throw new ApiError(404, 'ticket.not_found', 'This checkout is not paid yet, so it has no tickets.');
  }
  const { payload, rotating } = await orderTicketPayload(db, session.order_id, ticketId, now);
  return { svg: await qrSvg(payload), rotating };
}

function assertPayable(session: SessionRow): void {
  if (
    session.status === 'expired' ||
    (session.status === 'open' && new Date(session.expires_at) <= new Date())
  ) {
    throw new ApiError(
      410,
      'checkout.session_expired',
      'This checkout expired and its tickets were released.',
    );
  }
  if (session.status !== 'open') {
    throw new ApiError(409, 'checkout.session_not_open', `This checkout is ${session.status}.`);
  }
}

async function authorisedSession(db: Executor, caller: Caller, id: string): Promise<SessionRow> {
  const row = await findSession(db, id);
  const allowed =
    row &&
    (caller.kind === 'promoter'
      ? ownedBy(row, caller.owner)
      : caller.clientSecret !== undefined && sameSecret(caller.clientSecret, row.client_secret));
  if (!row || !allowed) {
    throw new ApiError(
      404,
      'checkout.session_not_found',
      `No checkout session '${id}' for this client secret.`,
    );
  }
  return row;
}

async function readSession(db: Executor, id: string, links: Links): Promise<CheckoutSession> {
  const row = await findSession(db, id);
  if (!row) throw new ApiError(404, 'checkout.session_not_found', `No checkout session '${id}'.`);
  const order = row.order_id ? ((await loadOrder(db, row.order_id)) ?? null) : null;
  return toSession(row, await listSessionItems(db, id), order, links.publicUrl);
}

function ownedBy(row: { promoter_id: string; mode: string }, owner: Owner): boolean {
  return row.promoter_id === owner.promoterId && row.mode === owner.mode;
}

function sameSecret(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
