import type { paths } from './openapi.js';

/** A path of the API document, as `/v1/events/{id}`. */
export type Path = keyof paths;
export type Method = 'get' | 'post' | 'patch' | 'delete';

type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;

/** The query parameters of an operation. */
export type Query<P extends Path, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The JSON body of an operation. */
export type Body<P extends Path, M extends Method> =
  NonNullable<Operation<P, M>['requestBody']> extends { content: { 'application/json': infer B } }
    ? B
    : never;

type Success<R> = R extends { 200: infer S }
  ? S
  : R extends { 201: infer S }
    ? S
    : R extends { 202: infer S }
      ? S
      : never;

/** The JSON answer of an operation's success (200, 201 or 202). */
export type Answer<P extends Path, M extends Method> =
  Success<Operation<P, M>['responses']> extends { content: { 'application/json': infer J } } ? J : never;

/** What the last response said, beside its body. */
export interface LastResponse {
  status: number;
  headers: Headers;
  /** `X-Request-Id` (`req_…`). */
  requestId: string | null;
  /** True when the API replayed the first answer to this Idempotency-Key. */
  idempotentReplayed: boolean;
}

/** An answer, with its response as the non-enumerable `lastResponse`. */
export type WithResponse<T> = T & { readonly lastResponse: LastResponse };

/** Per-call options, last argument of every method. */
export interface RequestOptions {
  /** Replaces the UUID v4 made for this call (POST only). */
  idempotencyKey?: string;
  apiVersion?: string;
  /** Milliseconds for each attempt. */
  timeout?: number;
  maxRetries?: number;
  /** The promoter (`pr_…`) this call acts for, sent as `EntryRate-Promoter`; replaces the client's. */
  promoter?: string;
}

/** What the request function takes beside the method and the path. */
export interface RequestInit<P extends Path, M extends Method> extends RequestOptions {
  /** Values for the `{name}` parts of the path. */
  pathParams?: Record<string, string>;
  query?: Query<P, M>;
  body?: Body<P, M>;
}
