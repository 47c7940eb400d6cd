import { expect } from '@playwright/test';
import type { paths, WidgetEvent } from '../../sdks/js/src/openapi.ts';
import { apiUrl, testKey } from './stack.ts';

// Request bodies as the API document defines them.
type EventCreate = paths['/v1/events']['post']['requestBody']['content']['application/json'];
type VenueCreate = paths['/v1/venues']['post']['requestBody']['content']['application/json'];

/** A tier of a new event, as the promoter API takes it. */
export type NewTier = EventCreate['tiers'][number];

/** A venue of a new event, as the promoter API takes it. */
export type NewVenue = Pick<VenueCreate, 'name' | 'city' | 'timezone'>;

/**
 * Calls the promoter API with the demo promoter's test key: a GET, or with a `body` a POST under a
 * fresh Idempotency-Key. An error answer fails the test.
 */
export async function promoterApi<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(apiUrl(path), {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${testKey()}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${path} answered ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

/** An event as the public widget API shows it to every buyer, with no key. */
export async function widgetEvent(id: string): Promise<WidgetEvent> {
  const res = await fetch(apiUrl(`/v1/widget/events/${id}`));
  return (await res.json()) as WidgetEvent;
}
