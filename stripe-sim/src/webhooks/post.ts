import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type Stripe from 'stripe';
import { stripeSignatureHeader } from './signature.ts';

export interface WebhookEndpoint {
  url: string;
  secret: string;
}

/** What one attempt came to: the endpoint's status, or why no status came back (ECONNREFUSED…). */
export type PostOutcome = { ok: true; status: number } | { ok: false; reason: string };

/**
 * POSTs one event to the endpoint, signed as Stripe signs it. The signature's timestamp is real time,
 * not the sim clock's: receivers check it against their own clock (stripe-node allows 5 minutes).
 */
export function postEvent(
  endpoint: WebhookEndpoint,
  event: Stripe.Event,
  options: { signal: AbortSignal; timeoutMs: number },
): Promise<PostOutcome> {
  // Stripe sends the event pretty-printed; the signature covers these exact bytes.
  const payload = JSON.stringify(event, null, 2);
  const signature = stripeSignatureHeader(payload, endpoint.secret, Math.floor(Date.now() / 1000));
  // node:http rather than fetch: no connection pool outliving stop(), and no browser port blocklist.
  const send = endpoint.url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolve) => {
    const request = send(
      endpoint.url,
      {
        method: 'POST',
        agent: false,
        timeout: options.timeoutMs,
        signal: options.signal,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(payload),
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ ok: true, status: response.statusCode ?? 0 }));
        response.on('error', (err) => resolve({ ok: false, reason: err.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
    request.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ ok: false, reason: err.code ?? err.message }),
    );
    request.end(payload);
  });
}
