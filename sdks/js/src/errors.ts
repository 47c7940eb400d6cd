/** What an error knows: the API's `{ error: { code, message, param, docs, requestId } }` and the status. */
export interface ErrorFields {
  code: string;
  message: string;
  param?: string | null;
  /** The HTTP status; null when no answer came (network, timeout, a webhook that does not verify). */
  status: number | null;
  requestId?: string | null;
  docs?: string | null;
  /** The parsed body of the answer, as it came. */
  body?: unknown;
  /** What failed underneath (a connection error). */
  cause?: unknown;
}

/** Every error the SDK throws is one of these. */
export class EntryRateError extends Error {
  override name = 'EntryRateError';
  /** Stable and dotted, as `event.not_found`. */
  readonly code: string;
  /** The offending field, as `tiers.0.price`. */
  readonly param: string | null;
  readonly status: number | null;
  readonly requestId: string | null;
  readonly docs: string | null;
  readonly body: unknown;

  constructor(fields: ErrorFields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.code = fields.code;
    this.param = fields.param ?? null;
    this.status = fields.status;
    this.requestId = fields.requestId ?? null;
    this.docs = fields.docs ?? null;
    this.body = fields.body ?? null;
  }
}

/** 400 or 422: the request is not valid; `param` names the field. */
export class InvalidRequestError extends EntryRateError {
  override name = 'InvalidRequestError';
}

/** The Idempotency-Key is not valid (400) or was used with another request (422). */
export class IdempotencyError extends InvalidRequestError {
  override name = 'IdempotencyError';
}

/** 401: no key, or an unknown or revoked one. */
export class AuthenticationError extends EntryRateError {
  override name = 'AuthenticationError';
}

/** 403: the key may not do this. */
export class PermissionError extends EntryRateError {
  override name = 'PermissionError';
}

/** 404. */
export class NotFoundError extends EntryRateError {
  override name = 'NotFoundError';
}

/** 409: the object is not in a state that allows this. */
export class ConflictError extends EntryRateError {
  override name = 'ConflictError';
}

/** 429, once the retries are spent. */
export class RateLimitError extends EntryRateError {
  override name = 'RateLimitError';
}

/** Any other status, 5xx included. */
export class APIError extends EntryRateError {
  override name = 'APIError';
}

/** No answer: the connection failed or the request timed out (`status` is null). */
export class APIConnectionError extends EntryRateError {
  override name = 'APIConnectionError';
}

/** A webhook whose signature or timestamp does not verify. */
export class WebhookVerificationError extends EntryRateError {
  override name = 'WebhookVerificationError';
}

const BY_STATUS: Record<number, typeof EntryRateError> = {
  400: InvalidRequestError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  409: ConflictError,
  422: InvalidRequestError,
  429: RateLimitError,
};

/** The error of an answer that is not a success, from its status and its body (JSON or not). */
export function errorFromResponse(status: number, body: unknown, requestId: string | null): EntryRateError {
  const error = (body as { error?: Partial<Record<keyof ErrorFields, unknown>> } | null)?.error;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const code = text(error?.code) ?? `http.${status}`;
  const byStatus = BY_STATUS[status] ?? APIError;
  const ErrorClass =
    byStatus === InvalidRequestError && code.startsWith('idempotency.') ? IdempotencyError : byStatus;
  return new ErrorClass({
    code,
    message: text(error?.message) ?? `The API answered HTTP ${status}.`,
    param: text(error?.param),
    status,
    requestId: text(error?.requestId) ?? requestId,
    docs: text(error?.docs),
    body,
  });
}
