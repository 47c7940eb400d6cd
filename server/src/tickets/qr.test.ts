import { describe, expect, it } from 'vitest';
import { signTicketPayload } from './qr.ts';

describe('signTicketPayload', () => {
  it('binds the payload to the ticket and the event secret', () => {
    const a = signTicketPayload('secret-a', 'tkt_1');
    expect(a).toMatch(/^tkt_1\.[\w-]{22}$/);
    expect(signTicketPayload('secret-a', 'tkt_1')).toBe(a);
    expect(signTicketPayload('secret-b', 'tkt_1')).not.toBe(a);
    expect(signTicketPayload('secret-a', 'tkt_2').split('.')[1]).not.toBe(a.split('.')[1]);
  });
});
