import { describe, expect, it } from 'vitest';
import { type QueuedScan, type ScanQueue, type ServerResult, syncQueue, type UploadAnswer } from './sync.ts';

// The sync's rules with the queue and the network faked (the real IndexedDB queue and the real API
// are driven by the scanner's end-to-end tests): nothing leaves the queue unanswered.

function memoryQueue(scans: QueuedScan[]): ScanQueue & { settled: Map<string, unknown> } {
  const settled = new Map<string, unknown>();
  return {
    settled,
    pending: async () => scans.filter((s) => !settled.has(s.scanId)),
    settle: async (scanId, outcome) => {
      settled.set(scanId, outcome);
    },
  };
}

const scan = (n: number): QueuedScan => ({
  scanId: `scan-0000000${n}`,
  eventId: 'evt_1',
  payload: `tkt_${n}.sig`,
  scannedAt: `2027-05-02T20:1${n}:00.000Z`,
  gate: 'Gate 2',
});
const place = { scanId: 'x', scannedAt: '2027-05-02T20:00:00.000Z', gate: 'Gate 1' };
const result = (valid: boolean): ServerResult => ({
  valid,
  ...(valid ? {} : { reason: 'already_scanned' as const }),
  ticket: null,
  scannedAt: place.scannedAt,
  scan: place,
  admission: place,
  displaced: null,
});

describe('syncing offline scans', () => {
  it('uploads every scan once, oldest first, and reports the duplicates the server found', async () => {
    const queue = memoryQueue([scan(1), scan(2), scan(3)]);
    const sent: string[] = [];
    const report = await syncQueue(queue, async (s): Promise<UploadAnswer> => {
      sent.push(s.scanId);
      return { kind: 'result', result: result(s.scanId !== scan(2).scanId) };
    });
    expect(sent).toEqual([scan(1).scanId, scan(2).scanId, scan(3).scanId]);
    expect(report).toMatchObject({ uploaded: 3, waiting: 0, refused: [] });
    expect(report.duplicates.map((d) => d.scan.scanId)).toEqual([scan(2).scanId]);
    expect(await queue.pending()).toEqual([]);
  });

  it('stops when the network goes, keeping the rest; the next sync sends only what is left', async () => {
    const queue = memoryQueue([scan(1), scan(2), scan(3)]);
    let online = true;
    const upload = async (s: QueuedScan): Promise<UploadAnswer> => {
      if (s.scanId === scan(2).scanId && online) {
        online = false;
        return { kind: 'unreachable' };
      }
      return { kind: 'result', result: result(true) };
    };
    expect(await syncQueue(queue, upload)).toMatchObject({ uploaded: 1, waiting: 2 });
    expect((await queue.pending()).map((s) => s.scanId)).toEqual([scan(2).scanId, scan(3).scanId]);
    expect(await syncQueue(queue, upload)).toMatchObject({ uploaded: 2, waiting: 0 });
  });

  it('waits when the server is busy, but drops a scan it refuses for good, saying why', async () => {
    const queue = memoryQueue([scan(1), scan(2)]);
    const busy = await syncQueue(queue, async () => ({ kind: 'refused', status: 503, message: 'busy' }));
    expect(busy).toMatchObject({ uploaded: 0, waiting: 2 });
    const report = await syncQueue(queue, async (s) =>
      s.scanId === scan(1).scanId
        ? { kind: 'refused', status: 400, message: 'scannedAt is more than 7 days ago' }
        : { kind: 'result', result: result(true) },
    );
    expect(report.refused).toEqual([{ scan: scan(1), message: 'scannedAt is more than 7 days ago' }]);
    expect(report).toMatchObject({ uploaded: 1, waiting: 0 });
    expect(await queue.pending()).toEqual([]);
  });
});
