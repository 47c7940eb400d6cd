import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import type { TestServer } from './harness.ts';
import { buyOrder, liveEvent, otherPromoter, type PaidOrder } from './paid-orders.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

// A door device holds a scanner key: it scans and reads door counts, for the events it was given,
// and every other route refuses it. Whoever finds one on a lost phone can do no more than that.

let stack: PaidStack;
let server: TestServer;
let promoter: ReturnType<typeof api>;
let tonight: string;
let tomorrow: string;
let sold: PaidOrder;

beforeAll(async () => {
  stack = await startPaidStack();
  server = stack.server;
  promoter = api(server.url);
  tonight = await liveEvent(server.url, { title: 'Tonight' });
  tomorrow = await liveEvent(server.url, { title: 'Tomorrow' });
  sold = await buyOrder(stack, { eventId: tonight, items: [{ tier: 'ga', quantity: 2 }] });
});
afterAll(() => stack?.stop());

const scannerFor = async (eventIds?: string[]) => {
  const res = await promoter.post('/v1/api-keys', {
    name: 'Gate 2 phone',
    kind: 'scanner',
    ...(eventIds ? { eventIds } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string; kind: string; eventIds: string[] | null };
};

describe('making a scanner key', () => {
  it('is er_scan_ in its mode, for the events named', async () => {
    const key = await scannerFor([tonight, tonight]);
    expect(key.secret).toMatch(/^er_scan_test_[0-9a-z]{32}$/);
    expect(key).toMatchObject({ kind: 'scanner', eventIds: [tonight] });
    const listed = (await promoter.get('/v1/api-keys?limit=100')).body.data.find(
      (k: { id: string }) => k.id === key.id,
    );
    expect(listed).toMatchObject({ kind: 'scanner', eventIds: [tonight] });
    expect(listed).not.toHaveProperty('secret');
  });

  it('refuses events that are not yours, naming the one', async () => {
    const rival = await otherPromoter(server.db);
    const theirs = await liveEvent(server.url, { key: rival.key, venueId: rival.venueId });
    const res = await promoter.post('/v1/api-keys', { kind: 'scanner', eventIds: [tonight, theirs] });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'event.not_found', param: 'eventIds[1]' });
  });

  it('refuses events on a key that is not a scanner key', async () => {
    const res = await promoter.post('/v1/api-keys', { kind: 'secret', eventIds: [tonight] });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('eventIds');
  });
});

describe('a scanner key at the door', () => {
  it('scans a ticket of its event', async () => {
    const key = await scannerFor([tonight]);
    const res = await promoter.post(
      '/v1/scans',
      { payload: sold.tickets[0]?.qrPayload },
      { key: key.secret },
    );
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
  });

  it("refuses a ticket of the promoter's other event as another event's, and records nothing", async () => {
    const key = await scannerFor([tomorrow]);
    const res = await promoter.post(
      '/v1/scans',
      { payload: sold.tickets[1]?.qrPayload },
      { key: key.secret },
    );
    expect(res.body).toMatchObject({ valid: false, reason: 'wrong_event' });
    const ticket = await promoter.get(`/v1/tickets/${sold.tickets[1]?.id}`);
    expect(ticket.body.scannedAt).toBeNull();
  });

  it('sees only its events and their door counts', async () => {
    const key = await scannerFor([tonight]);
    const list = await promoter.get('/v1/events?limit=100', { key: key.secret });
    expect(list.status).toBe(200);
    expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([tonight]);
    const own = await promoter.get(`/v1/events/${tonight}`, { key: key.secret });
    expect(own.status).toBe(200);
    expect(own.body.scans).toBeGreaterThanOrEqual(0);
    expect((await promoter.get(`/v1/events/${tomorrow}`, { key: key.secret })).status).toBe(404);
  });

  it('without events named, reaches every event of its promoter', async () => {
    const key = await scannerFor();
    expect(key.eventIds).toBeNull();
    const ids = (await promoter.get('/v1/events?limit=100', { key: key.secret })).body.data.map(
      (e: { id: string }) => e.id,
    );
    expect(ids).toEqual(expect.arrayContaining([tonight, tomorrow]));
  });

  it('is refused everything else with 403, saying what it is for', async () => {
    const key = await scannerFor([tonight]);
    const refund = await promoter.post(`/v1/orders/${sold.orderId}/refund`, {}, { key: key.secret });
    expect(refund.status).toBe(403);
    expect(refund.body.error.code).toBe('auth.forbidden');
    expect(refund.body.error.message).toMatch(/^A scanner key only scans tickets and reads door counts/);
    for (const path of [
      '/v1/orders',
      `/v1/orders/${sold.orderId}`,
      '/v1/api-keys',
      `/v1/events/${tonight}/stats`,
    ]) {
      expect((await promoter.get(path, { key: key.secret })).status, path).toBe(403);
    }
    expect((await promoter.post('/v1/api-keys', {}, { key: key.secret })).status).toBe(403);
  });

  it('stops working once revoked', async () => {
    const key = await scannerFor([tonight]);
    expect((await promoter.delete(`/v1/api-keys/${key.id}`)).status).toBe(200);
    const res = await promoter.get('/v1/events', { key: key.secret });
    expect(res.status).toBe(401);
  });
});

describe('door counts', () => {
  it('count tickets scanned in against tickets that may enter, per tier, and drop refunded ones', async () => {
    const eventId = await liveEvent(server.url, { title: 'Counted' });
    const paid = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 2 }] });
    const refunded = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 1 }] });
    const key = await scannerFor([eventId]);
    const before = await promoter.get(`/v1/events/${eventId}/door`, { key: key.secret });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ totals: { valid: 3, scanned: 0 }, lastScanAt: null });

    await promoter.post('/v1/scans', { payload: paid.tickets[0]?.qrPayload }, { key: key.secret });
    expect((await promoter.post(`/v1/orders/${refunded.orderId}/refund`, {})).status).toBe(200);
    const after = await promoter.get(`/v1/events/${eventId}/door`, { key: key.secret });
    expect(after.body.tiers).toEqual([
      { tierId: expect.stringMatching(/^tier_/), name: 'GA', valid: 2, scanned: 1 },
    ]);
    expect(after.body.totals).toEqual({ valid: 2, scanned: 1 });
    expect(Date.parse(after.body.lastScanAt)).not.toBeNaN();
    // Not its event: as if it did not exist.
    expect((await promoter.get(`/v1/events/${tonight}/door`, { key: key.secret })).status).toBe(404);
  });
});
