import { describe, expect, it } from 'vitest';
import {
  rotatingKeyOf,
  signRotatingPayload,
  signTicketPayload,
  staticPublicKey,
  windowStartOf,
} from '../../server/src/tickets/qr.ts';
import { checkOffline, importDoorKeys, type Manifest } from './check.ts';

// The door's offline check against codes the server really makes: what the device is given (the
// manifest) must be enough to tell every kind of ticket apart, and a code of another event fails.

const SECRET = 'event-secret-of-tonight';
const manifestOf = (rotatingQr: boolean, secret = SECRET): Manifest => ({
  eventId: 'evt_tonight',
  title: 'Tonight',
  doors: '2027-05-02T19:00:00.000Z',
  rotatingQr,
  verification: {
    staticPublicKey: staticPublicKey(secret),
    rotatingKey: rotatingQr ? rotatingKeyOf(secret) : null,
    windowSeconds: 30,
  },
  tiers: [{ tierId: 'tier_ga', name: 'GA' }],
  tickets: [
    { id: 'tkt_valid', tierId: 'tier_ga', status: 'valid', admission: null },
    { id: 'tkt_refunded', tierId: 'tier_ga', status: 'void', admission: null },
    {
      id: 'tkt_scanned',
      tierId: 'tier_ga',
      status: 'valid',
      admission: { scanId: 'scn_1', scannedAt: '2027-05-02T20:14:00.000Z', gate: 'Gate 2' },
    },
  ],
  generatedAt: '2027-05-02T18:30:00.000Z',
});
const now = new Date('2027-05-02T20:30:07Z');
const none = new Map();

describe('checking a static code offline', () => {
  const manifest = manifestOf(false);
  const check = async (payload: string, admitted = none) =>
    checkOffline(manifest, await importDoorKeys(manifest), payload, now, admitted);

  it('leaves a code from before signatures to the server, which alone can check it', async () => {
    expect(await check('tkt_valid.AbCdEfGhIjKlMnOpQrStUv')).toMatchObject({
      valid: false,
      reason: 'needs_network',
      ticketId: 'tkt_valid',
    });
  });

  it('lets a valid ticket in, with its tier', async () => {
    expect(await check(signTicketPayload(SECRET, 'tkt_valid'))).toEqual({
      valid: true,
      ticketId: 'tkt_valid',
      tierId: 'tier_ga',
    });
  });

  it('says why not: refunded, scanned before (when and where), or scanned on this device', async () => {
    expect(await check(signTicketPayload(SECRET, 'tkt_refunded'))).toMatchObject({
      valid: false,
      reason: 'void',
    });
    expect(await check(signTicketPayload(SECRET, 'tkt_scanned'))).toMatchObject({
      valid: false,
      reason: 'already_scanned',
      admission: { gate: 'Gate 2', scannedAt: '2027-05-02T20:14:00.000Z' },
    });
    const here = new Map([['tkt_valid', { scanId: 'x', scannedAt: now.toISOString(), gate: 'Side door' }]]);
    expect(await check(signTicketPayload(SECRET, 'tkt_valid'), here)).toMatchObject({
      reason: 'already_scanned',
      admission: { gate: 'Side door' },
    });
  });

  it('refuses a code another event signed, or one that was altered, or not a ticket at all', async () => {
    expect(await check(signTicketPayload('another-event', 'tkt_valid'))).toMatchObject({ reason: 'forged' });
    const genuine = signTicketPayload(SECRET, 'tkt_valid');
    const altered = `${genuine.slice(0, -2)}${genuine.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await check(altered)).toMatchObject({ reason: 'forged' });
    expect(await check(signTicketPayload(SECRET, 'tkt_elsewhere'))).toMatchObject({ reason: 'not_found' });
    expect(await check('https://example.com/not-a-ticket')).toMatchObject({ reason: 'forged' });
  });
});

describe('checking a rotating code offline', () => {
  const manifest = manifestOf(true);
  const check = async (payload: string, at = now) =>
    checkOffline(manifest, await importDoorKeys(manifest), payload, at, none);
  const window = windowStartOf(now);

  it('accepts this window and one either side, and calls an older one a screenshot', async () => {
    expect(await check(signRotatingPayload(SECRET, 'tkt_valid', window))).toMatchObject({ valid: true });
    expect(await check(signRotatingPayload(SECRET, 'tkt_valid', window - 30))).toMatchObject({ valid: true });
    expect(await check(signRotatingPayload(SECRET, 'tkt_valid', window - 90))).toMatchObject({
      reason: 'expired_window',
    });
  });

  it('refuses a static code of a rotating event, and another event’s rotating code', async () => {
    expect(await check(signTicketPayload(SECRET, 'tkt_valid'))).toMatchObject({ reason: 'forged' });
    expect(await check(signRotatingPayload('another-event', 'tkt_valid', window))).toMatchObject({
      reason: 'forged',
    });
  });
});
