import { pageQuery } from '../http/pagination.ts';
import { examplePage, exampleVenue } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { venuePageSchema, venueSchema } from './venues.mapper.ts';
import { createVenueBody, venueIdParam } from './venues.schema.ts';

const tag = 'Venues';

export const venuesDocs: RouteDocs = {
  'POST /v1/venues': {
    tag,
    access: 'secretKey',
    permission: 'events.write',
    sdk: 'venues.create',
    summary: 'Create a venue',
    body: createVenueBody,
    example: { body: { name: exampleVenue.name, city: exampleVenue.city, timezone: exampleVenue.timezone } },
    responses: { 201: { description: 'The Venue.', schema: venueSchema, example: exampleVenue } },
  },
  'GET /v1/venues': {
    tag,
    access: 'secretKey',
    permission: 'venues.read',
    sdk: 'venues.list',
    summary: 'List your venues',
    query: pageQuery,
    example: { query: { page: 1, limit: 20 } },
    responses: {
      200: {
        description: 'A page of Venues, newest first.',
        schema: venuePageSchema,
        example: examplePage([exampleVenue]),
      },
    },
  },
  'GET /v1/venues/:id': {
    tag,
    access: 'secretKey',
    permission: 'venues.read',
    sdk: 'venues.retrieve',
    summary: 'Read a venue',
    params: { id: venueIdParam },
    example: { params: { id: exampleVenue.id } },
    responses: { 200: { description: 'The Venue.', schema: venueSchema, example: exampleVenue } },
    errors: { 404: ['venue.not_found'] },
  },
};
