// The scans a device made while offline, uploaded when the network returns. Each carries the id
// the device gave it when it scanned, so an upload that is repeated (the answer was lost, the sync
// ran twice, the page was reloaded mid-way) is the same scan to the server and never counts twice.

import type { components } from '../../sdks/js/src/openapi.ts';

export type ServerResult = components['schemas']['ScanResult'];

/** A scan waiting to be uploaded, as the device recorded it. */
export interface QueuedScan {
  scanId: string;
  eventId: string;
  payload: string;
  /** ISO time of the scan on this device. */
  scannedAt: string;
  gate: string;
}

/** Where queued scans wait (IndexedDB in the browser). */
export interface ScanQueue {
  /** Waiting scans, oldest first. */
  pending(): Promise<QueuedScan[]>;
  /** Done with: uploaded (with the server's answer) or refused for good (with why). */
  settle(scanId: string, outcome: { result: ServerResult } | { refused: string }): Promise<void>;
}

/** An upload's answer: the server's result, or an error answer, or no answer at all. */
export type UploadAnswer =
  | { kind: 'result'; result: ServerResult }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'unreachable' };

export interface SyncReport {
  uploaded: number;
  /** Scans the server settled as duplicates of another device's earlier scan: both times and gates. */
  duplicates: { scan: QueuedScan; result: ServerResult }[];
  /** Scans the server will never take (a time too old, an id reused): kept out of the queue, said why. */
  refused: { scan: QueuedScan; message: string }[];
  /** Still waiting: the network went, or the server was busy (429, 5xx). */
  waiting: number;
}

/**
 * Uploads the queue oldest first, one scan at a time, until it is empty or the server cannot be
 * reached or is busy; what is left waits for the next sync. A scan leaves the queue only once the
 * server has answered it.
 */
export async function syncQueue(
  queue: ScanQueue,
  upload: (scan: QueuedScan) => Promise<UploadAnswer>,
): Promise<SyncReport> {
  const report: SyncReport = { uploaded: 0, duplicates: [], refused: [], waiting: 0 };
  const pending = await queue.pending();
  for (const [index, scan] of pending.entries()) {
    const answer = await upload(scan);
    if (answer.kind === 'unreachable' || (answer.kind === 'refused' && retryable(answer.status))) {
      report.waiting = pending.length - index;
      return report;
    }
    if (answer.kind === 'refused') {
      await queue.settle(scan.scanId, { refused: answer.message });
      report.refused.push({ scan, message: answer.message });
      continue;
    }
    await queue.settle(scan.scanId, { result: answer.result });
    report.uploaded++;
    if (!answer.result.valid && answer.result.reason === 'already_scanned') {
      report.duplicates.push({ scan, result: answer.result });
    }
  }
  return report;
}

/** Busy or broken for now, not a refusal of this scan: try again later. */
export const retryable = (status: number) => status === 408 || status === 429 || status >= 500;
