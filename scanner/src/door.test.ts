import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signTicketPayload, staticPublicKey } from '../../server/src/tickets/qr.ts';
import type { Manifest } from './check.ts';
import { Door, type DoorView } from './door.ts';
import type { DeviceStore, StoredScan } from './store.ts';
import type { ServerResult } from './sync.ts';

// One door device against a faked network (fetch) and an in-memory store in place of IndexedDB:
// what it does when the server's answer does not come, and what it learns when it does.

const SECRET = 'event-secret';
const manifest: Manifest = {
  eventId: 'evt_1',
  title: 'Tonight',
  doors: '2031-06-01T19:00:00.000Z',
  rotatingQr: false,
  verification: { staticPublicKey: staticPublicKey(SECRET), rotatingKey: null, windowSeconds: 30 },
  tiers: [{ tierId: 'tier_ga', name: 'GA' }],
  tickets: [{ id: 'tkt_1', tierId: 'tier_ga', status: 'valid', admission: null }],
  generatedAt: '2031-06-01T18:00:00.000Z',
};
const code = signTicketPayload(SECRET, 'tkt_1');

function memoryStore(): DeviceStore & { scans: Map<string, StoredScan> } {
  const scans = new Map<string, StoredScan>();
  let kept: Manifest | null = null;
  return {
    scans,
    async record(scan) {
      if (scans.has(scan.scanId)) throw new Error('written twice');
      scans.set(scan.scanId, scan);
    },
    async pending() {
      return [...scans.values()].filter((s) => s.state === 'waiting');
    },
    async settle(scanId, outcome) {
      const scan = scans.get(scanId) as StoredScan;
      scans.set(
        scanId,
        'result' in outcome
          ? { ...scan, state: 'uploaded', result: outcome.result }
          : { ...scan, state: 'refused', refused: outcome.refused },
      );
    },
    async scansOf(eventId) {
      return [...scans.values()].filter((s) => s.eventId === eventId);
    },
    async manifestOf() {
      return kept;
    },
    async keepManifest(m) {
      kept = m;
    },
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The server: manifest, counts, and scans answered by `answer` (or not at all, while `down`). */
function fakeServer(answer: (body: { scanId: string; scannedAt: string; gate: string }) => ServerResult) {
  const posted: { scanId: string; scannedAt: string; gate: string }[] = [];
  const server = { down: false, posted };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      if (server.down) throw new TypeError('Failed to fetch');
      if (path.endsWith('/scan-manifest')) return json(manifest);
      if (path.endsWith('/door')) {
        return json({ eventId: 'evt_1', tiers: [], totals: { valid: 1, scanned: 0 }, lastScanAt: null });
      }
      const body = JSON.parse(init.body as string);
      posted.push(body);
      return json(answer(body));
    }),
  );
  return server;
}

const ticket = {
  id: 'tkt_1',
  orderId: 'ord_1',
  eventId: 'evt_1',
  tierId: 'tier_ga',
  status: 'valid' as const,
  qrPayload: code,
  scannedAt: null,
};

async function openDoor(store: DeviceStore) {
  let view: DoorView | null = null;
  const door = new Door({
    credentials: { kind: 'key', key: 'er_scan_test_x' },
    store,
    eventId: 'evt_1',
    gate: 'South gate',
    onChange: (next) => {
      view = next;
    },
  });
  await door.open();
  // What open() started in the background (counts, a sync, a fresh manifest) has answered.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { door, view: () => view as unknown as DoorView };
}

beforeEach(() => {
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => vi.unstubAllGlobals());

describe('a door device', () => {
  it('checks a code itself when the server does not answer, and uploads it later under the same scan id', async () => {
    const server = fakeServer((body) => ({
      valid: true,
      ticket,
      scannedAt: body.scannedAt,
      scan: { scanId: body.scanId, scannedAt: body.scannedAt, gate: body.gate },
      admission: { scanId: body.scanId, scannedAt: body.scannedAt, gate: body.gate },
      displaced: null,
    }));
    const store = memoryStore();
    const { door, view } = await openDoor(store);
    await door.sync();
    server.down = true;
    const answer = await door.scan(code);
    expect(answer).toMatchObject({
      offline: true,
      verdict: { tone: 'valid', headline: 'Valid', detail: 'GA' },
    });
    expect(view()).toMatchObject({ online: false, waiting: 1 });
    // The same ticket again on this device, still offline: it knows.
    expect((await door.scan(code)).verdict).toMatchObject({ headline: 'Already scanned' });
    expect((await door.scan(code)).verdict.detail).toMatch(/at South gate\.$/);

    server.down = false;
    await door.sync();
    const [first] = [...store.scans.values()];
    expect(server.posted.map((p) => p.scanId)).toEqual([...store.scans.keys()]);
    expect(server.posted[0]).toMatchObject({
      scanId: first?.scanId,
      scannedAt: first?.scannedAt,
      gate: 'South gate',
    });
    expect(view()).toMatchObject({ online: true, waiting: 0 });
    await door.sync();
    expect(server.posted).toHaveLength(3);
    door.close();
  });

  it('does not queue an older code it cannot check offline: nobody was let in on it', async () => {
    const server = fakeServer(() => {
      throw new Error('nothing to upload');
    });
    const store = memoryStore();
    const { door } = await openDoor(store);
    server.down = true;
    expect((await door.scan('tkt_1.AbCdEfGhIjKlMnOpQrStUv')).verdict).toMatchObject({
      tone: 'warning',
      headline: 'Check online',
    });
    expect(store.scans.size).toBe(0);
    door.close();
  });

  it('hears on sync that another gate let the ticket in first, with both times and gates', async () => {
    const north = {
      scanId: 'scan-north',
      scannedAt: new Date(Date.now() - 60_000).toISOString(),
      gate: 'North gate',
    };
    const server = fakeServer((body) => ({
      valid: false,
      reason: 'already_scanned',
      ticket,
      scannedAt: north.scannedAt,
      scan: { scanId: body.scanId, scannedAt: body.scannedAt, gate: body.gate },
      admission: north,
      displaced: null,
    }));
    const store = memoryStore();
    const { door, view } = await openDoor(store);
    server.down = true;
    await door.sync();
    expect((await door.scan(code)).verdict.headline).toBe('Valid');
    server.down = false;
    await door.sync();
    const [finding] = view().findings;
    expect(finding).toMatchObject({
      kind: 'duplicate',
      tierName: 'GA',
      first: north,
      later: { gate: 'South gate' },
    });
    door.close();
  });
});
