// The dashboard's one client of the REST API. It is the API the SDKs use: a signed-in person's
// session cookie stands in for the secret key, `EntryRate-Promoter` and `EntryRate-Mode` say which
// promoter and mode the screen shows, and every request that changes something carries the
// session's CSRF token. The server checks the person's role on every route.

import type { components } from '../../sdks/js/src/openapi.ts';

/** The API's shapes, generated from its OpenAPI document (`npm run openapi`): never written by hand. */
export type Schemas = components['schemas'];

export type Mode = 'test' | 'live';

/** Which promoter and mode a request acts for: always both, so test and live never mix. */
export interface Scope {
  promoterId: string;
  mode: Mode;
}

/** An error answer of the API (`status` 0 and code `network` when the server could not be reached). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The request field the error is about (`tiers[0].price`): forms show the message beside it. */
  readonly param: string | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, param?: string, requestId?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = param;
    this.requestId = requestId;
  }
}

/** Fired on `window` when the API says the session is gone: the app sends the person to sign in. */
export const SIGNED_OUT_EVENT = 'entryrate:signed-out';

let csrfToken: string | null = null;

/** The session's CSRF token, sent on every request that changes state (set when the session loads). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  scope?: Scope | undefined;
  query?: Query | undefined;
  body?: unknown;
  /** Kept by the caller across retries of one intent (a double click must not refund twice). */
  idempotencyKey?: string | undefined;
}

/** The URL of an API path with a query, leaving out empty values: also for links such as the CSV export. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Sends one request with the scope, CSRF and idempotency headers; throws an ApiError for an error answer. */
async function send(
  method: string,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (options.scope) {
    headers['EntryRate-Promoter'] = options.scope.promoterId;
    headers['EntryRate-Mode'] = options.scope.mode;
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (method === 'POST') headers['Idempotency-Key'] = options.idempotencyKey ?? crypto.randomUUID();

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', "Couldn't reach EntryRate. Check your connection and try again.");
  }
  if (!response.ok) {
    const text = await response.text();
    throw errorOf(response.status, text ? safeJson(text) : undefined);
  }
  return response;
}

/** One call to the API. Answers the parsed JSON (undefined for 204), or throws an ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? safeJson(text) : undefined) as T;
}

/** A file the API answers (the orders' CSV): its content and the name the server gives it. */
export async function download(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; filename: string }> {
  const response = await send('GET', path, options, '*/*');
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), filename };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOf(status: number, json: unknown): ApiError {
  const body = (json as { error?: Partial<Schemas['Error']['error']> } | undefined)?.error;
  const error = new ApiError(
    status,
    body?.code ?? 'internal',
    body?.message ?? `The server answered ${status}. Please try again.`,
    body?.param ?? undefined,
    body?.requestId ?? undefined,
  );
  if (
    status === 401 &&
    ['auth.session_expired', 'auth.missing_session', 'auth.missing_key'].includes(error.code)
  ) {
    window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: error }));
  }
  return error;
}

/** Shorthands: `api.get<Schemas['EventPage']>('/v1/events', { scope, query })`. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, options?: RequestOptions) => request<T>('POST', path, options),
  patch: <T>(path: string, options?: RequestOptions) => request<T>('PATCH', path, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
