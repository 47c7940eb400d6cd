import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { client, createVenue, inDays, unique } from '../support.ts';

describe('venues and events', () => {
  const er = client();

  it('creates a venue, and reads it back', async () => {
    const venue = await createVenue(er);
    assert.match(venue.id, /^vn_/);
    assert.equal(venue.city, 'Bristol');
    assert.equal((await er.venues.retrieve(venue.id)).name, venue.name);
    const ids = [];
    for await (const each of er.venues.list({ limit: 100 })) ids.push(each.id);
    assert.ok(ids.includes(venue.id));
  });

  it('creates and publishes an event; the live filter finds it; it reads back by slug', async () => {
    const venue = await createVenue(er);
    const title = unique('Mura Masa · UK tour');
    const draft = await er.events.create({
      title,
      venueId: venue.id,
      doors: inDays(30),
      tiers: [
        { name: 'Early bird', price: 1200, stock: 200 },
        { name: 'Standard', price: 1800, stock: 200 },
      ],
    });
    assert.equal(draft.status, 'draft');
    assert.equal(draft.lastResponse.status, 201);
    const drafts = await er.events.list({ status: 'live', q: title });
    assert.equal(drafts.pagination.total, 0);

    const live = await er.events.publish(draft.id);
    assert.equal(live.status, 'live');
    const page = await er.events.list({ status: 'live', q: title });
    assert.deepEqual(
      page.data.map((evt) => evt.id),
      [draft.id],
    );
    assert.equal(page.pagination.total, 1);

    const bySlug = await er.events.retrieve(draft.slug);
    assert.equal(bySlug.id, draft.id);
    assert.equal(bySlug.lowestPrice, 1200);
    assert.deepEqual(
      bySlug.tiers.map((tier) => tier.slug),
      ['early-bird', 'standard'],
    );
  });

  it('updates an event, then cancels it', async () => {
    const venue = await createVenue(er);
    const event = await er.events.create({
      title: unique('To change'),
      venueId: venue.id,
      doors: inDays(40),
      tiers: [{ name: 'Standard', price: 1500, stock: 10 }],
    });
    const renamed = await er.events.update(event.id, { title: `${event.title} (moved)` });
    assert.equal(renamed.title, `${event.title} (moved)`);
    const cancelled = await er.events.cancel(event.id);
    assert.equal(cancelled.status, 'cancelled');
  });
});
