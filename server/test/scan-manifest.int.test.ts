import { createHmac, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowStartOf } from '../src/tickets/qr.ts';
import { api } from './api.ts';
import type { TestServer } from './harness.ts';
import { buyOrder, liveEvent } from './paid-orders.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

// What a door device downloads before doors: every ticket with its admission, and keys that check
// codes with no network but can make no code of an event the device was not given.

let stack: PaidStack;
let server: TestServer;
let promoter: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startPaidStack();
  server = stack.server;
  promoter = api(server.url);
});
afterAll(() => stack?.stop());

const scannerFor = async (eventIds: string[]) =>
  (await promoter.post('/v1/api-keys', { kind: 'scanner', eventIds })).body.secret as string;

describe('the scan manifest', () => {
  it('lists every ticket with its status and admission, and checks static codes with a public key only', async () => {
    const eventId = await liveEvent(server.url, { title: 'Manifest night' });
    const kept = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 2 }] });
    const refunded = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 1 }] });
    expect((await promoter.post(`/v1/orders/${refunded.orderId}/refund`, {})).status).toBe(200);
    const key = await scannerFor([eventId]);
    const scanned = kept.tickets[0] as { id: string; qrPayload: string };
    await promoter.post('/v1/scans', { payload: scanned.qrPayload, gate: 'Gate 1' }, { key });

    const res = await promoter.get(`/v1/events/${eventId}/scan-manifest`, { key });
    expect(res.status).toBe(200);
    const manifest = res.body;
    expect(manifest.tickets).toHaveLength(3);
    const byId = new Map(manifest.tickets.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(scanned.id)).toMatchObject({ status: 'valid', admission: { gate: 'Gate 1' } });
    expect(byId.get(kept.tickets[1]?.id)).toMatchObject({ status: 'valid', admission: null });
    expect(byId.get(refunded.tickets[0]?.id)).toMatchObject({ status: 'void' });
    expect(manifest.verification).toMatchObject({ rotatingKey: null, windowSeconds: 30 });

    // A device verifies a ticket's code with the public key, and a code for another ticket fails.
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: manifest.verification.staticPublicKey },
      format: 'jwk',
    });
    const [ticketId, signature] = scanned.qrPayload.split('.') as [string, string];
    expect(verify(null, Buffer.from(ticketId), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
    const other = kept.tickets[1]?.id as string;
    expect(verify(null, Buffer.from(other), publicKey, Buffer.from(signature, 'base64url'))).toBe(false);
    // Nothing in it is the event's secret.
    const { qr_secret } = await server.db
      .selectFrom('events')
      .select('qr_secret')
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(manifest)).not.toContain(qr_secret);
  });

  it("gives a rotating event's key, which makes that event's current codes", async () => {
    const eventId = await liveEvent(server.url, { title: 'Rotating night', rotatingQr: true });
    const order = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 1 }] });
    const key = await scannerFor([eventId]);
    const manifest = (await promoter.get(`/v1/events/${eventId}/scan-manifest`, { key })).body;
    expect(manifest.rotatingQr).toBe(true);
    const ticketId = order.tickets[0]?.id as string;
    const current = (await promoter.get(`/v1/tickets/${ticketId}`)).body.qrPayload as string;
    const [, start, mac] = current.split('.') as [string, string, string];
    expect(Math.abs(Number(start) - windowStartOf(new Date()))).toBeLessThanOrEqual(30);
    const made = createHmac('sha256', manifest.verification.rotatingKey)
      .update(`${ticketId}.${start}`)
      .digest('base64url')
      .slice(0, 22);
    expect(made).toBe(mac);
  });

  it("is for whoever scans that event: another event is a 404 to a scanner key, and the promoter's own key reads it", async () => {
    const mine = await liveEvent(server.url, { title: 'Mine' });
    const other = await liveEvent(server.url, { title: 'Not given' });
    const key = await scannerFor([mine]);
    expect((await promoter.get(`/v1/events/${other}/scan-manifest`, { key })).status).toBe(404);
    expect((await promoter.get(`/v1/events/${mine}/scan-manifest`)).status).toBe(200);
  });
});
