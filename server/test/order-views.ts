import type { OrderView, TicketView } from '../src/tickets/ticket-view.ts';

/** A ticket of a static-code event, valid unless `overrides` say otherwise. */
export function ticketView(id: string, overrides: Partial<TicketView> = {}): TicketView {
  return {
    id,
    tierName: 'General admission',
    status: 'valid',
    scannedAtLocal: null,
    qrPayload: `${id}.AAAAAAAAAAAAAAAAAAAAAA`,
    ...overrides,
  };
}

/** A paid live order of three valid tickets for a static-code event, as the mails and the ticket page get it. */
export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 'ord_3k9x2m7qp0a1b2c3',
    mode: 'live',
    status: 'paid',
    promoterName: 'Night Owl Promotions',
    buyerEmail: 'sam@example.com',
    event: {
      title: 'Mura Masa · UK tour',
      status: 'live',
      doors: '2031-05-02T18:00:00.000Z',
      doorsLocal: 'Saturday 2 May 2031, 19:00 BST',
      rotatingQr: false,
    },
    venue: { name: 'O2 Academy Brixton', city: 'London', timezone: 'Europe/London' },
    total: '£72.00',
    refunded: null,
    tickets: [
      ticketView('tkt_aaaaaaaaaaaaaaa1'),
      ticketView('tkt_aaaaaaaaaaaaaaa2'),
      ticketView('tkt_aaaaaaaaaaaaaaa3'),
    ],
    ticketsUrl: 'https://tickets.entryrate.example/t/ord_3k9x2m7qp0a1b2c3?token=abc',
    calendarUrl: 'https://tickets.entryrate.example/t/ord_3k9x2m7qp0a1b2c3/event.ics?token=abc',
    ...overrides,
  };
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

/** What a reader sees of a mail's HTML, roughly: the body without tags, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>|<div style="display:none[\s\S]*?<\/div>/g, '');
  return body
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] as string)
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/ ([.,;:)])/g, '$1')
    .trim();
}
