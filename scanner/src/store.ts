// The device's own store, in IndexedDB so it survives a reload, a crash and a flat battery: each
// event's scan manifest as last downloaded, and every scan this device made, by the scan id made
// when the code was read. A scan waits until the server has answered it; settled scans stay, so
// a reload still knows which tickets this device let in.

import type { LocalResult, Manifest } from './check.ts';
import type { QueuedScan, ScanQueue, ServerResult } from './sync.ts';

const DB_NAME = 'entryrate-scanner';
const SCANS = 'scans';
const MANIFESTS = 'manifests';

/** A scan as kept: waiting for the server, uploaded with its answer, or refused for good. */
export interface StoredScan extends QueuedScan {
  state: 'waiting' | 'uploaded' | 'refused';
  /** What this device said at the door when it checked the code itself (no network). */
  local?: LocalResult;
  result?: ServerResult;
  refused?: string;
}

export interface DeviceStore extends ScanQueue {
  /** Keeps a scan the device made: `waiting` when checked here, or already answered by the server. */
  record(scan: StoredScan): Promise<void>;
  scansOf(eventId: string): Promise<StoredScan[]>;
  manifestOf(eventId: string): Promise<Manifest | null>;
  keepManifest(manifest: Manifest): Promise<void>;
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
    const scans = request.result.createObjectStore(SCANS, { keyPath: 'scanId' });
    scans.createIndex('state', 'state');
    scans.createIndex('event', 'eventId');
    request.result.createObjectStore(MANIFESTS, { keyPath: 'eventId' });
  };
  return promised(request);
}

/** This device's store; one database for every event it scans. */
export async function openDeviceStore(): Promise<DeviceStore> {
  const db = await openDatabase();
  const store = (name: string, mode: IDBTransactionMode) => db.transaction(name, mode).objectStore(name);
  return {
    async record(scan) {
      // `add`, not `put`: a scan id is written once, so a repeat can never reset what became of it.
      await promised(store(SCANS, 'readwrite').add(scan));
    },
    async pending() {
      const waiting = (await promised(
        store(SCANS, 'readonly').index('state').getAll('waiting'),
      )) as StoredScan[];
      return waiting.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    },
    async settle(scanId, outcome) {
      const scans = store(SCANS, 'readwrite');
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
    async scansOf(eventId) {
      return (await promised(store(SCANS, 'readonly').index('event').getAll(eventId))) as StoredScan[];
    },
    async manifestOf(eventId) {
      return ((await promised(store(MANIFESTS, 'readonly').get(eventId))) as Manifest | undefined) ?? null;
    },
    async keepManifest(manifest) {
      await promised(store(MANIFESTS, 'readwrite').put(manifest));
    },
  };
}
