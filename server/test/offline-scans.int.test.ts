import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import type { TestServer } from './harness.ts';
import { buyOrder, liveEvent } from './paid-orders.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

// Scans made without a network and uploaded later: each carries the device's own id for it, so a
// re-upload never counts twice, and the server settles two devices that let the same ticket in:
// the earliest scan is the admission, the other is reported as its duplicate with both times and gates.

let stack: PaidStack;
let server: TestServer;
let promoter: ReturnType<typeof api>;
let eventId: string;

beforeAll(async () => {
  stack = await startPaidStack();
  server = stack.server;
  promoter = api(server.url);
  eventId = await liveEvent(server.url, { title: 'Offline night' });
});
afterAll(() => stack?.stop());

const aTicket = async () =>
  (await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 1 }] })).tickets[0] as {
    id: string;
    qrPayload: string;
  };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const upload = (payload: string, scan: { scanId?: string; scannedAt?: string; gate?: string }) =>
  promoter.post('/v1/scans', { payload, ...scan });
const admissions = async (ticketId: string) =>
  server.db.selectFrom('scans').selectAll().where('ticket_id', '=', ticketId).execute();

describe('a scan uploaded again', () => {
  it('is the same scan: the same answer, one admission, one attempt', async () => {
    const ticket = await aTicket();
    const scan = { scanId: randomUUID(), scannedAt: minutesAgo(10), gate: 'Gate 2' };
    const first = await upload(ticket.qrPayload, scan);
    const again = await upload(ticket.qrPayload, scan);
    expect(first.body).toMatchObject({
      valid: true,
      scan: { scanId: scan.scanId, gate: 'Gate 2' },
      displaced: null,
    });
    expect(first.body.scan.scannedAt).toBe(new Date(scan.scannedAt).toISOString());
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ valid: true, scan: first.body.scan, admission: first.body.scan });
    expect(await admissions(ticket.id)).toHaveLength(1);
    const attempts = await server.db
      .selectFrom('scan_attempts')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(attempts).toHaveLength(1);
    const door = await promoter.get(`/v1/events/${eventId}/door`);
    expect(door.body.totals.scanned).toBeGreaterThanOrEqual(1);
  });

  it('stores no Idempotency-Key for it: the scan id already makes a repeat the same scan', async () => {
    const ticket = await aTicket();
    const body = { payload: ticket.qrPayload, scanId: randomUUID(), gate: 'Gate 5' };
    const count = async () =>
      Number(
        (
          await server.db
            .selectFrom('idempotency_keys')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const first = await promoter.post('/v1/scans', body, { idempotencyKey: `door-${body.scanId}` });
    const again = await promoter.post('/v1/scans', body, { idempotencyKey: `door-${body.scanId}` });
    expect(first.body).toMatchObject({ valid: true, scan: { scanId: body.scanId } });
    expect(again.body).toMatchObject({ valid: true, scan: { scanId: body.scanId } });
    expect(await count()).toBe(before);
  });

  it('under another ticket is refused with 409, naming the scan id', async () => {
    const [one, two] = [await aTicket(), await aTicket()];
    const scanId = randomUUID();
    expect((await upload(one.qrPayload, { scanId })).body.valid).toBe(true);
    const reused = await upload(two.qrPayload, { scanId });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toMatchObject({ code: 'scan.id_reused', param: 'scanId' });
    expect(await admissions(two.id)).toHaveLength(0);
  });
});

describe('two devices that scanned the same ticket offline', () => {
  it('admit it once: the earlier scan wins even when it is uploaded last, and the other is its duplicate', async () => {
    const ticket = await aTicket();
    const gate2 = { scanId: randomUUID(), scannedAt: minutesAgo(20), gate: 'Gate 2' };
    const gate1 = { scanId: randomUUID(), scannedAt: minutesAgo(18), gate: 'Gate 1' };

    // Gate 1 comes back online first: its later scan is the admission for now.
    const later = await upload(ticket.qrPayload, gate1);
    expect(later.body).toMatchObject({ valid: true, admission: { gate: 'Gate 1' } });
    // Gate 2's earlier scan arrives: it is the admission, and Gate 1's is the duplicate.
    const earlier = await upload(ticket.qrPayload, gate2);
    expect(earlier.body).toMatchObject({
      valid: true,
      admission: { scanId: gate2.scanId, gate: 'Gate 2' },
      displaced: { scanId: gate1.scanId, gate: 'Gate 1', scannedAt: new Date(gate1.scannedAt).toISOString() },
      scannedAt: new Date(gate2.scannedAt).toISOString(),
    });
    // Gate 1 syncing again now hears that its scan was a duplicate of Gate 2's, with both times and gates.
    const resync = await upload(ticket.qrPayload, gate1);
    expect(resync.body).toMatchObject({
      valid: false,
      reason: 'already_scanned',
      scan: { scanId: gate1.scanId, gate: 'Gate 1', scannedAt: new Date(gate1.scannedAt).toISOString() },
      admission: { scanId: gate2.scanId, gate: 'Gate 2', scannedAt: new Date(gate2.scannedAt).toISOString() },
    });
    const rows = await admissions(ticket.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: gate2.scanId, gate: 'Gate 2' });
  });

  it('in time order: the second upload is the duplicate of the first, and a live scan after both is too', async () => {
    const ticket = await aTicket();
    const first = { scanId: randomUUID(), scannedAt: minutesAgo(30), gate: 'Main door' };
    const second = { scanId: randomUUID(), scannedAt: minutesAgo(29), gate: 'Side door' };
    expect((await upload(ticket.qrPayload, first)).body.valid).toBe(true);
    const duplicate = await upload(ticket.qrPayload, second);
    expect(duplicate.body).toMatchObject({
      valid: false,
      reason: 'already_scanned',
      scan: { gate: 'Side door' },
      admission: { gate: 'Main door', scanId: first.scanId },
      displaced: null,
    });
    const live = await upload(ticket.qrPayload, { gate: 'Main door' });
    expect(live.body).toMatchObject({
      valid: false,
      reason: 'already_scanned',
      admission: { scanId: first.scanId },
    });
  });

  it('never lets a live scan displace an admission: only a scan made offline carries its own time', async () => {
    const ticket = await aTicket();
    const live = await upload(ticket.qrPayload, { gate: 'Gate 3' });
    expect(live.body.valid).toBe(true);
    const again = await upload(ticket.qrPayload, { gate: 'Gate 4' });
    expect(again.body).toMatchObject({
      valid: false,
      reason: 'already_scanned',
      admission: { gate: 'Gate 3' },
    });
  });
});

describe('scan times', () => {
  it('refuses a time ahead of the server or more than a week old, naming the field', async () => {
    const ticket = await aTicket();
    const ahead = await upload(ticket.qrPayload, {
      scannedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error.param).toBe('scannedAt');
    const old = await upload(ticket.qrPayload, { scannedAt: minutesAgo(8 * 24 * 60) });
    expect(old.status).toBe(400);
    expect(old.body.error.param).toBe('scannedAt');
    const badId = await upload(ticket.qrPayload, { scanId: 'short' });
    expect(badId.body.error.param).toBe('scanId');
    expect(await admissions(ticket.id)).toHaveLength(0);
  });
});
