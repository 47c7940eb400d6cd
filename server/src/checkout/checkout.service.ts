import type { Database } from '../db/database.ts';
import { findEventById } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { newId, randomToken } from '../lib/ids.ts';
import { chargeProblem } from '../lib/money.ts';
import { qrSvg } from '../tickets/qr-image.ts';
import { orderTicketPayload } from '../tickets/tickets.service.ts';
import {
  assertPayable,
  authorisedSession,
  type Caller,
  type Links,
  ownedBy,
  readSession,
} from './checkout.access.ts';
import { resolveItems, sessionItemsOf } from './checkout.items.ts';
import { type CheckoutSession, toSession } from './checkout.mapper.ts';
import type { CreateSessionInput } from './checkout.schema.ts';
import {
  insertSession,
  insertSessionHoldingSeats,
  lockSession,
  replaceSessionItems,
  type SessionItemRow,
  type SessionRow,
} from './checkout.store.ts';
import {
  holdFreeingExpired,
  holdSeats,
  oversold,
  releaseHold,
  releaseSessionSeats,
  type WantedItem,
} from './holds.ts';
import { requestSettlement } from './settlement.store.ts';

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
  // To the public, an event that is not live does not exist: a draft's title stays private.
  const visible =
    event && (caller.kind === 'public' ? event.status === 'live' : ownedBy(event, caller.owner));
  if (!event || !visible)
    throw new ApiError(404, 'event.not_found', `No event '${input.eventId}'.`, 'eventId');
  if (event.status !== 'live') {
    throw new ApiError(409, 'event.not_on_sale', `'${event.title}' is not on sale.`, 'eventId');
  }

  const wanted = await resolveItems(db, event.id, input.items);
  const id = newId('cs');
  const expiresAt = new Date(Date.now() + event.hold_minutes * 60_000);
  const items = sessionItemsOf(id, wanted);
  const amountTotal = chargeableTotal(items, event.currency);
  const session = {
    id,
    promoter_id: event.promoter_id,
    mode: event.mode,
    event_id: event.id,
    status: 'open' as const,
    customer_email: input.customerEmail,
    amount_total: amountTotal,
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
    const retried = await holdFreeingExpired(tx, item.tier_id, (ex) =>
      insertSessionHoldingSeats(ex, session, item),
    );
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
  const newItems = sessionItemsOf(found.id, wanted);
  chargeableTotal(newItems, found.currency);
  await db.transaction().execute(async (tx) => {
    const session = await lockSession(tx, found.id);
    if (!session) throw new Error(`Session ${found.id} vanished`);
    assertPayable(session);
    await releaseSessionSeats(tx, session.id);
    await replaceSessionItems(tx, session.id, newItems);
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

/**
 * The session's total, refused up front when Stripe would refuse to charge it (under the
 * currency's minimum, over its maximum): a buyer must learn it when choosing, not at payment.
 */
function chargeableTotal(items: SessionItemRow[], currency: string): number {
  const total = items.reduce((sum, i) => sum + i.quantity * i.unit_price, 0);
  const problem = chargeProblem(total, currency);
  if (problem) throw new ApiError(422, 'checkout.amount_unpayable', problem, 'items');
  return total;
}

/**
 * A promoter's answer to a settlement the worker gave up on (`settlement.status: "failed"`), once
 * the cause is fixed: the worker asks Stripe again at once, with a fresh backoff.
 */
export async function retrySettlement(
  db: Database,
  caller: Caller,
  id: string,
  links: Links,
): Promise<CheckoutSession> {
  if (caller.kind !== 'promoter') {
    throw new ApiError(404, 'checkout.session_not_found', `No checkout session '${id}' for this key.`);
  }
  const session = await authorisedSession(db, caller, id);
  if (session.settle_at || !session.settle_error) {
    throw new ApiError(
      409,
      'checkout.settlement_not_failed',
      'Nothing is waiting on a failed settlement for this session.',
    );
  }
  await requestSettlement(db, session.id);
  return readSession(db, session.id, links);
}
