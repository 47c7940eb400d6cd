import { describe, expect, it } from 'vitest';
import { orderView, ticketView, visibleText } from '../../../test/order-views.ts';
import { renderRefundMail } from './refund-mail.ts';

const CARD =
  "We've refunded £12.00 to the card you paid with. Refunds usually show on your statement within 5–10 working days.";

describe('renderRefundMail', () => {
  it('says where a full refund went and that the tickets no longer get anyone in', () => {
    const view = orderView({ status: 'refunded', refunded: '£72.00', total: '£72.00' });
    const mail = renderRefundMail(view, { amount: '£72.00', full: true });
    expect(mail.subject).toBe('Refund of £72.00 for Mura Masa · UK tour');
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("We've refunded £72.00 to the card you paid with.");
      expect(part).toContain('Your tickets are cancelled and no longer get anyone in.');
      expect(part).not.toContain('Refunded so far');
    }
    expect(mail.text).toContain(`View your order:\n${view.ticketsUrl}\n`);
    expect(mail.html).toContain(`href="${view.ticketsUrl}"`);
    expect(mail.attachments).toEqual([]);
  });

  it('says the tickets still work after a partial refund, with the total refunded so far', () => {
    const view = orderView({ status: 'partially_refunded', refunded: '£36.00' });
    const mail = renderRefundMail(view, { amount: '£12.00', full: false });
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain(CARD);
      expect(part).toContain('Your tickets still work as before.');
      expect(part).toContain('Refunded so far');
      expect(part).toContain('£36.00');
    }
    expect(mail.text).toContain('Refunded so far: £36.00');
  });

  it('names the tickets a partial refund left void', () => {
    const view = orderView({
      status: 'partially_refunded',
      refunded: '£12.00',
      tickets: [ticketView('tkt_kept000000000001'), ticketView('tkt_void000000000001', { status: 'void' })],
    });
    const { text } = renderRefundMail(view, { amount: '£12.00', full: false });
    expect(text).toContain(
      'This ticket is void and no longer gets anyone in: General admission (tkt_void000000000001). Your other tickets still work as before.',
    );
    expect(text).not.toContain('Refunded so far');
  });

  it('says no real money moved for a test order', () => {
    const mail = renderRefundMail(orderView({ mode: 'test', refunded: '£12.00' }), {
      amount: '£12.00',
      full: false,
    });
    expect(mail.subject).toBe('[TEST] Refund of £12.00 for Mura Masa · UK tour');
    expect(mail.text).toContain("We've refunded £12.00. This was a test order: no real money moved.");
    expect(mail.text).not.toContain('card');
  });

  it('escapes what the promoter typed', () => {
    const view = orderView({ promoterName: '<b>Owl</b>' });
    view.event.title = '<img src=x onerror=alert(1)>';
    const { html } = renderRefundMail(view, { amount: '£12.00', full: false });
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
