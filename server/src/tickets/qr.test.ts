import { createHmac, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkPayload,
  currentPayload,
  parsePayload,
  signRotatingPayload,
  signTicketPayload,
  staticPublicKey,
  windowStartOf,
} from './qr.ts';

describe('signTicketPayload', () => {
  const staticQr = (eventSecret: string, ticketId = 'tkt_1') => ({ ticketId, eventSecret, rotating: false });
  const check = (qr: ReturnType<typeof staticQr>, payload: string) => {
    const parsed = parsePayload(payload);
    return parsed ? checkPayload(qr, parsed, new Date()) : 'malformed';
  };

  it('binds the payload to the ticket and the event secret, with an Ed25519 signature', () => {
    const a = signTicketPayload('secret-a', 'tkt_1');
    expect(a).toMatch(/^tkt_1\.[\w-]{86}$/);
    expect(signTicketPayload('secret-a', 'tkt_1')).toBe(a);
    expect(signTicketPayload('secret-b', 'tkt_1')).not.toBe(a);
    expect(signTicketPayload('secret-a', 'tkt_2').split('.')[1]).not.toBe(a.split('.')[1]);
    expect(check(staticQr('secret-a'), a)).toBe('ok');
    expect(check(staticQr('secret-b'), a)).toBe('forged');
    expect(check(staticQr('secret-a', 'tkt_2'), a.replace('tkt_1', 'tkt_2'))).toBe('forged');
  });

  it('is checked with the public key alone, which cannot sign', () => {
    const payload = signTicketPayload('secret-a', 'tkt_1');
    const [ticketId, signature] = payload.split('.') as [string, string];
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: staticPublicKey('secret-a') },
      format: 'jwk',
    });
    expect(verify(null, Buffer.from(ticketId), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
    expect(verify(null, Buffer.from('tkt_2'), publicKey, Buffer.from(signature, 'base64url'))).toBe(false);
    expect(() => sign(null, Buffer.from('tkt_2'), publicKey)).toThrow();
    expect(staticPublicKey('secret-a')).not.toBe(staticPublicKey('secret-b'));
  });

  it('still accepts the HMAC codes of tickets issued before signatures', () => {
    const legacy = `tkt_1.${createHmac('sha256', 'secret-a').update('tkt_1').digest('base64url').slice(0, 22)}`;
    expect(check(staticQr('secret-a'), legacy)).toBe('ok');
    expect(check(staticQr('secret-b'), legacy)).toBe('forged');
  });
});

describe('rotating payloads', () => {
  // 2026-11-23T18:10:07Z: 7 s into a 30-second window.
  const now = new Date(Date.UTC(2026, 10, 23, 18, 10, 7));
  const window = Math.floor(now.getTime() / 1000) - 7;
  const rotating = { ticketId: 'tkt_abc', eventSecret: 'secret', rotating: true };
  const check = (payload: string, at = now) => {
    const parsed = parsePayload(payload);
    return parsed ? checkPayload(rotating, parsed, at) : 'malformed';
  };

  it('starts windows on multiples of 30 seconds', () => {
    expect(windowStartOf(now)).toBe(window);
    expect(windowStartOf(new Date(window * 1000))).toBe(window);
    expect(windowStartOf(new Date(window * 1000 - 1))).toBe(window - 30);
  });

  it('signs ticketId.windowStart and changes with the window', () => {
    const payload = currentPayload(rotating, now);
    expect(payload).toMatch(new RegExp(`^tkt_abc\\.${window}\\.[\\w-]{22}$`));
    expect(currentPayload(rotating, new Date(now.getTime() + 30_000))).not.toBe(payload);
    expect(parsePayload(payload)).toEqual({
      ticketId: 'tkt_abc',
      windowStart: window,
      mac: expect.any(String),
    });
  });

  it('accepts one window of skew either side and no more', () => {
    for (const offset of [-30, 0, 30]) {
      expect(check(signRotatingPayload('secret', 'tkt_abc', window + offset))).toBe('ok');
    }
    for (const offset of [-60, 60, -3600]) {
      expect(check(signRotatingPayload('secret', 'tkt_abc', window + offset))).toBe('expired_window');
    }
  });

  it('calls a changed window, ticket, secret or signature forged', () => {
    const good = signRotatingPayload('secret', 'tkt_abc', window);
    const mac = good.split('.')[2] as string;
    expect(check(`tkt_abc.${window + 30}.${mac}`)).toBe('forged');
    expect(check(signRotatingPayload('other-secret', 'tkt_abc', window))).toBe('forged');
    expect(check(`tkt_abc.${window}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBe('forged');
    const otherTicket = parsePayload(signRotatingPayload('secret', 'tkt_xyz', window));
    expect(otherTicket && checkPayload(rotating, otherTicket, now)).toBe('forged');
  });

  it('refuses a static payload for a rotating event, and the other way round', () => {
    expect(check(signTicketPayload('secret', 'tkt_abc'))).toBe('forged');
    const parsed = parsePayload(signRotatingPayload('secret', 'tkt_abc', window));
    expect(parsed && checkPayload({ ...rotating, rotating: false }, parsed, now)).toBe('forged');
  });

  it('reads nothing else as a payload', () => {
    for (const junk of [
      '',
      'tkt_abc',
      'tkt_abc.',
      'nope.AAAAAAAAAAAAAAAAAAAAAA',
      'tkt_abc.12.34.x',
      'x'.repeat(500),
    ]) {
      expect(parsePayload(junk)).toBeNull();
    }
  });
});
