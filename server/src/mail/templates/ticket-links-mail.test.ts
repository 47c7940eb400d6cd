import { describe, expect, it } from 'vitest';
import { orderView, ticketView } from '../../../test/order-views.ts';
import { renderTicketLinksMail } from './ticket-links-mail.ts';

const lookupUrl = 'https://tickets.entryrate.example/tickets';

function order(id: string, doors: string, title: string) {
  const view = orderView({ orderId: id, ticketsUrl: `https://tickets.entryrate.example/t/${id}?token=new` });
  view.event = { ...view.event, title, doors };
  return view;
}

describe('renderTicketLinksMail', () => {
  const may = order('ord_may0000000000001', '2031-05-02T18:00:00Z', 'May show');
  const june = order('ord_june000000000001', '2031-06-14T17:30:00Z', 'June show');
  const july = order('ord_july000000000001', '2031-07-06T10:00:00Z', 'July show');
  july.tickets = [ticketView('tkt_one0000000000001'), ticketView('tkt_two0000000000001', { status: 'void' })];

  it('gives a fresh link for each order, latest event first', () => {
    const mail = renderTicketLinksMail([may, july, june], { lookupUrl });
    expect(mail.subject).toBe('Your EntryRate tickets');
    const at = (text: string, id: string) => text.indexOf(id);
    for (const part of [mail.text, mail.html]) {
      expect(at(part, 'ord_july')).toBeLessThan(at(part, 'ord_june'));
      expect(at(part, 'ord_june')).toBeLessThan(at(part, 'ord_may'));
    }
    for (const view of [may, june, july]) {
      expect(mail.text).toContain(`View your tickets:\n${view.ticketsUrl}\n`);
      expect(mail.html).toContain(`href="${view.ticketsUrl}"`);
      expect(mail.text).toContain(view.event.doorsLocal);
      expect(mail.text).toContain('O2 Academy Brixton, London');
    }
    expect(mail.text).toContain('Order ord_may0000000000001 · 3 tickets');
    expect(mail.text).toContain('Order ord_july000000000001 · 2 tickets (1 void)');
    expect(mail.text).toContain('Links we sent you before no longer work.');
    expect(mail.text).toContain(`\n${lookupUrl}\n`);
  });

  it('marks test orders, and the subject only when every order is a test', () => {
    const test = { ...may, mode: 'test' as const };
    expect(renderTicketLinksMail([test, june], { lookupUrl }).subject).toBe('Your EntryRate tickets');
    const allTest = renderTicketLinksMail([test], { lookupUrl });
    expect(allTest.subject).toBe('[TEST] Your EntryRate tickets');
    expect(allTest.text).toContain('Test order.');
  });

  it('escapes event titles', () => {
    const hostile = order('ord_x000000000000001', '2031-05-02T18:00:00Z', '</table><script>x</script>');
    const { html } = renderTicketLinksMail([hostile], { lookupUrl });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;/table&gt;&lt;script&gt;x&lt;/script&gt;');
  });
});
