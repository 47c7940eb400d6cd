import { describe, expect, it } from 'vitest';
import { orderView, ticketView as ticket } from '../../../test/order-views.ts';
import type { OrderView } from '../ticket-view.ts';
import { renderLinkProblemPage, renderTicketPage, ticketStatusText } from './ticket-page.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h29v29H0z"/></svg>';

/** The shared fixture, as this page's tests spell it: three tickets and the order's own links. */
function order(overrides: Partial<OrderView> = {}, event: Partial<OrderView['event']> = {}): OrderView {
  const base = orderView({ orderId: 'ord_0123456789abcdef' });
  return orderView({
    orderId: base.orderId,
    venue: { name: 'Village Underground', city: 'London', timezone: 'Europe/London' },
    total: '£36.00',
    tickets: [ticket('tkt_a'), ticket('tkt_b'), ticket('tkt_c')],
    ticketsUrl: 'https://api.example.com/tickets/ord_0123456789abcdef?token=t',
    calendarUrl: 'https://api.example.com/tickets/ord_0123456789abcdef/calendar.ics?token=t',
    ...overrides,
    event: { ...base.event, ...event },
  });
}

function render(view: OrderView, serverTime = new Date('2031-05-02T18:00:12Z')): string {
  const codes = new Map(view.tickets.map((t) => [t.id, SVG]));
  return renderTicketPage(view, {
    codes,
    serverTime,
    codesUrl: '/tickets/ord_0123456789abcdef/codes?token=t&x=1',
    windowSeconds: 30,
  });
}

/** The markup of one ticket's card. */
function card(html: string, label: string): string {
  const start = html.indexOf(`<section class="ticket" aria-label="${label}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('renderTicketPage', () => {
  it('lays out the order: title, doors, venue, seller, order id, total and the calendar link', () => {
    const html = render(order());
    expect(html).toContain('<h1 dir="auto">Mura Masa · UK tour</h1>');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<time datetime="2031-05-02T18:00:00.000Z">Saturday 2 May 2031, 19:00 BST</time>');
    expect(html).toContain('<bdi>Village Underground</bdi>, <bdi>London</bdi>');
    expect(html).toContain('Sold by <bdi>Night Owl Promotions</bdi>');
    expect(html).toContain('ord_0123456789abcdef');
    expect(html).toContain('£36.00');
    expect(html).not.toContain('Refunded');
    expect(html).toContain(
      'href="https://api.example.com/tickets/ord_0123456789abcdef/calendar.ics?token=t">Add to calendar</a>',
    );
    expect(html).toContain('<html lang="en">');
  });

  it('sets a long title smaller', () => {
    expect(render(order({}, { title: 'An Evening '.repeat(8) }))).toContain(
      '<h1 dir="auto" class="title-long">',
    );
  });

  it('escapes hostile titles, names and tiers', () => {
    const html = render(
      order(
        {
          promoterName: '<script>alert(1)</script>',
          venue: { name: '"><img src=x onerror=alert(1)>', city: 'Leeds', timezone: 'Europe/London' },
          tickets: [ticket('tkt_a', { tierName: '<b>VIP</b>' })],
        },
        { title: '<script>alert("title")</script>' },
      ),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>VIP');
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;VIP&lt;/b&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('isolates a right-to-left venue name from the text around it', () => {
    const html = render(order({ venue: { name: 'مسرح البلد', city: 'عمّان', timezone: 'Asia/Amman' } }));
    expect(html).toContain('<bdi>مسرح البلد</bdi>, <bdi>عمّان</bdi>');
  });

  it('gives each ticket a labelled card with a count, its tier, its id and a named code', () => {
    const html = render(order());
    for (const [index, id] of ['tkt_a', 'tkt_b', 'tkt_c'].entries()) {
      const markup = card(html, `Ticket ${index + 1} of 3`);
      expect(markup).toContain(`data-ticket-id="${id}"`);
      expect(markup).toContain(`<span class="ticket-count">Ticket ${index + 1} of 3</span>`);
      expect(markup).toContain('General admission');
      expect(markup).toContain(`<code class="id">${id}</code>`);
      expect(markup).toContain(
        `<div class="qr" role="img" aria-label="QR code for ticket ${id}" data-qr>${SVG}</div>`,
      );
    }
  });

  it('shows each status in words', () => {
    const html = render(
      order({
        status: 'partially_refunded',
        refunded: '£12.00',
        tickets: [
          ticket('tkt_a'),
          ticket('tkt_b', { status: 'scanned', scannedAtLocal: 'Sat 2 May, 20:14' }),
          ticket('tkt_c', { status: 'void' }),
        ],
      }),
    );
    expect(card(html, 'Ticket 1 of 3')).toContain('data-status="valid"');
    expect(card(html, 'Ticket 1 of 3')).toContain('<span data-status-text>Valid</span>');
    expect(card(html, 'Ticket 2 of 3')).toContain(
      '<span data-status-text>Scanned at Sat 2 May, 20:14</span>',
    );
    expect(card(html, 'Ticket 3 of 3')).toContain(
      '<span data-status-text>Void — no longer valid (refunded)</span>',
    );
    expect(html).toContain('<dt>Refunded</dt><dd>£12.00</dd>');
  });

  it('leaves a void ticket without its code, and says why', () => {
    const html = render(order({ tickets: [ticket('tkt_a'), ticket('tkt_void', { status: 'void' })] }));
    const voided = card(html, 'Ticket 2 of 2');
    expect(voided).not.toContain('data-qr');
    expect(voided).not.toContain('<svg');
    expect(voided).toContain(
      '<p class="void-note" data-void-note>No code: this ticket can\'t be used for entry.',
    );
    expect(card(html, 'Ticket 1 of 2')).toContain('<p class="void-note" data-void-note hidden>');
  });

  it('gives a static page its codes and the inputs of the status refresh', () => {
    const html = render(order());
    expect(html).toContain('data-rotating="false"');
    expect(html).toContain('data-server-time="2031-05-02T18:00:12.000Z"');
    expect(html).toContain('data-codes-url="/tickets/ord_0123456789abcdef/codes?token=t&amp;x=1"');
    expect(html).toContain('data-window-seconds="30"');
    expect(html).toContain('Show this code at the door');
    expect(html).not.toContain('data-refresh');
    expect(html).toContain('<script type="module" src="/tickets/assets/ticket-page.js"></script>');
  });

  it('gives a rotating page a countdown to the next window and says screenshots fail', () => {
    const html = render(order({}, { rotatingQr: true }), new Date('2031-05-02T18:00:12Z'));
    expect(html).toContain('data-rotating="true"');
    expect(html.match(/<span data-refresh-text>Refreshes in 18 s<\/span>/g)).toHaveLength(3);
    expect(html).toContain("This code changes every 30 seconds. Screenshots won't get you in.");
    expect(html).toContain('stroke-dashoffset="0.400"');
  });

  it('says a cancelled event is cancelled, and a test order is not valid for entry', () => {
    const html = render(order({ mode: 'test' }, { status: 'cancelled' }));
    expect(html).toContain('<strong>Test order</strong> — these tickets are not valid for entry');
    expect(html).toContain('<strong>This event has been cancelled.</strong>');
    expect(html).not.toContain('Add to calendar');
    const live = render(order());
    expect(live).not.toContain('Test order');
    expect(live).not.toContain('cancelled');
  });

  it('has a place to say it is offline, and no inline script or style for the CSP to refuse', () => {
    const html = render(order({}, { rotatingQr: true }));
    expect(html).toContain('role="status" data-offline-banner></div>');
    expect(html).not.toMatch(/<script>|<style|style="|\son[a-z]+=/);
  });
});

describe('ticketStatusText', () => {
  it('falls back to plain "Scanned" without a time', () => {
    expect(ticketStatusText({ status: 'scanned', scannedAtLocal: null })).toBe('Scanned');
  });
});

describe('renderLinkProblemPage', () => {
  it('says a replaced link was replaced, and offers the lookup form', () => {
    const html = renderLinkProblemPage('replaced');
    expect(html).toContain('<h1 id="problem-title">This link has been replaced</h1>');
    expect(html).toContain('<h2 id="lookup-title">Lost your tickets?</h2>');
    expect(html).toContain('<form class="lookup" method="post" action="/tickets">');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).not.toContain('ticket-page.js');
  });

  it("says a wrong link doesn't work", () => {
    const html = renderLinkProblemPage('invalid');
    expect(html).toContain('<h1 id="problem-title">This link doesn\'t work</h1>');
    expect(html).toContain('name="email"');
  });
});
