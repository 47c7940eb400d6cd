// Checking a ticket's code at the door with no network: against the scan manifest the device
// downloaded before doors (every ticket, its status and admission, and the event's keys) and the
// scans this device made since. The same answers the server gives, in the same words, so a door
// reads one result whether it is online or not; the server settles what devices disagree on.

import type { components } from '../../sdks/js/src/openapi.ts';

export type Manifest = components['schemas']['ScanManifest'];
export type ScanPlace = components['schemas']['ScanPlace'];
export type ScanReason = NonNullable<components['schemas']['ScanResult']['reason']>;
/**
 * Why the device refuses, in the server's words, plus one of its own: `needs_network`, a code only
 * the server can check (a ticket issued before codes were signed with the event's public key).
 */
export type LocalReason = ScanReason | 'needs_network';

export type LocalResult =
  | { valid: true; ticketId: string; tierId: string }
  | {
      valid: false;
      reason: LocalReason;
      ticketId: string | null;
      tierId: string | null;
      admission: ScanPlace | null;
    };

/** The event's keys, imported once per manifest. */
export interface DoorKeys {
  staticKey: CryptoKey;
  rotatingKey: CryptoKey | null;
}

const PAYLOAD = /^(tkt_[0-9a-z]{1,64})\.(?:(\d{1,12})\.)?([\w-]{86}|[\w-]{22})$/;

function base64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(
    text
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(text.length / 4) * 4, '='),
  );
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function toBase64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The manifest's public key for static codes, and the rotating key when the event's codes rotate. */
export async function importDoorKeys(manifest: Manifest): Promise<DoorKeys> {
  const { subtle } = globalThis.crypto;
  const staticKey = await subtle.importKey(
    'raw',
    base64url(manifest.verification.staticPublicKey),
    'Ed25519',
    false,
    ['verify'],
  );
  const rotating = manifest.verification.rotatingKey;
  const rotatingKey = rotating
    ? await subtle.importKey(
        'raw',
        new TextEncoder().encode(rotating),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      )
    : null;
  return { staticKey, rotatingKey };
}

const windowStartOf = (at: Date, seconds: number) => {
  const s = Math.floor(at.getTime() / 1000);
  return s - (s % seconds);
};

/**
 * What the door says to a code scanned at `at`: the ticket's tier when it may enter; otherwise why
 * not, with the scan it already had (`admitted`: this device's scans since the manifest, by ticket).
 */
export async function checkOffline(
  manifest: Manifest,
  keys: DoorKeys,
  payload: string,
  at: Date,
  admitted: ReadonlyMap<string, ScanPlace>,
): Promise<LocalResult> {
  const refuse = (
    reason: LocalReason,
    ticketId: string | null = null,
    tierId: string | null = null,
    admission: ScanPlace | null = null,
  ) => ({ valid: false, reason, ticketId, tierId, admission }) as const;
  const match = PAYLOAD.exec(payload.trim());
  if (!match) return refuse('forged');
  const [, ticketId, window, signature] = match as unknown as [string, string, string | undefined, string];
  const ticket = manifest.tickets.find((t) => t.id === ticketId);
  // Another event's ticket (or none of ours): this device was given this event only.
  if (!ticket) return refuse('not_found');
  // A static code from before signatures (an HMAC of 22 characters) cannot be checked without the
  // event's secret, which a device never holds: only the server can tell it from a forgery.
  if (!manifest.rotatingQr && window === undefined && signature.length === 22) {
    return refuse('needs_network', ticket.id, ticket.tierId);
  }
  const genuine = await signedForThisEvent(manifest, keys, ticketId, window, signature);
  if (!genuine) return refuse('forged');
  if (window !== undefined) {
    const windows =
      Math.abs(Number(window) - windowStartOf(at, manifest.verification.windowSeconds)) /
      manifest.verification.windowSeconds;
    if (windows > 1) return refuse('expired_window', ticket.id, ticket.tierId);
  }
  if (ticket.status === 'void') return refuse('void', ticket.id, ticket.tierId);
  const first = admitted.get(ticket.id) ?? ticket.admission;
  if (first) return refuse('already_scanned', ticket.id, ticket.tierId, first);
  return { valid: true, ticketId: ticket.id, tierId: ticket.tierId };
}

async function signedForThisEvent(
  manifest: Manifest,
  keys: DoorKeys,
  ticketId: string,
  window: string | undefined,
  signature: string,
): Promise<boolean> {
  const { subtle } = globalThis.crypto;
  if (manifest.rotatingQr) {
    // A static code of a rotating event is a screenshot of something else.
    if (window === undefined || !keys.rotatingKey || signature.length !== 22) return false;
    const mac = await subtle.sign(
      'HMAC',
      keys.rotatingKey,
      new TextEncoder().encode(`${ticketId}.${window}`),
    );
    return toBase64url(mac).slice(0, 22) === signature;
  }
  // Static codes older than signatures (22 characters) can only be checked online.
  if (window !== undefined || signature.length !== 86) return false;
  return subtle.verify('Ed25519', keys.staticKey, base64url(signature), new TextEncoder().encode(ticketId));
}
