import {
  exampleEvent,
  exampleEventCreate,
  exampleEventDraft,
  examplePage,
  exampleTier,
  exampleVenue,
} from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { eventPageSchema, eventSchema } from './events.mapper.ts';
import {
  createEventBody,
  eventIdParam,
  listEventsQuery,
  publishEventBody,
  updateEventBody,
} from './events.schema.ts';
import { type EventStats, eventStatsSchema } from './events.stats.ts';

const tag = 'Events';
const params = { id: eventIdParam };
const example = { params: { id: exampleEvent.id } };
// Mura Masa's night so far: 48 early birds sold in two days, 4 held by an open checkout, one
// £12.00 ticket refunded of a two-ticket order, and the first ticket scanned at the door.
const exampleStats: EventStats = {
  eventId: exampleEvent.id,
  currency: exampleEvent.currency,
  timezone: exampleVenue.timezone,
  tiers: exampleEvent.tiers.map((tier) => ({
    tierId: tier.id,
    name: tier.name,
    price: tier.price,
    stock: tier.stock,
    sold: tier.sold,
    held: tier.stock - tier.sold - tier.available,
    left: tier.available,
    revenue: tier.sold * tier.price - (tier.id === exampleTier.id ? 1200 : 0),
  })),
  totals: { sold: 48, held: 4, left: 348, revenue: 56_400, refunded: 1200, orders: 21, scanned: 1 },
  sales: [
    { date: '2026-04-02', tickets: 30, revenue: 36_000 },
    { date: '2026-04-03', tickets: 18, revenue: 21_600 },
  ],
  scans: { scanned: 1, admitted: 1 },
};

const theEvent = (description: string, event = exampleEvent) => ({
  200: { description, schema: eventSchema, example: event },
});

export const eventsDocs: RouteDocs = {
  'POST /v1/events': {
    tag,
    access: 'secretKey',
    permission: 'events.write',
    sdk: 'events.create',
    summary: 'Create a draft event with its tiers',
    body: createEventBody,
    example: { body: exampleEventCreate },
    responses: { 201: { description: 'The draft Event.', schema: eventSchema, example: exampleEventDraft } },
    errors: { 404: ['venue.not_found'], 409: ['event.slug_taken'] },
  },
  'GET /v1/events': {
    tag,
    access: 'secretKey',
    permission: 'events.read',
    sdk: 'events.list',
    summary: 'List your events',
    query: listEventsQuery,
    example: { query: { status: 'live', cityId: 'bristol', limit: 20 } },
    responses: {
      200: {
        description: 'A page of Events, soonest doors first.',
        schema: eventPageSchema,
        example: examplePage([exampleEvent]),
      },
    },
  },
  'GET /v1/events/:id': {
    tag,
    access: 'secretKey',
    permission: 'events.read',
    sdk: 'events.retrieve',
    summary: 'Read an event by id or slug, with its tiers, scans and lowest price',
    params,
    example: { params: { id: exampleEvent.slug } },
    responses: theEvent('The Event.'),
    errors: { 404: ['event.not_found'] },
  },
  'GET /v1/events/:id/stats': {
    tag,
    access: 'secretKey',
    permission: 'events.stats',
    sdk: 'events.stats',
    summary: "Read an event's sales: per tier, per day, its money and its door counts",
    description:
      "Money in minor units of the event's currency; `revenue` is paid minus refunded. Days are the " +
      "venue's calendar days, and only days with orders are listed.",
    params,
    example,
    responses: { 200: { description: 'The EventStats.', schema: eventStatsSchema, example: exampleStats } },
    errors: { 404: ['event.not_found'] },
  },
  'PATCH /v1/events/:id': {
    tag,
    access: 'secretKey',
    permission: 'events.write',
    sdk: 'events.update',
    summary: 'Change an event: only what is sent changes',
    description:
      "A tier's stock never goes below what is sold and held; price changes leave open sessions alone.",
    params,
    body: updateEventBody,
    example: {
      ...example,
      body: { doors: '2026-09-12T19:30:00+01:00', tiers: [{ id: exampleTier.id, stock: 250 }] },
    },
    responses: theEvent('The Event, changed.', {
      ...exampleEvent,
      doors: '2026-09-12T18:30:00.000Z',
      tiers: exampleEvent.tiers.map((tier) =>
        tier.id === exampleTier.id ? { ...tier, stock: 250, available: tier.available + 50 } : tier,
      ),
    }),
    errors: {
      400: ['event.tier_not_found'],
      404: ['event.not_found', 'venue.not_found'],
      409: ['event.cancelled', 'event.slug_taken', 'event.stock_below_sold'],
    },
  },
  'POST /v1/events/:id/publish': {
    tag,
    access: 'secretKey',
    permission: 'events.write',
    sdk: 'events.publish',
    summary: 'Put an event on sale',
    description:
      '`{ network: false }` keeps it off the storefront. The first publication sends `event.published`. ' +
      'An event whose `doors` have passed is refused until a PATCH gives it future ones.',
    params,
    body: publishEventBody,
    example: { ...example, body: { network: true } },
    responses: theEvent('The Event, `live`.'),
    errors: { 404: ['event.not_found'], 409: ['event.invalid_transition', 'event.doors_passed'] },
  },
  'POST /v1/events/:id/cancel': {
    tag,
    access: 'secretKey',
    permission: 'events.write',
    sdk: 'events.cancel',
    summary: 'Cancel an event',
    params,
    example,
    responses: theEvent('The Event, `cancelled`.', { ...exampleEvent, status: 'cancelled' }),
    errors: { 404: ['event.not_found'] },
  },
};
