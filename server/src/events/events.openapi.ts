import type { RouteDocs } from '../openapi/openapi.types.ts';
import {
  createEventBody,
  eventIdParam,
  listEventsQuery,
  publishEventBody,
  updateEventBody,
} from './events.schema.ts';

const tag = 'Events';
const params = { id: eventIdParam };

export const eventsDocs: RouteDocs = {
  'POST /v1/events': {
    tag,
    access: 'secretKey',
    sdk: 'events.create',
    summary: 'Create a draft event with its tiers',
    body: createEventBody,
    responses: { 201: { description: 'The Event.' } },
    errors: { 404: ['venue.not_found'], 409: ['event.slug_taken'] },
  },
  'GET /v1/events': {
    tag,
    access: 'secretKey',
    sdk: 'events.list',
    summary: 'List your events',
    query: listEventsQuery,
    responses: { 200: { description: '`{ data: Event[], pagination }`' } },
  },
  'GET /v1/events/:id': {
    tag,
    access: 'secretKey',
    sdk: 'events.retrieve',
    summary: 'Read an event by id or slug, with its tiers, scans and lowest price',
    params,
    responses: { 200: { description: 'The Event.' } },
    errors: { 404: ['event.not_found'] },
  },
  'PATCH /v1/events/:id': {
    tag,
    access: 'secretKey',
    sdk: 'events.update',
    summary: 'Change an event: only what is sent changes',
    description:
      "A tier's stock never goes below what is sold and held; price changes leave open sessions alone.",
    params,
    body: updateEventBody,
    responses: { 200: { description: 'The Event.' } },
    errors: {
      400: ['event.tier_not_found'],
      404: ['event.not_found', 'venue.not_found'],
      409: ['event.cancelled', 'event.slug_taken', 'event.stock_below_sold'],
    },
  },
  'POST /v1/events/:id/publish': {
    tag,
    access: 'secretKey',
    sdk: 'events.publish',
    summary: 'Put an event on sale',
    description:
      '`{ network: false }` keeps it off the storefront. The first publication sends `event.published`. ' +
      'An event whose `doors` have passed is refused until a PATCH gives it future ones.',
    params,
    body: publishEventBody,
    responses: { 200: { description: 'The Event.' } },
    errors: { 404: ['event.not_found'], 409: ['event.invalid_transition', 'event.doors_passed'] },
  },
  'POST /v1/events/:id/cancel': {
    tag,
    access: 'secretKey',
    sdk: 'events.cancel',
    summary: 'Cancel an event',
    params,
    responses: { 200: { description: 'The Event.' } },
    errors: { 404: ['event.not_found'] },
  },
};
