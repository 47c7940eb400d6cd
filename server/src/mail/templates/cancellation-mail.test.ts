import { describe, expect, it } from 'vitest';
import { orderView, visibleText } from '../../../test/order-views.ts';
import { renderCancellationMail } from './cancellation-mail.ts';

const cancelled = (overrides: Parameters<typeof orderView>[0] = {}) => {
  const view = orderView(overrides);
  view.event.status = 'cancelled';
  return view;
};

describe('renderCancellationMail', () => {
  it('says the event is cancelled, in the subject and the body', () => {
    const mail = renderCancellationMail(cancelled());
    expect(mail.subject).toBe('Mura Masa · UK tour is cancelled');
    expect(mail.text).toContain('This event has been cancelled and will not go ahead.');
    expect(visibleText(mail.html)).toContain('This event has been cancelled and will not go ahead.');
    expect(mail.text).toContain('Saturday 2 May 2031, 19:00 BST');
    expect(mail.text).toContain(`View your order:\n${orderView().ticketsUrl}\n`);
  });

  it('promises nothing when no refund has been made', () => {
    const { text, html } = renderCancellationMail(cancelled());
    const said =
      "No refund has been made yet. Refunds are made by Night Owl Promotions; when one is made you'll get an email saying how much.";
    expect(text).toContain(said);
    expect(visibleText(html)).toContain(said);
  });

  it('says how much was refunded, and whether that is all of it', () => {
    expect(renderCancellationMail(cancelled({ status: 'refunded', refunded: '£72.00' })).text).toContain(
      "You've been refunded £72.00.",
    );
    expect(
      renderCancellationMail(cancelled({ status: 'partially_refunded', refunded: '£24.00' })).text,
    ).toContain("You've been refunded £24.00 so far.");
  });

  it('says no real money moved for a test order', () => {
    const mail = renderCancellationMail(cancelled({ mode: 'test', status: 'refunded', refunded: '£72.00' }));
    expect(mail.subject).toBe('[TEST] Mura Masa · UK tour is cancelled');
    expect(mail.text).toContain("You've been refunded £72.00. This was a test order: no real money moved.");
  });

  it('says nothing about refunds for free tickets', () => {
    const { text } = renderCancellationMail(cancelled({ total: 'Free' }));
    expect(text).not.toMatch(/refund/i);
  });
});
