import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../access/principal.ts';
import type { Role } from '../access/roles.ts';
import { permit, permitWhenAuthenticated } from './auth.ts';

const principal = (role: Role): Principal => ({
  promoterId: 'pr_1',
  mode: 'test',
  role,
  callerId: 'ses_1',
  keyId: null,
  personId: 'psn_1',
});
const ctxOf = (state: Record<string, unknown>) => ({ state }) as unknown as Context;
const next = async () => {};

describe('permit', () => {
  it('passes a role that holds the permission', async () => {
    await expect(
      permit('orders.refund')(ctxOf({ auth: principal('box_office') }), next),
    ).resolves.toBeUndefined();
  });

  it('refuses any other role with 403 auth.forbidden, saying in words who cannot do what', async () => {
    await expect(permit('orders.refund')(ctxOf({ auth: principal('door') }), next)).rejects.toMatchObject({
      status: 403,
      code: 'auth.forbidden',
      message: expect.stringMatching(/^Your role \(door\) cannot refund orders\./),
    });
    await expect(permit('keys.manage')(ctxOf({ auth: principal('box_office') }), next)).rejects.toMatchObject(
      {
        message: expect.stringMatching(/^Your role \(box office\) cannot manage API keys\./),
      },
    );
  });

  it('asks for a key or a sign-in without a Principal, and for the promoter when only signed in', async () => {
    await expect(permit('events.read')(ctxOf({}), next)).rejects.toMatchObject({
      status: 401,
      code: 'auth.missing_key',
      message: expect.stringContaining('sign in'),
    });
    await expect(permit('events.read')(ctxOf({ person: { id: 'psn_1' } }), next)).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('EntryRate-Promoter'),
    });
  });
});

describe('permitWhenAuthenticated', () => {
  it('lets an anonymous call through and checks a Principal', async () => {
    await expect(permitWhenAuthenticated('checkout.write')(ctxOf({}), next)).resolves.toBeUndefined();
    await expect(
      permitWhenAuthenticated('checkout.write')(ctxOf({ auth: principal('door') }), next),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
