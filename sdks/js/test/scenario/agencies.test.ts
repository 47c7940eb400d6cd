import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntryRate, NotFoundError, PermissionError } from '../../src/index.ts';
import { client, inDays, unique } from '../support.ts';

describe('an agency’s admin key and the promoter option', () => {
  const er = client();

  it('creates a managed promoter, acts for it per client and per call, and never for another', async () => {
    const admin = await er.apiKeys.create({ name: 'Agency admin', kind: 'admin' });
    assert.equal(admin.kind, 'admin');
    assert.equal(admin.lastUsedAt, null);
    const agency = new EntryRate(admin.secret);

    const managed = await agency.promoters.create({ name: unique('Managed') });
    assert.match(managed.id, /^pr_/);
    assert.match(managed.agencyId ?? '', /^pr_/);
    const listed = await agency.promoters.list({ limit: 100 });
    assert.ok(listed.data.some((p) => p.id === managed.id));

    // The client option: every call acts for the managed promoter.
    const forManaged = new EntryRate(admin.secret, { promoter: managed.id });
    const venue = await forManaged.venues.create({
      name: unique('Thekla'),
      city: 'Bristol',
      timezone: 'Europe/London',
    });
    const event = await forManaged.events.create({
      title: unique('Managed night'),
      venueId: venue.id,
      doors: inDays(30),
      tiers: [{ name: 'Standard', price: 1500, stock: 50 }],
    });
    // The per-call option does the same; without it the agency's own promoter has no such event.
    assert.equal((await agency.events.retrieve(event.id, { promoter: managed.id })).id, event.id);
    await assert.rejects(agency.events.retrieve(event.id), NotFoundError);

    // A secret key naming a promoter not its own, and an admin key naming one outside its agency.
    for (const call of [
      () => er.events.list({}, { promoter: managed.id }),
      () => agency.events.list({}, { promoter: 'pr_demo_strange_brew' }),
    ]) {
      await assert.rejects(call(), (error) => {
        assert.ok(error instanceof PermissionError);
        assert.equal(error.status, 403);
        assert.equal(error.code, 'auth.promoter_forbidden');
        return true;
      });
    }
  });
});
