import type { RouteDocs } from '../openapi/openapi.types.ts';
import { ticketIdParam } from './tickets.schema.ts';

export const ticketsDocs: RouteDocs = {
  'GET /v1/tickets/:id': {
    tag: 'Tickets and scans',
    access: 'secretKey',
    sdk: 'tickets.retrieve',
    summary: 'Read a ticket',
    params: { id: ticketIdParam },
    responses: { 200: { description: 'The Ticket.' } },
    errors: { 404: ['ticket.not_found'] },
  },
};
