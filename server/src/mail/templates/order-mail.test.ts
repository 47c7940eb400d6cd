import { describe, expect, it } from 'vitest';
import { orderView, ticketView, visibleText } from '../../../test/order-views.ts';
import { renderOrderMail } from './order-mail.ts';

const images = (markup: string) =>
  [...markup.matchAll(/<img\b[^>]*>/g)].map(([tag]) => ({
    src: /\ssrc="([^"]*)"/.exec(tag)?.[1],
    alt: /\salt="([^"]*)"/.exec(tag)?.[1],
  }));

const live = { resent: false };

describe('renderOrderMail', () => {
  it('puts every ticket of the order in the mail, each with its own inline QR code', async () => {
    const view = orderView();
    const mail = await renderOrderMail(view, live);
    const codes = mail.attachments.filter((a) => a.cid);
    expect(codes).toHaveLength(3);
    expect(new Set(codes.map((a) => a.cid)).size).toBe(3);
    for (const ticket of view.tickets) {
      const cid = `qr-${ticket.id}@entryrate`;
      const code = codes.find((a) => a.cid === cid);
      expect(code).toMatchObject({ filename: `ticket-${ticket.id}.png`, contentType: 'image/png' });
      expect(
        Buffer.from(code?.content ?? '')
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      expect(images(mail.html)).toContainEqual({ src: `cid:${cid}`, alt: `QR code for ticket ${ticket.id}` });
      expect(mail.html).toContain(ticket.id);
      expect(mail.text).toContain(`Ticket ${ticket.id}`);
      expect(mail.text).toContain(`ticket-${ticket.id}.png`);
    }
    expect(images(mail.html)).toHaveLength(3);
  });

  it('shows no code for a rotating event, only the ticket page and why', async () => {
    const view = orderView();
    view.event.rotatingQr = true;
    const mail = await renderOrderMail(view, live);
    const reason =
      'Your code changes every 30 seconds, so it is only shown on your ticket page — a screenshot will not get you in.';
    expect(mail.attachments.map((a) => a.filename)).toEqual(['event.ics']);
    expect(images(mail.html)).toEqual([]);
    expect(mail.html).not.toContain('cid:');
    expect(visibleText(mail.html)).toContain(reason);
    expect(mail.text).toContain(reason);
    for (const ticket of view.tickets) expect(mail.text).toContain(ticket.id);
  });

  it('lists a void ticket as void, without its code', async () => {
    const view = orderView({
      tickets: [
        ticketView('tkt_valid000000001'),
        ticketView('tkt_void0000000001', { status: 'void', tierName: 'Early bird' }),
      ],
    });
    const mail = await renderOrderMail(view, live);
    expect(mail.attachments.filter((a) => a.cid).map((a) => a.cid)).toEqual([
      'qr-tkt_valid000000001@entryrate',
    ]);
    expect(mail.html).not.toContain('cid:qr-tkt_void0000000001');
    expect(mail.html).toContain('tkt_void0000000001');
    expect(visibleText(mail.html)).toContain(
      'Early bird Ticket 2 of 2 · tkt_void0000000001 Void: this ticket no longer gets anyone in.',
    );
    expect(mail.text).toMatch(
      /2\. Early bird\n {3}Ticket tkt_void0000000001\n {3}Void: this ticket no longer gets anyone in\./,
    );
  });

  it('escapes a hostile title and keeps a right-to-left venue name as it was typed', async () => {
    const view = orderView({
      venue: { name: 'مسرح الحمراء', city: 'Manchester', timezone: 'Europe/London' },
    });
    view.event.title = '<script>alert(1)</script>';
    const mail = await renderOrderMail(view, live);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('<span dir="auto">مسرح الحمراء</span>');
    expect(mail.subject).toBe('Your tickets for <script>alert(1)</script>');
    expect(mail.text).toContain('<script>alert(1)</script>\nمسرح الحمراء, Manchester\n');
  });

  it('names the event in the subject, says when it is sent again, and marks test orders', async () => {
    expect((await renderOrderMail(orderView(), live)).subject).toBe('Your tickets for Mura Masa · UK tour');
    expect((await renderOrderMail(orderView(), { resent: true })).subject).toBe(
      'Your tickets for Mura Masa · UK tour (sent again)',
    );
    const test = await renderOrderMail(orderView({ mode: 'test' }), { resent: true });
    expect(test.subject).toBe('[TEST] Your tickets for Mura Masa · UK tour (sent again)');
    expect(test.text).toContain('This is a test order: no real money moved.');
  });

  it('gives the event, the ticket page, the money, the seller and the way back to the tickets', async () => {
    const view = orderView({ status: 'partially_refunded', refunded: '£24.00' });
    const mail = await renderOrderMail(view, live);
    for (const fact of [
      'O2 Academy Brixton',
      'London',
      'Saturday 2 May 2031, 19:00 BST',
      'ord_3k9x2m7qp0a1b2c3',
      '£72.00',
      '£24.00',
    ]) {
      expect(visibleText(mail.html)).toContain(fact);
      expect(mail.text).toContain(fact);
    }
    expect(mail.html).toContain(`href="${view.ticketsUrl}"`);
    expect(mail.html).toContain('View your tickets');
    expect(mail.text).toContain(`View your tickets:\n${view.ticketsUrl}\n`);
    expect(mail.text).toContain('Sold by Night Owl Promotions.');
    expect(visibleText(mail.html)).toContain('Sold by Night Owl Promotions.');
    expect(mail.text).toContain('\nhttps://tickets.entryrate.example/tickets\n');
    expect(mail.html).toContain('href="https://tickets.entryrate.example/tickets"');
  });

  it('is a well-behaved mail document with no external resources', async () => {
    const { html } = await renderOrderMail(orderView(), live);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en"/);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).not.toMatch(/<(link|script)\b|src="https?:|url\(/);
  });

  it('attaches the event as a calendar file', async () => {
    const mail = await renderOrderMail(orderView(), live);
    const ics = mail.attachments.find((a) => a.filename === 'event.ics');
    expect(ics?.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(ics?.content).toContain('UID:ord_3k9x2m7qp0a1b2c3@entryrate\r\n');
  });
});
