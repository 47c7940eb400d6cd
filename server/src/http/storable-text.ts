import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import { jsonNodes } from '../lib/json-walk.ts';
import { ApiError, paramOf } from './errors.ts';

// PostgreSQL's text cannot hold U+0000, and its JSON types refuse an unpaired UTF-16 surrogate
// (JSON.parse makes one of "\ud800"; the pg driver would quietly turn it into U+FFFD elsewhere).
const LONE_SURROGATE = /\p{Cs}/u;

function unstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The path of the first key or string in `value` that PostgreSQL cannot store, if any. */
function firstUnstorable(value: unknown): (string | number)[] | undefined {
  for (const node of jsonNodes(value)) {
    if (typeof node.value === 'string' && unstorable(node.value)) return node.path();
  }
  return undefined;
}

/** The route parameter (`id`) that holds unstorable text, once the path is decoded. */
function unstorableParam(ctx: Context, routers: () => readonly Router[]): string | undefined {
  // Only a percent-escape can carry such a character in a path; most requests stop here.
  if (!ctx.path.includes('%')) return undefined;
  for (const router of routers()) {
    for (const layer of router.match(ctx.path, ctx.method).pathAndMethod) {
      const params = layer.params(ctx.path, layer.captures(ctx.path));
      const name = Object.keys(params).find((key) => unstorable(String(params[key])));
      if (name) return name;
    }
  }
  // No route reads it as a parameter, so it never reaches the database.
  return undefined;
}

/**
 * Refuses, before anything reads them, path parameters, query values and JSON body strings (keys
 * included) that PostgreSQL cannot store: NUL characters and unpaired surrogates. A 400
 * `request.invalid` whose `param` names the field (`items[0].tier`, `q`, `id`) instead of a 500
 * from whichever query met them first (the API key lookup, an idempotency key, a route).
 */
export function storableText(options: { routers: () => readonly Router[] }) {
  return async function refuseUnstorableText(ctx: Context, next: Next) {
    const param =
      unstorableParam(ctx, options.routers) ??
      firstUnstorable(ctx.query) ??
      firstUnstorable(ctx.request.body);
    if (param !== undefined) {
      const name = typeof param === 'string' ? param : paramOf(param);
      throw new ApiError(
        400,
        'request.invalid',
        `${name || 'The body'}: must not contain NUL characters (\\u0000) or unpaired surrogates.`,
        name || undefined,
      );
    }
    await next();
  };
}
