import { z } from 'zod';
import { utcInstant } from '../lib/dates.ts';
import { emailAddress } from '../lib/email.ts';

export const ticketLinkQuery = z.object({ token: z.string().max(200).default('') });

export const ticketLinksBody = z.object({ email: emailAddress });

export const ticketLinksSentSchema = z
  .object({ message: z.string().describe('For the buyer: the same whether or not the address has orders.') })
  .meta({ id: 'TicketLinksSent', description: 'The request is taken; any links are on their way.' });
export type TicketLinksSent = z.infer<typeof ticketLinksSentSchema>;

/** The one answer to a lost-tickets request, whether or not the address has orders. */
export const TICKET_LINKS_SENT: TicketLinksSent = {
  message:
    'If this address has bought tickets, a fresh link to each order is on its way; older links stop working.',
};

export const ticketCodesSchema = z
  .object({
    serverTime: utcInstant.describe('The codes are those of this moment.'),
    windowSeconds: z.number().int().min(1).describe('How long a rotating code lasts.'),
    tickets: z.array(
      z.object({
        id: z.string().describe('`tkt_…`'),
        status: z.enum(['valid', 'scanned', 'void']),
        statusText: z.string().describe('The status as the page says it: `Scanned at Sat 2 May, 20:14`.'),
        qrSvg: z.string().describe('The QR code as an SVG document.'),
      }),
    ),
  })
  .meta({ id: 'TicketCodes', description: "The ticket page's live codes and statuses." });
export type TicketCodes = z.infer<typeof ticketCodesSchema>;
