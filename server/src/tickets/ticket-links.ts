import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an order's ticket page link is signed with (see the orders table). */
export interface LinkedOrder {
  id: string;
  ticket_link_key: string;
  ticket_link_version: number;
}

export type LinkCheck = 'ok' | 'replaced' | 'invalid';

const MAC_LENGTH = 32; // base64url characters: 192 bits of HMAC-SHA256
const TOKEN = /^([1-9]\d{0,8})\.([\w-]{32})$/;

function mac(order: LinkedOrder, version: number): string {
  return createHmac('sha256', order.ticket_link_key)
    .update(`${order.id}.${version}`)
    .digest('base64url')
    .slice(0, MAC_LENGTH);
}

/**
 * The token of an order's current ticket page link: its version and an HMAC of (order, version)
 * under the order's own key. Issuing a new link increments the version, which revokes every older
 * token without storing any of them.
 */
export function ticketLinkToken(order: LinkedOrder): string {
  return `${order.ticket_link_version}.${mac(order, order.ticket_link_version)}`;
}

/** Checks a token, timing-safe: the current link, a genuine link since replaced, or neither. */
export function checkTicketLink(order: LinkedOrder, token: string): LinkCheck {
  const match = TOKEN.exec(token);
  if (!match) return 'invalid';
  const version = Number(match[1]);
  if (version > order.ticket_link_version) return 'invalid';
  const expected = Buffer.from(mac(order, version));
  const given = Buffer.from(match[2] as string);
  if (!timingSafeEqual(given, expected)) return 'invalid';
  return version === order.ticket_link_version ? 'ok' : 'replaced';
}

/** The absolute URLs a buyer is given for an order: its ticket page and its calendar file. */
export function ticketLinks(
  publicUrl: string,
  order: LinkedOrder,
): { ticketsUrl: string; calendarUrl: string } {
  const token = encodeURIComponent(ticketLinkToken(order));
  const base = `${publicUrl}/tickets/${encodeURIComponent(order.id)}`;
  return { ticketsUrl: `${base}?token=${token}`, calendarUrl: `${base}/calendar.ics?token=${token}` };
}
