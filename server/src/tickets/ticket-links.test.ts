import { describe, expect, it } from 'vitest';
import { checkTicketLink, ticketLinks, ticketLinkToken } from './ticket-links.ts';

const order = { id: 'ord_abc', ticket_link_key: 'k'.repeat(64), ticket_link_version: 1 };

describe('ticket page links', () => {
  it('accepts the current link and tells a replaced one from a forged one', () => {
    const first = ticketLinkToken(order);
    expect(checkTicketLink(order, first)).toBe('ok');
    const reissued = { ...order, ticket_link_version: 2 };
    expect(checkTicketLink(reissued, first)).toBe('replaced');
    expect(checkTicketLink(reissued, ticketLinkToken(reissued))).toBe('ok');
  });

  it('refuses tokens of another order, another key, a future version or another shape', () => {
    const token = ticketLinkToken(order);
    expect(checkTicketLink({ ...order, id: 'ord_other' }, token)).toBe('invalid');
    expect(checkTicketLink({ ...order, ticket_link_key: 'x'.repeat(64) }, token)).toBe('invalid');
    const [, signature] = token.split('.');
    expect(checkTicketLink(order, `2.${signature}`)).toBe('invalid');
    for (const bad of ['', '1', '1.', `0.${signature}`, `${token}x`, `1.${'A'.repeat(31)}`]) {
      expect(checkTicketLink(order, bad)).toBe('invalid');
    }
  });

  it('builds the page and calendar URLs with the token escaped', () => {
    const links = ticketLinks('https://api.example.com', order);
    expect(links.ticketsUrl).toMatch(/^https:\/\/api\.example\.com\/tickets\/ord_abc\?token=1\.[\w-]{32}$/);
    expect(links.calendarUrl).toMatch(/\/tickets\/ord_abc\/calendar\.ics\?token=1\./);
  });
});
