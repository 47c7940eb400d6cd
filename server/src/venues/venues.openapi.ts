import { pageQuery } from '../http/pagination.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { createVenueBody, venueIdParam } from './venues.schema.ts';

const tag = 'Venues';

export const venuesDocs: RouteDocs = {
  'POST /v1/venues': {
    tag,
    access: 'secretKey',
    sdk: 'venues.create',
    summary: 'Create a venue',
    body: createVenueBody,
    responses: { 201: { description: 'The Venue.' } },
  },
  'GET /v1/venues': {
    tag,
    access: 'secretKey',
    sdk: 'venues.list',
    summary: 'List your venues',
    query: pageQuery,
    responses: { 200: { description: '`{ data: Venue[], pagination }`' } },
  },
  'GET /v1/venues/:id': {
    tag,
    access: 'secretKey',
    sdk: 'venues.retrieve',
    summary: 'Read a venue',
    params: { id: venueIdParam },
    responses: { 200: { description: 'The Venue.' } },
    errors: { 404: ['venue.not_found'] },
  },
};
