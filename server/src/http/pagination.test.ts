import { describe, expect, it } from 'vitest';
import { offsetOf, pageOf, pageQuery } from './pagination.ts';
import { parse } from './validate.ts';

/** The error `parse` throws for a query, or null when it passes. */
function errorOf(query: Record<string, unknown>): unknown {
  try {
    parse(pageQuery, query);
    return null;
  } catch (error) {
    return error;
  }
}

describe('pageQuery', () => {
  it('defaults to page 1 of 20 and reads query strings', () => {
    expect(parse(pageQuery, {})).toEqual({ page: 1, limit: 20 });
    expect(parse(pageQuery, { page: '3', limit: '100' })).toEqual({ page: 3, limit: 100 });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '-1' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ page: ['1', '2'] }, 'page'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: '' }, 'limit'],
  ])('refuses %o with a 400 naming %s', (query, param) => {
    expect(errorOf(query)).toMatchObject({ status: 400, code: 'request.invalid', param });
  });
});

describe('pageOf', () => {
  it("answers the seeds' shape with pages rounded up, and skips whole pages", () => {
    const page = pageOf({ page: 2, limit: 50 }, { rows: [1, 2], total: 247 }, (n) => ({ n }));
    expect(page).toEqual({
      data: [{ n: 1 }, { n: 2 }],
      pagination: { page: 2, limit: 50, total: 247, pages: 5 },
    });
    expect(pageOf({ page: 1, limit: 20 }, { rows: [], total: 0 }, (n) => n).pagination.pages).toBe(0);
    expect(offsetOf({ page: 3, limit: 20 })).toBe(40);
  });
});
