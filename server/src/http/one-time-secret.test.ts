import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerCreatedWithSecret, withOneTimeSecret } from './one-time-secret.ts';

describe('one-time secrets', () => {
  it('answers the secret, and leaves it out of what a replay answers', () => {
    const ctx = { state: {} } as Context;
    answerCreatedWithSecret(ctx, { id: 'wh_1', secret: 'whsec_x' } as { id: string; secret: string });
    expect(ctx.status).toBe(201);
    expect(ctx.body).toEqual({ id: 'wh_1', secret: 'whsec_x' });
    expect(ctx.state.replayBody).toEqual({ id: 'wh_1' });
  });

  it('describes both answers: the first with the secret, a replay without', () => {
    const schema = withOneTimeSecret(z.object({ id: z.string() }), {
      id: 'ThingWithSecret',
      description: 'A thing just made.',
      secret: 'The secret',
    });
    expect(schema.parse({ id: 't_1', secret: 's' })).toEqual({ id: 't_1', secret: 's' });
    expect(schema.parse({ id: 't_1' })).toEqual({ id: 't_1' });
    expect(z.globalRegistry.get(schema)).toMatchObject({ id: 'ThingWithSecret' });
  });
});
