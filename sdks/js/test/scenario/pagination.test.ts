import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { client, createVenue, faultLog, inDays, injectFaults, unique } from '../support.ts';

describe('pagination', () => {
  const er = client();

  it('pages through 120 events, 50 at a time: 3 pages, each event once', async () => {
    const venue = await createVenue(er);
    const tag = unique('Paged');
    const created = new Set<string>();
    for (let batch = 0; batch < 12; batch++) {
      const events = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          er.events.create({
            title: `${tag} #${batch * 10 + i + 1}`,
            venueId: venue.id,
            doors: inDays(60 + batch),
            tiers: [{ name: 'Standard', price: 1000, stock: 10 }],
          }),
        ),
      );
      for (const event of events) created.add(event.id);
    }
    assert.equal(created.size, 120);

    const first = await er.events.list({ q: tag, limit: 50 });
    assert.deepEqual(first.pagination, { page: 1, limit: 50, total: 120, pages: 3 });
    assert.equal(first.data.length, 50);
    const last = await er.events.list({ q: tag, limit: 50, page: 3 });
    assert.equal(last.data.length, 20);

    await injectFaults([]);
    const seen: string[] = [];
    for await (const evt of er.events.list({ q: tag, limit: 50 })) seen.push(evt.id);
    assert.equal(seen.length, 120);
    assert.deepEqual(new Set(seen), created);

    const asked = (await faultLog()).map((request) => new URL(request.path, 'http://x').searchParams);
    assert.deepEqual(
      asked.map((query) => [query.get('q'), query.get('limit'), query.get('page')]),
      [
        [tag, '50', null],
        [tag, '50', '2'],
        [tag, '50', '3'],
      ],
    );
  });
});
