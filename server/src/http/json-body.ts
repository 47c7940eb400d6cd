import { bodyParser } from '@koa/bodyparser';
import type { Context, Next } from 'koa';
import { nestsDeeperThan } from '../lib/json-walk.ts';
import { ApiError } from './errors.ts';

export interface JsonBodyOptions {
  /** The largest body read, after decompression. */
  limit?: string;
  /** How deep objects and arrays may nest; no endpoint needs more than a few levels. */
  maxDepth?: number;
}

/**
 * Reads JSON bodies (raw text kept for Stripe's signature) and refuses what cannot be read as a
 * 4xx: a Content-Encoding we do not decode is 415 `request.unsupported_encoding`, a body that is
 * not what its encoding says 400 `request.invalid_encoding`, and JSON nested deeper than
 * `maxDepth` 400 `request.invalid`, so nothing after this (zod, the idempotency fingerprint) has
 * to walk an unbounded tree.
 */
export function jsonBody(options: JsonBodyOptions = {}) {
  const maxDepth = options.maxDepth ?? 32;
  const parse = bodyParser({
    enableTypes: ['json'],
    jsonLimit: options.limit ?? '100kb',
    encoding: 'utf-8',
    onError: (error, ctx) => {
      throw unreadable(error, ctx);
    },
  });
  return async function readJsonBody(ctx: Context, next: Next) {
    // Content codings are case-insensitive (RFC 9110 8.4.1); the decoder knows them in lowercase.
    const encoding = ctx.req.headers['content-encoding'];
    if (encoding) ctx.req.headers['content-encoding'] = encoding.trim().toLowerCase();
    await parse(ctx, async () => {
      if (nestsDeeperThan(ctx.request.body, maxDepth)) {
        throw new ApiError(400, 'request.invalid', `The JSON body nests deeper than ${maxDepth} levels.`);
      }
      await next();
    });
  };
}

function unreadable(error: Error, ctx: Context): Error {
  const encoding = ctx.get('Content-Encoding') || 'identity';
  const status = (error as { status?: unknown }).status;
  // `inflation` names the encodings it does not know with a 415 of its own.
  if (status === 415 && /content-encoding/i.test(error.message)) {
    return new ApiError(
      415,
      'request.unsupported_encoding',
      `Content-Encoding '${encoding}' is not supported; send identity, gzip, deflate or br.`,
    );
  }
  // zlib's and brotli's failures carry no HTTP status: the bytes are not what the header says.
  if (status === undefined && encoding !== 'identity') {
    return new ApiError(
      400,
      'request.invalid_encoding',
      `The body is not valid ${encoding} data (${error.message}).`,
    );
  }
  return error;
}
