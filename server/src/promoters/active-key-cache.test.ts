import { describe, expect, it } from 'vitest';
import { ACTIVE_KEY_TTL_MS, activeKeyCache } from './active-key-cache.ts';
import type { ActiveKey } from './promoters.store.ts';

const keyOf = (id: string): ActiveKey => ({
  promoterId: 'pr_1',
  mode: 'test',
  role: 'owner',
  callerId: id,
  keyId: id,
  personId: null,
  kind: 'secret',
  lastUsedAt: null,
});

/** A clock the test moves, and a `keys` table the test revokes from; `reads` counts lookups. */
function setUp(options: { maxEntries?: number } = {}) {
  let nowMs = 1_700_000_000_000;
  const table = new Map<string, ActiveKey>();
  let reads = 0;
  const cache = activeKeyCache({ ...options, now: () => new Date(nowMs) });
  const find = (token: string) =>
    cache.find(token, async () => {
      reads++;
      return table.get(token);
    });
  return {
    cache,
    table,
    find,
    reads: () => reads,
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('activeKeyCache', () => {
  it('looks a key up once and answers it from memory within the TTL', async () => {
    const t = setUp();
    t.table.set('er_test_a', keyOf('key_a'));
    expect((await t.find('er_test_a'))?.keyId).toBe('key_a');
    t.advance(ACTIVE_KEY_TTL_MS - 1);
    expect((await t.find('er_test_a'))?.keyId).toBe('key_a');
    expect(t.reads()).toBe(1);
  });

  it('refuses a key revoked elsewhere once the TTL has passed', async () => {
    const t = setUp();
    t.table.set('er_test_a', keyOf('key_a'));
    await t.find('er_test_a');
    t.table.delete('er_test_a'); // another process revoked it
    t.advance(ACTIVE_KEY_TTL_MS);
    expect(await t.find('er_test_a')).toBeUndefined();
  });

  it('refuses a key forgotten here (revoked through this process) at once', async () => {
    const t = setUp();
    t.table.set('er_test_a', keyOf('key_a'));
    t.table.set('er_test_b', keyOf('key_b'));
    await t.find('er_test_a');
    await t.find('er_test_b');
    t.table.delete('er_test_a');
    t.cache.forget('key_a');
    expect(await t.find('er_test_a')).toBeUndefined();
    // Only that key is forgotten.
    expect((await t.find('er_test_b'))?.keyId).toBe('key_b');
    expect(t.reads()).toBe(3);
  });

  it('does not hold a key read while it was being forgotten: the read may predate the revocation', async () => {
    let release: (key: ActiveKey) => void = () => {};
    const cache = activeKeyCache();
    const reading = cache.find('er_test_a', () => new Promise((resolve) => (release = resolve)));
    cache.forget('key_a');
    release(keyOf('key_a'));
    await reading;
    let reads = 0;
    const again = await cache.find('er_test_a', async () => {
      reads++;
      return undefined;
    });
    expect(again).toBeUndefined();
    expect(reads).toBe(1);
  });

  it('never holds an unknown key, so made-up keys fill no memory and each is looked up', async () => {
    const t = setUp();
    for (let i = 0; i < 3; i++) expect(await t.find('er_test_unknown')).toBeUndefined();
    expect(t.reads()).toBe(3);
  });

  it('holds at most maxEntries keys, dropping the oldest', async () => {
    const t = setUp({ maxEntries: 2 });
    for (const name of ['a', 'b', 'c']) t.table.set(`er_test_${name}`, keyOf(`key_${name}`));
    await t.find('er_test_a');
    await t.find('er_test_b');
    await t.find('er_test_c'); // drops a
    expect(t.reads()).toBe(3);
    await t.find('er_test_b');
    await t.find('er_test_c');
    expect(t.reads()).toBe(3);
    await t.find('er_test_a');
    expect(t.reads()).toBe(4);
  });
});
