import type { Context } from 'koa';
import { z } from 'zod';

// A new API key or webhook endpoint answers its secret once. The idempotency middleware stores
// `ctx.state.replayBody` instead of the body, so the secret is never kept in clear and a replay
// of the request (the same Idempotency-Key) answers without it: the schema says so.

/** `object` with the `secret` its creation answers, named `id` in the OpenAPI document. */
export function withOneTimeSecret<T extends z.ZodObject>(
  object: T,
  meta: { id: string; description: string; secret: string },
) {
  return object
    .extend({
      secret: z
        .string()
        .optional()
        .describe(
          `${meta.secret}, shown in this answer only: a replay of the request (the same ` +
            '`Idempotency-Key`) answers without it.',
        ),
    })
    .meta({ id: meta.id, description: meta.description });
}

/** Answers 201 with `created` and its secret; a replay answers it without the secret. */
export function answerCreatedWithSecret(ctx: Context, created: { secret: string }): void {
  answerWithSecret(ctx, 201, created);
}

/** Answers `body` with its new secret (a rotation: 200); a replay answers it without the secret. */
export function answerWithSecret(ctx: Context, status: number, body: { secret: string }): void {
  ctx.status = status;
  ctx.body = body;
  const { secret: _shownOnce, ...withoutSecret } = body;
  ctx.state.replayBody = withoutSecret;
}
