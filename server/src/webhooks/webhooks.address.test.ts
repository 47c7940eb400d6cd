import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup, type Resolver, refusalOf } from './webhooks.address.ts';

const production = { allowLoopback: false };
const simulator = { allowLoopback: true };

/** A resolver that answers `answers` for every name and records what it was asked. */
function stubResolver(answers: string[]) {
  const asked: string[] = [];
  const resolve: Resolver = async (hostname) => {
    asked.push(hostname);
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

/** Runs a `lookup` as net.connect does and answers what it called back with. */
function lookUp(lookup: ReturnType<typeof guardedLookup>, options: { all?: boolean; family?: number }) {
  return new Promise<{
    error: NodeJS.ErrnoException | null;
    address: string | LookupAddress[];
    family?: number;
  }>((resolve) =>
    lookup('hooks.example.test', options as never, (error, address, family) =>
      resolve({ error, address, family }),
    ),
  );
}

describe('refusalOf', () => {
  it('names the address and why it is refused, and lets public addresses through', () => {
    expect(refusalOf('10.0.0.1', production)).toBe('address 10.0.0.1 is private');
    expect(refusalOf('169.254.169.254', production)).toBe('address 169.254.169.254 is link-local');
    expect(refusalOf('::ffff:7f00:1', production)).toBe('address ::ffff:7f00:1 is loopback');
    expect(refusalOf('93.184.216.34', production)).toBeNull();
  });

  it('lets loopback through only against the stripe-sim', () => {
    for (const address of ['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1']) {
      expect(refusalOf(address, production), address).toMatch(/is loopback$/);
      expect(refusalOf(address, simulator), address).toBeNull();
    }
    for (const address of ['10.0.0.1', '0.0.0.0', 'fe80::1', '192.168.0.1']) {
      expect(refusalOf(address, simulator), address).not.toBeNull();
    }
  });
});

describe('guardedLookup', () => {
  it('answers the resolved addresses when every one of them is public, as net asks for them', async () => {
    const { resolve, asked } = stubResolver(['93.184.216.34', '2606:4700::1111']);
    const lookup = guardedLookup(resolve, production);
    expect(await lookUp(lookup, { all: true })).toEqual({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
      family: undefined,
    });
    expect(await lookUp(lookup, {})).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    expect(await lookUp(lookup, { family: 6 })).toEqual({
      error: null,
      address: '2606:4700::1111',
      family: 6,
    });
    // Resolved at every connection, never remembered: what the name says now is what is checked.
    expect(asked).toEqual(['hooks.example.test', 'hooks.example.test', 'hooks.example.test']);
  });

  it('refuses the name when any of its addresses is not public (DNS rebinding)', async () => {
    for (const answers of [
      ['127.0.0.1'],
      ['10.0.0.1'],
      ['93.184.216.34', '169.254.169.254'],
      ['::ffff:a00:1'],
    ]) {
      const { error, address } = await lookUp(guardedLookup(stubResolver(answers).resolve, production), {
        all: true,
      });
      expect(error?.code, answers.join()).toBe('EREFUSED_ADDRESS');
      // The message goes to the delivery log: it says which name, never which addresses it has inside.
      expect(error?.message).toBe('refused: no public address for hooks.example.test');
      expect(address).toEqual([]);
    }
  });

  it('lets a name resolving to loopback through only against the stripe-sim', async () => {
    const loopback = stubResolver(['127.0.0.1', '::1']).resolve;
    expect((await lookUp(guardedLookup(loopback, production), { all: true })).error?.code).toBe(
      'EREFUSED_ADDRESS',
    );
    expect((await lookUp(guardedLookup(loopback, simulator), { all: true })).error).toBeNull();
    const mixed = stubResolver(['127.0.0.1', '10.0.0.1']).resolve;
    expect((await lookUp(guardedLookup(mixed, simulator), { all: true })).error?.code).toBe(
      'EREFUSED_ADDRESS',
    );
  });

  it('says the same when the name does not resolve at all', async () => {
    const failing: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.test'), { code: 'ENOTFOUND' });
    };
    const nothing: Resolver = async () => [];
    for (const resolve of [failing, nothing]) {
      const { error } = await lookUp(guardedLookup(resolve, production), { all: true });
      expect(error?.message).toBe('refused: no public address for hooks.example.test');
    }
  });
});
