// Typed client for the public widget API. Every failure becomes one ApiError whose `message` can be
// shown to the buyer as it is (the server writes its messages for people).

import type { components } from '../../sdks/js/src/openapi.ts';

// The API's shapes, generated from its OpenAPI document (`npm run openapi`): never written by hand.
type Schemas = components['schemas'];
export type WidgetEvent = Schemas['WidgetEvent'];
export type WidgetTier = WidgetEvent['tiers'][number];
export type CheckoutSession = Schemas['CheckoutSession'];
export type Order = Schemas['Order'];
export type Ticket = Order['tickets'][number];
/**
 * What starting a payment answers: the PaymentIntent to confirm with Stripe, or, for a session that
 * costs nothing, no PaymentIntent and the session already `complete` with its order.
 */
export type PaymentStart = Schemas['PaymentStart'];

/** One line of a purchase: how many of which tier. */
export type LineItem = { tierId: string; quantity: number };

/** What the widget needs to address a session it created. */
export type SessionRef = Pick<CheckoutSession, 'id' | 'clientSecret'>;

export const OFFLINE = "Couldn't reach EntryRate. Check your connection and try again.";
const GENERIC = 'Something went wrong. Please try again.';

/** An API error response (`status` 0 and code `network` when the server could not be reached at all). */
export class ApiError extends Error {
  // Declared, not initialised: a class field would make the es2020 build emit helpers outside the IIFE.
  declare readonly status: number;
  declare readonly code: string;
  declare readonly param?: string | undefined;

  constructor(status: number, code: string, message: string, param?: string) {
    super(message);
    Object.assign(this, { status, code, param });
  }
}

/** Anything thrown, as an ApiError (status 0 when it did not come from the API) with a sentence for the buyer. */
export const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'internal', GENERIC));

/** One call to the API at `base` (an origin, no trailing slash): a GET, or a POST of `body` when it is given. */
export async function request<T>(
  base: string,
  path: string,
  body?: string,
  idempotencyKey?: string,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(
      base + path,
      body === undefined
        ? undefined
        : {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey ?? '' },
            body,
          },
    );
  } catch {
    throw new ApiError(0, 'network', OFFLINE);
  }
  // A proxy's HTML error page is not JSON: it still deserves a sentence, not a SyntaxError.
  const json = await res.json().catch(() => null);
  if (res.ok && json) return json as T;
  const err = json?.error;
  throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? GENERIC, err?.param);
}

/** The path of one checkout session's resource. */
export const sessionPath = (s: SessionRef) => `/v1/checkout/sessions/${encodeURIComponent(s.id)}`;

/** A typed client for the widget endpoints of the API at `base` (an origin, no trailing slash). */
export function createClient(base: string) {
  const enc = encodeURIComponent;
  const secret = (s: SessionRef) => JSON.stringify({ clientSecret: s.clientSecret });
  return {
    base,
    event: (eventId: string) => request<WidgetEvent>(base, `/v1/widget/events/${enc(eventId)}`),
    createSession: (bodyJson: string, key: string) =>
      request<CheckoutSession>(base, '/v1/checkout/sessions', bodyJson, key),
    /** Holds `items` instead of the session's tickets, atomically: when they cannot be held, the old hold stays. */
    update: (s: SessionRef, items: LineItem[]) =>
      request<CheckoutSession>(base, sessionPath(s), JSON.stringify({ clientSecret: s.clientSecret, items })),
    /** Starts paying; a free session is completed at once. */
    pay: (s: SessionRef, key: string) =>
      request<PaymentStart>(base, `${sessionPath(s)}/payment`, secret(s), key),
    /** Ends an unpaid session and releases its seats at once. */
    cancel: (s: SessionRef) => request<CheckoutSession>(base, `${sessionPath(s)}/cancel`, secret(s)),
    /** A ticket's QR image; `w` busts the cache when a rotating code moves to its next window. */
    qr: (s: SessionRef, ticketId: string, w: number) =>
      `${base}${sessionPath(s)}/tickets/${enc(ticketId)}/qr.svg?clientSecret=${enc(s.clientSecret)}&w=${w}`,
    /** "Lost your tickets?": mails a fresh link to every order of `email`; answers the same for any address. */
    ticketLinks: (email: string) =>
      request<{ message: string }>(base, '/v1/ticket-links', JSON.stringify({ email })),
    session: (s: SessionRef) =>
      request<CheckoutSession>(base, `${sessionPath(s)}?clientSecret=${enc(s.clientSecret)}`),
  };
}

export type Client = ReturnType<typeof createClient>;
