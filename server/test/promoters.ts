import { expect } from 'vitest';
import { createPromoterWithKeys } from '../src/promoters/api-keys.service.ts';
import type { api } from './api.ts';
import type { TestServer } from './harness.ts';

type Client = ReturnType<typeof api>;

/** A new promoter with a test key and a live key, made as `npm run entryrate -- promoter create` makes it. */
export function newPromoter(server: TestServer, name = 'Test promoter') {
  return createPromoterWithKeys(server.db, name);
}

/** Creates a venue through the API with `key` and answers it. */
export async function createVenue(client: Client, key: string, body: Record<string, unknown> = {}) {
  const res = await client.post(
    '/v1/venues',
    { name: 'The Louisiana', city: 'Bristol', timezone: 'Europe/London', ...body },
    { key },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Creates a draft event with two tiers (£12 and £18, 100 each) through the API and answers it. */
export async function createEvent(
  client: Client,
  key: string,
  venueId: string,
  body: Record<string, unknown> = {},
) {
  const res = await client.post(
    '/v1/events',
    {
      title: 'Mura Masa',
      venueId,
      doors: '2031-05-02T19:00:00Z',
      tiers: [
        { name: 'Early bird', price: 1200, stock: 100 },
        { name: 'Standard', price: 1800, stock: 100 },
      ],
      ...body,
    },
    { key },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Creates an event and puts it on sale (`network` true unless given). */
export async function createLiveEvent(
  client: Client,
  key: string,
  venueId: string,
  body: Record<string, unknown> = {},
  network = true,
) {
  const event = await createEvent(client, key, venueId, body);
  const res = await client.post(`/v1/events/${event.id}/publish`, { network }, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
