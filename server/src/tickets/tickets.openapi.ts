import { exampleTicket } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { ticketSchema } from './tickets.mapper.ts';
import { ticketIdParam } from './tickets.schema.ts';

export const ticketsDocs: RouteDocs = {
  'GET /v1/tickets/:id': {
    tag: 'Tickets and scans',
    access: 'secretKey',
    permission: 'tickets.read',
    sdk: 'tickets.retrieve',
    summary: 'Read a ticket',
    params: { id: ticketIdParam },
    example: { params: { id: exampleTicket.id } },
    responses: { 200: { description: 'The Ticket.', schema: ticketSchema, example: exampleTicket } },
    errors: { 404: ['ticket.not_found'] },
  },
};
