import { describe, expect, it } from 'vitest';
import { jsonNodes, nestsDeeperThan } from './json-walk.ts';

describe('jsonNodes', () => {
  it('visits every value and key with its path, root first', () => {
    const seen = [...jsonNodes({ a: [1, { b: 'x' }] })].map((n) => [n.path(), n.value, n.isKey]);
    expect(seen).toEqual([
      [[], { a: [1, { b: 'x' }] }, false],
      [['a'], 'a', true],
      [['a'], [1, { b: 'x' }], false],
      [['a', 0], 1, false],
      [['a', 1], { b: 'x' }, false],
      [['a', 1, 'b'], 'b', true],
      [['a', 1, 'b'], 'x', false],
    ]);
  });

  it('walks far deeper than the call stack would allow recursion to', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const last = [...jsonNodes(deep)].at(-1);
    expect(last?.value).toBe('bottom');
    expect(last?.depth).toBe(200_000);
  });
});

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(nestsDeeperThan('x', 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [] }, 2)).toBe(false);
    expect(nestsDeeperThan({ a: [] }, 1)).toBe(true);
    expect(nestsDeeperThan([1, [2, [3]]], 3)).toBe(false);
    expect(nestsDeeperThan([1, [2, [3]]], 2)).toBe(true);
  });
});
