import { createHmac } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** `EntryRate-Signature`: hex HMAC-SHA256 of the exact body, keyed with the endpoint's whole secret. */
export function signWebhook(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Standard Webhooks' `webhook-signature`: `v1,` and the base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`,
 * keyed, as the spec defines for `whsec_` secrets, with the base64 decoding of what follows the
 * prefix. Ours are 32 characters of [0-9a-z], valid base64 without padding: the key is those 24 bytes.
 */
export function signStandardWebhook(secret: string, id: string, timestamp: number, rawBody: string): string {
  const key = Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64')}`;
}

/**
 * The signing headers of one attempt: the seed's body-only signature, kept so its snippet verifies
 * unchanged, and the Standard Webhooks ones, which also sign the event id and the attempt's time so
 * that a captured delivery goes stale.
 */
export function webhookHeaders(attempt: {
  secret: string;
  eventId: string;
  body: string;
  sentAt: Date;
}): Record<string, string> {
  const timestamp = Math.floor(attempt.sentAt.getTime() / 1000);
  return {
    'EntryRate-Signature': signWebhook(attempt.secret, attempt.body),
    'EntryRate-Event-Id': attempt.eventId,
    'EntryRate-Timestamp': String(timestamp),
    'webhook-id': attempt.eventId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signStandardWebhook(attempt.secret, attempt.eventId, timestamp, attempt.body),
  };
}
