import type { Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { sameSecret } from '../lib/secrets.ts';
import { loadOrder } from '../orders/orders.service.ts';
import { findOrderLink } from '../tickets/order-view.store.ts';
import { ticketLinks } from '../tickets/ticket-links.ts';
import { type CheckoutSession, toSession } from './checkout.mapper.ts';
import { findSession, listSessionItems, type SessionRow } from './checkout.store.ts';

/** Where the product is reachable, for the links a session carries. */
export type Links = { publicUrl: string };

/** Who is asking: a promoter's secret key, or a buyer's browser holding the session's client secret. */
export type Caller =
  | { kind: 'promoter'; owner: Owner }
  | { kind: 'public'; clientSecret?: string | undefined };

/** The session, if this caller may see it: its promoter (in its mode), or whoever holds its client secret. */
export async function authorisedSession(db: Executor, caller: Caller, id: string): Promise<SessionRow> {
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

/** Refuses a session that can no longer be changed or paid: 410 once expired, 409 once closed. */
export function assertPayable(session: SessionRow): void {
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

/** The session as the API answers it, with its order once paid. */
export async function readSession(db: Executor, id: string, links: Links): Promise<CheckoutSession> {
  const row = await findSession(db, id);
  if (!row) throw new ApiError(404, 'checkout.session_not_found', `No checkout session '${id}'.`);
  const order = row.order_id ? ((await loadOrder(db, row.order_id)) ?? null) : null;
  const link = row.order_id ? await findOrderLink(db, row.order_id) : undefined;
  const ticketsUrl = link ? ticketLinks(links.publicUrl, link).ticketsUrl : null;
  return toSession(row, await listSessionItems(db, id), order, links.publicUrl, ticketsUrl);
}

export function ownedBy(row: { promoter_id: string; mode: string }, owner: Owner): boolean {
  return row.promoter_id === owner.promoterId && row.mode === owner.mode;
}
