import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import { createBody, emptyDraft, newTier, updateBody } from './event-draft.ts';

const draft = () => ({
  ...emptyDraft(),
  title: 'Mura Masa',
  venueId: 'vn_strange_brew',
  doors: '2027-07-10T19:30',
  tiers: [{ ...newTier(), name: 'Early bird', price: '12.50', stock: '100', salesEnd: '2027-07-01T00:00' }],
});

describe('the event form body', () => {
  it('sends prices in minor units and times as instants on the venue clock', () => {
    const body = createBody(draft(), 'Europe/Berlin');
    expect(body).toMatchObject({ title: 'Mura Masa', currency: 'gbp', doors: '2027-07-10T17:30:00.000Z' });
    expect(body.tiers).toEqual([
      { name: 'Early bird', price: 1250, stock: 100, maxPerOrder: 10, salesEnd: '2027-06-30T22:00:00.000Z' },
    ]);
    expect(body).not.toHaveProperty('holdMinutes', expect.anything());
  });

  it('names the field it cannot read, as the API would', () => {
    const bad = draft();
    bad.tiers.push({ ...newTier(), name: 'Door', price: '£15', stock: '50' });
    const error = (() => {
      try {
        createBody(bad, 'Europe/London');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).param).toBe('tiers[1].price');
  });

  it('reopens a cleared sales window with null on a saved tier', () => {
    const saved = draft();
    saved.tiers = [{ ...newTier(), id: 'tier_1', name: 'GA', price: '10', stock: '5', salesEnd: '' }];
    const body = updateBody(saved, 'UTC');
    expect(body.tiers?.[0]).toMatchObject({ id: 'tier_1', price: 1000, salesStart: null, salesEnd: null });
  });
});
