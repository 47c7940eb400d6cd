import { WebhookVerificationError } from './errors.js';
import type { webhooks as WebhookOperations } from './openapi.js';
import { webCrypto } from './runtime.js';

/** What EntryRate POSTs to a webhook endpoint: `{ id, type, createdAt, data }`. */
export type WebhookEvent =
  WebhookOperations[keyof WebhookOperations]['post']['requestBody']['content']['application/json'];

/** A request's headers: a Fetch `Headers`, a plain object, or Node's `IncomingHttpHeaders`. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** How many seconds `webhook-timestamp` may be from this clock; 300 by default. */
  tolerance?: number;
}

const encoder = new TextEncoder();
/** Bytes Web Crypto takes (not a view of a SharedArrayBuffer). */
type Bytes = Uint8Array<ArrayBuffer>;

async function verify(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyOptions = {},
): Promise<WebhookEvent> {
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : new Uint8Array(rawBody);
  const header = headerReader(headers);
  const { subtle } = await webCrypto();

  const signature = header('EntryRate-Signature');
  if (!signature) throw failure('webhook.missing_signature', 'The EntryRate-Signature header is missing.');
  if (!(await signedWith(subtle, encoder.encode(secret), hexBytes(signature), body))) {
    throw failure('webhook.invalid_signature', 'EntryRate-Signature does not match the body and the secret.');
  }

  const standard = header('webhook-signature');
  if (standard !== null) {
    const id = header('webhook-id') ?? '';
    const timestamp = header('webhook-timestamp') ?? '';
    const tolerance = options.tolerance ?? 300;
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > tolerance) {
      throw failure(
        'webhook.timestamp_out_of_tolerance',
        `webhook-timestamp is not within ${tolerance} s of now.`,
      );
    }
    const key = base64Bytes(secret.replace(/^whsec_/, ''));
    const signed = concat(encoder.encode(`${id}.${timestamp}.`), body);
    const candidates = standard.split(' ').filter((s) => s.startsWith('v1,'));
    const matches = await Promise.all(
      candidates.map((s) => signedWith(subtle, key, base64Bytes(s.slice(3)), signed)),
    );
    if (!matches.includes(true)) {
      throw failure('webhook.invalid_signature', 'No webhook-signature matches the body and the secret.');
    }
  }

  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent;
  } catch {
    throw failure('webhook.invalid_body', 'The body is signed but is not JSON.');
  }
}

/** Webhook signature checks, as `EntryRate.webhooks` and `er.webhooks`. */
export interface Webhooks {
  /**
   * Checks a delivery as it came, before anything parses its body: `EntryRate-Signature` (hex
   * HMAC-SHA256 of the raw body, keyed with the whole secret) and, when the Standard Webhooks headers
   * are there, `webhook-signature` and that `webhook-timestamp` is within `tolerance` seconds of now.
   * Answers the parsed event, or throws WebhookVerificationError.
   */
  verify(
    rawBody: string | Uint8Array | ArrayBuffer,
    headers: WebhookHeaders,
    secret: string,
    options?: VerifyOptions,
  ): Promise<WebhookEvent>;
}

export const webhooks: Webhooks = { verify };

/** Whether `signature` is the HMAC-SHA256 of `data` under `key`; Web Crypto compares in constant time. */
async function signedWith(subtle: SubtleCrypto, key: Bytes, signature: Bytes, data: Bytes) {
  if (key.length === 0 || signature.length === 0) return false;
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return subtle.verify('HMAC', cryptoKey, signature, data);
}

/** Looks a header up without regard to case. */
function headerReader(headers: WebhookHeaders): (name: string) => string | null {
  if (typeof (headers as Headers).get === 'function') return (name) => (headers as Headers).get(name);
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return (name) => {
    const value = byName.get(name.toLowerCase());
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
}

function hexBytes(hex: string): Bytes {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return new Uint8Array();
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
}

function base64Bytes(base64: string): Bytes {
  try {
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

function concat(a: Bytes, b: Bytes): Bytes {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function failure(code: string, message: string): WebhookVerificationError {
  return new WebhookVerificationError({ code, message, status: null });
}
