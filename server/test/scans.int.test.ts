import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/access/principal.ts';
import { ticketQrCode } from '../src/checkout/checkout.service.ts';
import type { WebhookEndpointsTable } from '../src/db/database.ts';
import { DEMO_TEST_KEY } from '../src/demo/seed.ts';
import { newId, randomToken } from '../src/lib/ids.ts';
import { findActiveKey } from '../src/promoters/promoters.store.ts';
import type { ScanResult } from '../src/scans/scans.mapper.ts';
import { scanTicket } from '../src/scans/scans.service.ts';
import { qrSvg } from '../src/tickets/qr-image.ts';
import { getTicket } from '../src/tickets/tickets.service.ts';
import { insertEndpoint } from '../src/webhooks/webhooks.store.ts';
import { api } from './api.ts';
import type { TestServer } from './harness.ts';
import { buyOrder, liveEvent, otherPromoter, type PaidOrder } from './paid-orders.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

let stack: PaidStack;
let server: TestServer;
let promoter: ReturnType<typeof api>;
let door: Principal;
let rival: { key: string; venueId: string };

beforeAll(async () => {
  stack = await startPaidStack();
  server = stack.server;
  promoter = api(server.url);
  const key = await findActiveKey(server.db, DEMO_TEST_KEY);
  if (!key) throw new Error('no demo key');
  door = key;
  rival = await otherPromoter(server.db);
});
afterAll(() => stack?.stop());

const scan = (payload: unknown, options: { eventId?: string; key?: string } = {}) =>
  promoter.post(
    '/v1/scans',
    { payload, ...(options.eventId ? { eventId: options.eventId } : {}) },
    options.key ? { key: options.key } : {},
  );
const order = async (quantity: number, rotatingQr = false): Promise<PaidOrder & { eventId: string }> => {
  const eventId = await liveEvent(server.url, { rotatingQr });
  return { eventId, ...(await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity }] })) };
};
/** The payload a ticket showed at `at`, as the API gave it then. */
const payloadAt = async (ticketId: string, at: Date) =>
  (await getTicket(server.db, door, ticketId, at)).qrPayload;
const ticketOf = (paid: PaidOrder, n = 0) => {
  const ticket = paid.tickets[n];
  if (!ticket) throw new Error(`no ticket ${n}`);
  return ticket;
};

describe('tickets', () => {
  it('reads a ticket with its order, event and scan time', async () => {
    const paid = await order(1);
    const ticket = ticketOf(paid);
    const res = await promoter.get(`/v1/tickets/${ticket.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: ticket.id,
      orderId: paid.orderId,
      eventId: paid.eventId,
      tierId: ticket.tierId,
      status: 'valid',
      qrPayload: ticket.qrPayload,
      scannedAt: null,
    });
    const scanned = await scan(ticket.qrPayload);
    expect((await promoter.get(`/v1/tickets/${ticket.id}`)).body.scannedAt).toBe(scanned.body.scannedAt);
  });

  it('hides another promoter’s tickets', async () => {
    const ticket = ticketOf(await order(1));
    const res = await promoter.get(`/v1/tickets/${ticket.id}`, { key: rival.key });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ticket.not_found');
  });
});

describe('scans', () => {
  it('accepts a ticket once, then answers already_scanned with the first time', async () => {
    const ticket = ticketOf(await order(1));
    const first = await scan(ticket.qrPayload);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      valid: true,
      ticket: expect.objectContaining({ id: ticket.id, status: 'valid', scannedAt: first.body.scannedAt }),
      scannedAt: expect.any(String),
      scan: { scanId: expect.stringMatching(/^scn_/), scannedAt: first.body.scannedAt, gate: null },
      admission: first.body.scan,
      displaced: null,
    });
    expect(Math.abs(Date.parse(first.body.scannedAt) - Date.now())).toBeLessThan(10_000);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await scan(ticket.qrPayload);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      valid: false,
      reason: 'already_scanned',
      scannedAt: first.body.scannedAt,
    });
    expect(second.body.ticket.scannedAt).toBe(first.body.scannedAt);
  });

  it('accepts exactly one of many doors scanning the same ticket at once', async () => {
    const ticket = ticketOf(await order(1));
    const results = await Promise.all(Array.from({ length: 12 }, () => scan(ticket.qrPayload)));
    const valid = results.filter((r) => r.body.valid);
    expect(valid).toHaveLength(1);
    const firstTime = valid[0]?.body.scannedAt;
    for (const r of results.filter((r) => !r.body.valid)) {
      expect(r.body).toMatchObject({ reason: 'already_scanned', scannedAt: firstTime });
    }
    const rows = await server.db.selectFrom('scans').selectAll().where('ticket_id', '=', ticket.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event_id: expect.stringMatching(/^evt_/), key_id: door.keyId });
  });

  it('refuses the tickets of a refunded order as void', async () => {
    const paid = await order(2);
    expect(
      (await promoter.post(`/v1/orders/${paid.orderId}/refund`, {}, { idempotencyKey: 'void-1' })).status,
    ).toBe(200);
    const res = await scan(ticketOf(paid, 1).qrPayload);
    expect(res.body).toMatchObject({
      valid: false,
      reason: 'void',
      ticket: { status: 'void' },
      scannedAt: null,
    });
  });

  it('calls a tampered or unreadable payload forged and shows no ticket', async () => {
    const ticket = ticketOf(await order(1));
    const [id, mac] = ticket.qrPayload.split('.') as [string, string];
    // The first character: all six of its bits are signature (the last one's low bits are padding).
    const flipped = `${id}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    for (const payload of [flipped, 'hello', `${id}.1800000000.${mac}`, `${ticket.qrPayload} `]) {
      const res = await scan(payload);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        valid: false,
        reason: 'forged',
        ticket: null,
        scannedAt: null,
        admission: null,
      });
    }
    // Nothing was recorded: the real payload still scans in.
    expect((await scan(ticket.qrPayload)).body.valid).toBe(true);
  });

  it('does not know another promoter’s tickets, nor ones that do not exist', async () => {
    const ticket = ticketOf(await order(1));
    const res = await scan(ticket.qrPayload, { key: rival.key });
    expect(res.body).toMatchObject({
      valid: false,
      reason: 'not_found',
      ticket: null,
      scannedAt: null,
      admission: null,
    });
    const unknown = await scan('tkt_doesnotexist0000.AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.body).toMatchObject({ valid: false, reason: 'not_found', ticket: null });
    // The rival's attempt recorded nothing.
    expect((await scan(ticket.qrPayload)).body.valid).toBe(true);
  });

  it('keeps a door to one event when it names it: another event’s ticket is wrong_event', async () => {
    const tonight = await order(1);
    const otherNight = await order(1);
    const wrong = await scan(ticketOf(otherNight).qrPayload, { eventId: tonight.eventId });
    expect(wrong.body).toMatchObject({
      valid: false,
      reason: 'wrong_event',
      ticket: { eventId: otherNight.eventId },
    });
    const right = await scan(ticketOf(tonight).qrPayload, { eventId: tonight.eventId });
    expect(right.body.valid).toBe(true);
    // The refused scan recorded nothing.
    expect((await scan(ticketOf(otherNight).qrPayload)).body.valid).toBe(true);
  });

  it('answers a bad body with 400, and needs a secret key', async () => {
    for (const body of [{}, { payload: 42 }, { payload: '' }, { payload: 'x'.repeat(301) }]) {
      const res = await promoter.post('/v1/scans', body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'request.invalid', param: 'payload' });
    }
    expect((await promoter.post('/v1/scans', { payload: 'x' }, { key: null })).status).toBe(401);
  });
});

describe('the scan.recorded webhook', () => {
  /** The outbox's scan.recorded events about one ticket, with their deliveries' endpoints. */
  const outboxOf = async (ticketId: string) => {
    const events = await server.db
      .selectFrom('webhook_events')
      .select(['id', 'promoter_id', 'mode', 'payload'])
      .where('type', '=', 'scan.recorded')
      .execute();
    const about = events.filter((e) => (e.payload as { data: ScanResult }).data.ticket?.id === ticketId);
    return Promise.all(
      about.map(async (e) => ({
        ...e,
        endpoints: (
          await server.db
            .selectFrom('webhook_deliveries')
            .select('endpoint_id')
            .where('event_id', '=', e.id)
            .execute()
        )
          .map((d) => d.endpoint_id)
          .sort(),
      })),
    );
  };
  const endpoint = (
    events: string[],
    fields: Partial<Insertable<WebhookEndpointsTable>> = {},
  ): Promise<{ id: string }> =>
    insertEndpoint(server.db, {
      id: newId('wh'),
      promoter_id: door.promoterId,
      mode: 'test',
      // Refused at once, should the worker try it.
      url: 'http://127.0.0.1:9/hook',
      events,
      secret: `whsec_${randomToken(24)}`,
      disabled_reason: null,
      disabled_at: null,
      last_success_at: null,
      deleted_at: null,
      ...fields,
    });
  const retire = (ids: string[]) =>
    server.db
      .updateTable('webhook_endpoints')
      .set({ deleted_at: new Date() })
      .where('id', 'in', ids)
      .execute();

  it('writes no outbox row when no endpoint of the promoter and mode listens for it', async () => {
    const rivalKey = await findActiveKey(server.db, rival.key);
    if (!rivalKey) throw new Error('no rival key');
    const deaf = await Promise.all([
      endpoint(['order.completed']),
      endpoint(['*'], { mode: 'live' }),
      endpoint(['scan.recorded'], { status: 'disabled' }),
      endpoint(['*'], { deleted_at: new Date() }),
      endpoint(['*'], { promoter_id: rivalKey.promoterId }),
    ]);
    const ticket = ticketOf(await order(1));
    expect((await scan(ticket.qrPayload)).body.valid).toBe(true);
    expect(await outboxOf(ticket.id)).toEqual([]);
    await retire(deaf.map((e) => e.id));
  });

  it('writes one event, delivered to each endpoint that listens, with the answer the door got; none for a refusal', async () => {
    const listening = await Promise.all([endpoint(['scan.recorded']), endpoint(['*'])]);
    const deaf = await endpoint(['order.completed']);
    const ticket = ticketOf(await order(1));
    const accepted = await scan(ticket.qrPayload);
    expect(accepted.body.valid).toBe(true);
    const again = await scan(ticket.qrPayload);
    expect(again.body).toMatchObject({ valid: false, reason: 'already_scanned' });

    const outbox = await outboxOf(ticket.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      promoter_id: door.promoterId,
      mode: 'test',
      payload: { type: 'scan.recorded', data: accepted.body },
      endpoints: listening.map((e) => e.id).sort(),
    });
    await retire([...listening, deaf].map((e) => e.id));
  });
});

describe('rotating QR codes', () => {
  const window = (now: Date) => Math.floor(now.getTime() / 30_000) * 30;

  it('signs ticketId.windowStart.mac for the current 30-second window', async () => {
    const ticket = ticketOf(await order(1, true));
    const now = new Date();
    const { body } = await promoter.get(`/v1/tickets/${ticket.id}`);
    const [id, start, mac] = body.qrPayload.split('.');
    expect(id).toBe(ticket.id);
    expect(Math.abs(Number(start) - window(now))).toBeLessThanOrEqual(30);
    expect(mac).toMatch(/^[\w-]{22}$/);
    // Through the API, the payload of the moment scans in.
    expect((await scan(body.qrPayload)).body.valid).toBe(true);
  });

  it('accepts this window and one either side, and no further', async () => {
    const paid = await order(3, true);
    const now = new Date(Date.UTC(2027, 5, 1, 19, 30, 10));
    const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    const at = (n: number) => ticketOf(paid, n).id;
    const scanAt = async (payload: string) => scanTicket(server.db, door, { payload }, now);

    expect(await scanAt(await payloadAt(at(0), now))).toMatchObject({ valid: true });
    expect(await scanAt(await payloadAt(at(1), ago(30)))).toMatchObject({ valid: true });

    const twoAgo = await scanAt(await payloadAt(at(2), ago(60)));
    expect(twoAgo).toMatchObject({ valid: false, reason: 'expired_window', ticket: { id: at(2) } });
    const twoAhead = await scanAt(await payloadAt(at(2), ago(-60)));
    expect(twoAhead).toMatchObject({ valid: false, reason: 'expired_window' });
    expect(await scanAt(await payloadAt(at(2), ago(-30)))).toMatchObject({ valid: true });
  });

  it('refuses a static payload of a rotating ticket (a screenshot of an old code)', async () => {
    const rotating = ticketOf(await order(1, true));
    // What the order held when it was issued: the static form, signed with the same event key.
    const row = await server.db
      .selectFrom('tickets')
      .select('qr_payload')
      .where('id', '=', rotating.id)
      .executeTakeFirstOrThrow();
    expect((await scan(row.qr_payload)).body).toMatchObject({ valid: false, reason: 'forged' });
  });
});

describe('the buyer’s QR code image', () => {
  const qrUrl = (paid: PaidOrder, ticketId: string, secret: string | null = paid.session.clientSecret) =>
    `${server.url}/v1/checkout/sessions/${paid.session.id}/tickets/${ticketId}/qr.svg${secret === null ? '' : `?clientSecret=${secret}`}`;

  it('serves an SVG of the ticket’s payload to the holder of the session’s client secret, to any origin', async () => {
    const paid = await order(2);
    const ticket = ticketOf(paid, 1);
    const res = await fetch(qrUrl(paid, ticket.id), { headers: { Origin: 'https://promoter.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toBe(await qrSvg(ticket.qrPayload));
    expect(svg).not.toBe(await qrSvg(ticketOf(paid, 0).qrPayload));
  });

  it('needs the client secret, and shows only the tickets of that session’s order', async () => {
    const paid = await order(1);
    const ticket = ticketOf(paid);
    for (const secret of [null, 'wrong', `${paid.session.clientSecret}x`]) {
      const res = await fetch(qrUrl(paid, ticket.id, secret));
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).error.code).toBe('checkout.session_not_found');
    }
    // A secret key is no substitute: the image is the buyer's.
    const withKey = await fetch(qrUrl(paid, ticket.id, null), {
      headers: { Authorization: `Bearer ${DEMO_TEST_KEY}` },
    });
    expect(withKey.status).toBe(404);
    const someoneElses = ticketOf(await order(1));
    const res = await fetch(qrUrl(paid, someoneElses.id));
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('ticket.not_found');
  });

  it('says not found before the session is paid', async () => {
    const eventId = await liveEvent(server.url);
    const { body: session } = await promoter.post(
      '/v1/checkout/sessions',
      { eventId, items: [{ tier: 'ga', quantity: 1 }], customerEmail: 'early@example.com' },
      { key: null },
    );
    const res = await fetch(
      `${server.url}/v1/checkout/sessions/${session.id}/tickets/tkt_whatever/qr.svg?clientSecret=${session.clientSecret}`,
    );
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('ticket.not_found');
  });

  it('never caches a rotating code, which changes with the window', async () => {
    const paid = await order(1, true);
    const ticket = ticketOf(paid);
    const res = await fetch(qrUrl(paid, ticket.id));
    expect(res.headers.get('cache-control')).toBe('no-store');
    const caller = { kind: 'public' as const, clientSecret: paid.session.clientSecret };
    const now = new Date(Date.UTC(2027, 5, 1, 19, 30, 1));
    const qrAt = async (at: Date) =>
      (await ticketQrCode(server.db, caller, paid.session.id, ticket.id, at)).svg;
    const thisWindow = await qrAt(now);
    expect(await qrAt(new Date(now.getTime() + 20_000))).toBe(thisWindow);
    expect(await qrAt(new Date(now.getTime() + 30_000))).not.toBe(thisWindow);
    expect(thisWindow).toBe(await qrSvg(await payloadAt(ticket.id, now)));
  });
});
