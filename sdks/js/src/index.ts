export { type ClientOptions, EntryRate } from './client.js';
export {
  APIConnectionError,
  APIError,
  AuthenticationError,
  ConflictError,
  EntryRateError,
  type ErrorFields,
  IdempotencyError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  WebhookVerificationError,
} from './errors.js';
// Every component of the API document under its own name (`Event`, `Order`, `EventPage`…), and `paths`.
export type * from './openapi.js';
export { type ItemOf, PagePromise } from './pagination.js';
export type {
  Answer,
  Body,
  LastResponse,
  Method,
  Path,
  Query,
  RequestInit,
  RequestOptions,
  WithResponse,
} from './types.js';
export { API_VERSION, VERSION } from './version.js';
export {
  type VerifyOptions,
  type WebhookEvent,
  type WebhookHeaders,
  type Webhooks,
  webhooks,
} from './webhooks.js';
