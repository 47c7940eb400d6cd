import { isRetryable, retryDelay } from './backoff.js';
import { APIConnectionError, type EntryRateError, errorFromResponse } from './errors.js';
import { nodeVersion, webCrypto } from './runtime.js';
import type { LastResponse, RequestOptions, WithResponse } from './types.js';
import { VERSION } from './version.js';

/** The client's settings, every one resolved. */
export interface Settings {
  key: string | undefined;
  baseUrl: string;
  apiVersion: string;
  maxRetries: number;
  timeout: number;
  /** The `EntryRate-Promoter` of every call, unless a call names its own. */
  promoter: string | undefined;
  fetch: typeof fetch;
}

/** The request function's arguments beside the method and the path, before typing. */
export interface Init extends RequestOptions {
  pathParams?: Record<string, string>;
  query?: object;
  body?: unknown;
  /** A file's media type (`text/csv`): sent as Accept, and the answer is the body as text, not JSON. */
  accept?: string;
}

/**
 * The one function that talks HTTP: builds the URL and the headers, sends the request with its
 * Idempotency-Key (the same on every retry), retries what may be retried, and answers the JSON
 * object with its `lastResponse` (or, with `accept`, the body's text), or throws the
 * EntryRateError the answer calls for.
 */
export async function request(settings: Settings, method: string, path: string, init: Init = {}) {
  const url = urlOf(settings.baseUrl, path, init);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers = await headersOf(settings, method, init, body !== undefined);
  const maxRetries = init.maxRetries ?? settings.maxRetries;
  const timeout = init.timeout ?? settings.timeout;

  for (let attempt = 0; ; attempt++) {
    let failure: EntryRateError;
    let retryAfter: string | null = null;
    try {
      const { response, text } = await send(settings.fetch, url, { method, headers, body }, timeout);
      if (response.ok && init.accept) return text;
      const json = parseJson(text);
      const requestId = response.headers.get('X-Request-Id');
      if (response.ok && typeof json === 'object' && json !== null) return withLastResponse(json, response);
      failure = errorFromResponse(response.status, json ?? text, requestId);
      retryAfter = response.headers.get('Retry-After');
    } catch (error) {
      if (!(error instanceof APIConnectionError)) throw error;
      failure = error;
    }
    if (attempt >= maxRetries || !isRetryable(failure)) throw failure;
    await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, retryAfter)));
  }
}

async function headersOf(settings: Settings, method: string, init: Init, hasBody: boolean) {
  const headers: Record<string, string> = {
    Accept: init.accept ?? 'application/json',
    'EntryRate-Version': init.apiVersion ?? settings.apiVersion,
  };
  if (settings.key) headers.Authorization = `Bearer ${settings.key}`;
  const promoter = init.promoter ?? settings.promoter;
  if (promoter) headers['EntryRate-Promoter'] = promoter;
  if (hasBody) headers['Content-Type'] = 'application/json';
  const idempotencyKey = init.idempotencyKey ?? (method === 'POST' ? (await webCrypto()).randomUUID() : null);
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  // Browsers refuse it (and would ask a CORS preflight for it); Node and its kin take it.
  if (nodeVersion()) headers['User-Agent'] = `entryrate-js/${VERSION}`;
  return headers;
}

/** One attempt: the response and its whole body, or an APIConnectionError when there is none. */
async function send(fetchFn: typeof fetch, url: string, init: RequestInit, timeout: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    return { response, text: await response.text() };
  } catch (cause) {
    const timedOut = controller.signal.aborted;
    throw new APIConnectionError({
      code: timedOut ? 'connection.timeout' : 'connection.failed',
      message: timedOut
        ? `No answer from the EntryRate API within ${timeout} ms.`
        : `Could not reach the EntryRate API: ${(cause as Error)?.message ?? cause}.`,
      status: null,
      cause,
    });
  } finally {
    clearTimeout(timer);
  }
}

function urlOf(baseUrl: string, path: string, init: Init): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = init.pathParams?.[name];
    // An empty id would turn `/v1/events/{id}` into the list.
    if (!value) throw new TypeError(`${path}: ${name} must be a non-empty string.`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(init.query ?? {})) {
    if (value !== undefined && value !== null) search.append(name, String(value));
  }
  const query = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${filled}${query ? `?${query}` : ''}`;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function withLastResponse<T extends object>(json: T, response: Response): WithResponse<T> {
  const lastResponse: LastResponse = {
    status: response.status,
    headers: response.headers,
    requestId: response.headers.get('X-Request-Id'),
    idempotentReplayed: response.headers.get('Idempotent-Replayed') === 'true',
  };
  return Object.defineProperty(json, 'lastResponse', {
    value: lastResponse,
    enumerable: false,
  }) as WithResponse<T>;
}
