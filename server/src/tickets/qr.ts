import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';

/** Rotating payloads change every window; a scan accepts the current window and one either side. */
export const QR_WINDOW_SECONDS = 30;
const SKEW_WINDOWS = 1;
const MAC_LENGTH = 22; // base64url characters: 132 bits of HMAC-SHA256
const SIGNATURE_LENGTH = 86; // base64url characters: a 64-byte Ed25519 signature

/** How a ticket's QR payload is made: the event's secret, and whether its payloads rotate. */
export interface TicketQr {
  ticketId: string;
  eventSecret: string;
  rotating: boolean;
}

export type PayloadCheck = 'ok' | 'forged' | 'expired_window';

function mac(key: string, message: string): string {
  return createHmac('sha256', key).update(message).digest('base64url').slice(0, MAC_LENGTH);
}

/**
 * The key rotating codes are made and checked with, derived from the event's secret: a door device
 * checking rotating codes offline must hold it (and so could make that event's rotating codes), but
 * never the secret itself, from which the static signing key is also derived.
 */
export function rotatingKeyOf(eventSecret: string): string {
  return createHmac('sha256', eventSecret).update('entryrate rotating ticket key v1').digest('base64url');
}

/**
 * An event's Ed25519 key pair for static codes, derived from its secret (so nothing new is stored):
 * a door device given the public half checks a code offline but cannot make one. PKCS#8 wraps the
 * 32-byte seed; the pairs of recent events are kept, since deriving one costs a little.
 */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const signingKeys = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();

function signingKeyOf(eventSecret: string): { privateKey: KeyObject; publicKey: KeyObject } {
  let pair = signingKeys.get(eventSecret);
  if (!pair) {
    const seed = createHmac('sha256', eventSecret).update('entryrate static ticket key v1').digest();
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    pair = { privateKey, publicKey: createPublicKey(privateKey) };
    if (signingKeys.size >= 1000) signingKeys.delete(signingKeys.keys().next().value as string);
    signingKeys.set(eventSecret, pair);
  }
  return pair;
}

/** The event's public key for static codes, as raw base64url (a JWK's `x`): what a scanner may hold. */
export function staticPublicKey(eventSecret: string): string {
  return signingKeyOf(eventSecret).publicKey.export({ format: 'jwk' }).x as string;
}

/**
 * A static QR payload: the ticket id and an Ed25519 signature of it under the event's key, so it
 * cannot be forged, and a device holding only the public key can check it offline.
 */
export function signTicketPayload(eventSecret: string, ticketId: string): string {
  const signature = sign(null, Buffer.from(ticketId), signingKeyOf(eventSecret).privateKey);
  return `${ticketId}.${signature.toString('base64url')}`;
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
  return `${ticketId}.${windowStart}.${mac(rotatingKeyOf(eventSecret), `${ticketId}.${windowStart}`)}`;
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

// A static code is signed (86 characters; tickets issued before signatures carry a 22-character
// HMAC), a rotating one carries its window and an HMAC.
const PAYLOAD = /^(tkt_[0-9a-z]{1,64})\.(?:(\d{1,12})\.)?([\w-]{86}|[\w-]{22})$/;

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
  if (parsed.mac.length === SIGNATURE_LENGTH) {
    if (parsed.windowStart !== null) return 'forged';
    const signature = Buffer.from(parsed.mac, 'base64url');
    const key = signingKeyOf(qr.eventSecret).publicKey;
    return verify(null, Buffer.from(qr.ticketId), key, signature) ? 'ok' : 'forged';
  }
  // A 22-character static code is the HMAC of a ticket issued before signatures.
  const expected = Buffer.from(
    parsed.windowStart === null
      ? mac(qr.eventSecret, qr.ticketId)
      : mac(rotatingKeyOf(qr.eventSecret), `${qr.ticketId}.${parsed.windowStart}`),
  );
  const given = Buffer.from(parsed.mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  if (parsed.windowStart !== null) {
    const windows = Math.abs(parsed.windowStart - windowStartOf(now)) / QR_WINDOW_SECONDS;
    if (windows > SKEW_WINDOWS) return 'expired_window';
  }
  return 'ok';
}
