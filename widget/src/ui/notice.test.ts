import { describe, expect, it } from 'vitest';
import { endedNotice } from './Notice';

describe('endedNotice', () => {
  it('says the hold expired, and that nothing was charged', () => {
    expect(endedNotice({ status: 'expired', paymentStatus: 'unpaid' }, false)).toEqual({
      title: 'Your hold expired',
      text: 'Your tickets were held for a limited time and have been released. You have not been charged.',
    });
  });

  it('says a cancelled checkout was cancelled', () => {
    expect(endedNotice({ status: 'cancelled', paymentStatus: 'unpaid' }, false)).toEqual({
      title: 'This checkout was cancelled',
      text: 'Your tickets were released. You have not been charged.',
    });
  });

  it('does not promise a buyer whose payment was under way that nothing was charged', () => {
    expect(endedNotice({ status: 'expired', paymentStatus: 'unpaid' }, true).text).toBe(
      'Your hold ended before the payment was confirmed. If you were charged, the payment is refunded automatically.',
    );
  });

  it('tells a buyer whose payment came too late that it is refunded', () => {
    expect(endedNotice({ status: 'expired', paymentStatus: 'refunded' }, true).text).toBe(
      'Your payment arrived after your tickets were released, so it has been refunded.',
    );
    expect(endedNotice({ status: 'expired', paymentStatus: 'refund_pending' }, true).text).toBe(
      'Your payment arrived after your tickets were released, so it is being refunded.',
    );
  });
});
