import { createHmac, timingSafeEqual } from 'node:crypto';

/** Rotating payloads change every window; a scan accepts the current window and one either side. */
export const QR_WINDOW_SECONDS = 30;
const SKEW_WINDOWS = 1;
const MAC_LENGTH = 22; // base64url characters: 132 bits of HMAC-SHA256

/** How a ticket's QR payload is made: the event's secret, and whether its payloads rotate. */
export interface TicketQr {
  ticketId: string;
  eventSecret: string;
  rotating: boolean;
}

export type PayloadCheck = 'ok' | 'forged' | 'expired_window';

function mac(eventSecret: string, message: string): string {
  return createHmac('sha256', eventSecret).update(message).digest('base64url').slice(0, MAC_LENGTH);
}

/** A static QR payload: the ticket id and an HMAC of it under the event's secret, so it cannot be forged. */
export function signTicketPayload(eventSecret: string, ticketId: string): string {
  return `${ticketId}.${mac(eventSecret, ticketId)}`;
}

/** The start (Unix seconds) of the window holding `now`: floor(seconds / 30) * 30. */
export function windowStartOf(now: Date): number {
  const seconds = Math.floor(now.getTime() / 1000);
  return seconds - (seconds % QR_WINDOW_SECONDS);
}

/**
 * A rotating payload `ticketId.windowStart.mac`, the HMAC over ticketId‖windowStart. Ticket ids
 * never hold a dot, so no rotating message equals a static one.
 */
export function signRotatingPayload(eventSecret: string, ticketId: string, windowStart: number): string {
  return `${ticketId}.${windowStart}.${mac(eventSecret, `${ticketId}.${windowStart}`)}`;
}

/** The payload a ticket shows at `now`: fixed, or the current window's when the event rotates. */
export function currentPayload(qr: TicketQr, now: Date): string {
  return qr.rotating
    ? signRotatingPayload(qr.eventSecret, qr.ticketId, windowStartOf(now))
    : signTicketPayload(qr.eventSecret, qr.ticketId);
}

export interface ParsedPayload {
  ticketId: string;
  windowStart: number | null;
  mac: string;
}

const PAYLOAD = /^(tkt_[0-9a-z]{1,64})\.(?:(\d{1,12})\.)?([\w-]{22})$/;

/** Splits a scanned payload into its parts; null when it has neither shape. */
export function parsePayload(payload: string): ParsedPayload | null {
  const match = PAYLOAD.exec(payload);
  if (!match) return null;
  const [, ticketId, window, signature] = match as unknown as [string, string, string | undefined, string];
  return { ticketId, windowStart: window === undefined ? null : Number(window), mac: signature };
}

/**
 * Checks a parsed payload against its ticket, timing-safe. A payload of the other shape than the
 * event uses is forged (a screenshot of a static code must not pass a rotating door); a rotating
 * one signed for a window more than one away from `now` has expired.
 */
export function checkPayload(qr: TicketQr, parsed: ParsedPayload, now: Date): PayloadCheck {
  if (parsed.ticketId !== qr.ticketId || qr.rotating !== (parsed.windowStart !== null)) return 'forged';
  const message = parsed.windowStart === null ? qr.ticketId : `${qr.ticketId}.${parsed.windowStart}`;
  const expected = Buffer.from(mac(qr.eventSecret, message));
  const given = Buffer.from(parsed.mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  if (parsed.windowStart !== null) {
    const windows = Math.abs(parsed.windowStart - windowStartOf(now)) / QR_WINDOW_SECONDS;
    if (windows > SKEW_WINDOWS) return 'expired_window';
  }
  return 'ok';
}
