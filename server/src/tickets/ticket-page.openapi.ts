import { exampleOrder, exampleTicket } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { orderIdParam } from '../orders/orders.schema.ts';
import {
  TICKET_LINKS_SENT,
  ticketCodesSchema,
  ticketLinkQuery,
  ticketLinksBody,
  ticketLinksSentSchema,
} from './ticket-page.schema.ts';

const tag = 'Buyer pages';
const params = { orderId: orderIdParam };
const link = { params: { orderId: exampleOrder.id }, query: { token: 't1.k3m9q2x7w4z8c5v1' } };
const linkErrors = { 404: ['ticket_link.invalid' as const], 410: ['ticket_link.replaced' as const] };
const asset = (summary: string, contentType: string): RouteDocs[string] => ({
  tag,
  access: 'public',
  summary,
  responses: { 200: { description: 'The file.', contentType } },
  errors: { 404: ['route.not_found'] },
});

export const ticketPageDocs: RouteDocs = {
  'GET /tickets': {
    tag,
    access: 'public',
    summary: '"Lost your tickets?": a form that mails a fresh link to every order of an address',
    responses: { 200: { description: 'The page.', contentType: 'text/html' } },
  },
  'POST /tickets': {
    tag,
    access: 'public',
    summary: 'The form at /tickets, posted (application/x-www-form-urlencoded, field `email`)',
    description: 'Answers the same page whether or not the address has orders. Rate-limited per client.',
    errors: { 429: ['rate_limit.exceeded'] },
    responses: {
      200: { description: 'The page saying a link is on its way.', contentType: 'text/html' },
      400: { description: 'The form again, with what is wrong beside the field.', contentType: 'text/html' },
    },
  },
  'POST /v1/ticket-links': {
    tag,
    access: 'public',
    sdk: 'ticketLinks.create',
    summary: 'Mail a fresh ticket page link for every order bought with an email address',
    description:
      "What the widget's confirmation calls. Issues a new link per order (older links stop working) " +
      'and answers 202 the same whether or not the address has orders. Rate-limited per client; an ' +
      'address gets at most 3 such mails an hour.',
    body: ticketLinksBody,
    example: { body: { email: exampleOrder.buyerEmail } },
    responses: {
      202: {
        description: 'Taken: any links are on their way.',
        schema: ticketLinksSentSchema,
        example: TICKET_LINKS_SENT,
      },
    },
  },
  'GET /tickets/:orderId': {
    tag,
    access: 'public',
    summary: "The buyer's ticket page, behind the signed link every order mail carries",
    description:
      'Each ticket with its QR code and status (valid, scanned at …, void), the event and venue and ' +
      'an add-to-calendar link. Rotating codes refresh live; static ones keep showing offline once opened. ' +
      'A bad link answers a 404 page, a replaced one a 410 page, each with the lost-tickets form.',
    params,
    query: ticketLinkQuery,
    example: link,
    responses: {
      200: { description: 'The page.', contentType: 'text/html' },
      404: {
        description: 'The link is not one we issued (`ticket_link.invalid`): a page saying so.',
        contentType: 'text/html',
      },
      410: {
        description: 'A newer link replaced it (`ticket_link.replaced`): a page saying so.',
        contentType: 'text/html',
      },
    },
  },
  'GET /tickets/:orderId/codes': {
    tag,
    access: 'public',
    summary: "The ticket page's live codes and statuses",
    description:
      '`{ serverTime, windowSeconds, tickets: [{ id, status, statusText, qrSvg }] }`; never cached.',
    params,
    query: ticketLinkQuery,
    example: link,
    responses: {
      200: {
        description: 'The codes as of `serverTime`.',
        schema: ticketCodesSchema,
        example: {
          serverTime: '2026-09-12T18:40:12.000Z',
          windowSeconds: 30,
          tickets: [
            {
              id: exampleTicket.id,
              status: 'scanned',
              statusText: 'Scanned at Sat 12 Sep, 19:41',
              qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29">…</svg>',
            },
          ],
        },
      },
    },
    errors: linkErrors,
  },
  'GET /tickets/:orderId/calendar.ics': {
    tag,
    access: 'public',
    summary: 'The event as an iCalendar file, for the ticket page\'s "Add to calendar"',
    params,
    query: ticketLinkQuery,
    example: link,
    responses: { 200: { description: 'An iCalendar (RFC 5545) file.', contentType: 'text/calendar' } },
    errors: linkErrors,
  },
  'GET /tickets/assets/ticket-page.css': asset("The ticket pages' stylesheet", 'text/css'),
  'GET /tickets/assets/ticket-page.js': asset(
    "The ticket page's script (live codes, offline support)",
    'application/javascript',
  ),
  'GET /tickets/sw.js': asset(
    'The service worker that keeps opened ticket pages available offline',
    'application/javascript',
  ),
};
