// The device's own store, in IndexedDB so it survives a reload, a crash and a dead battery's
// restart: the scans waiting to upload (and what became of them), by the scan id made when the code
// was scanned. Settled scans stay, so the door can show what the server said of each.

import type { QueuedScan, ScanQueue, ServerResult } from './sync.ts';

const DB_NAME = 'entryrate-scanner';
const STORE = 'scans';

/** A scan as stored: waiting (no outcome yet), uploaded with the server's answer, or refused for good. */
export interface StoredScan extends QueuedScan {
  state: 'waiting' | 'uploaded' | 'refused';
  result?: ServerResult;
  refused?: string;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore(STORE, { keyPath: 'scanId' });
    store.createIndex('state', 'state');
    store.createIndex('event', 'eventId');
  };
  return promised(request);
}

/** The IndexedDB queue of this device; one database for every event it scans. */
export async function openScanQueue(): Promise<ScanQueue & { all(eventId: string): Promise<StoredScan[]> }> {
  const db = await openDatabase();
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    async add(scan) {
      // `add`, not `put`: a scan id is written once, so a repeated add can never reset an outcome.
      await promised(store('readwrite').add({ ...scan, state: 'waiting' } satisfies StoredScan));
    },
    async pending() {
      const waiting = (await promised(store('readonly').index('state').getAll('waiting'))) as StoredScan[];
      return waiting.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    },
    async settle(scanId, outcome) {
      const scans = store('readwrite');
      const stored = (await promised(scans.get(scanId))) as StoredScan | undefined;
      if (!stored) return;
      await promised(
        scans.put(
          'result' in outcome
            ? { ...stored, state: 'uploaded', result: outcome.result }
            : { ...stored, state: 'refused', refused: outcome.refused },
        ),
      );
    },
    async all(eventId) {
      return (await promised(store('readonly').index('event').getAll(eventId))) as StoredScan[];
    },
  };
}
