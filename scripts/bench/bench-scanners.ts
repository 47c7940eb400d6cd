import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { Answers } from './bench-answers.ts';
import { cleanups } from './bench-harness.ts';

/** What the scanners' process is told to do. */
export interface ScanJob {
  url: string;
  key: string;
  payloads: string[];
  scanners: number;
  /** Epoch ms: scanners start at `startAt`, are measured from `measureFrom`, start nothing after `stopAt`. */
  startAt: number;
  measureFrom: number;
  stopAt: number;
  /** Send a fresh `Idempotency-Key` with every scan, as a scanner that retries safely does. */
  idempotencyKey: boolean;
}

/** What it answers: latencies (ms) of the accepted scans that finished in the window, and every outcome. */
export interface ScansResult {
  client: number[];
  /** The server's own time (`Server-Timing: app;dur=`) for the same scans. */
  server: number[];
  /** Outcomes in the window (`200 valid`, `200 already_scanned`, `429 rate_limit.exceeded`…). */
  window: Answers;
  /** Outcomes of the whole run, warm-up included. */
  total: Answers;
  /** The scanners' own CPU time (ms) over the whole run: what the load costs the same machine. */
  cpuMs: number;
}

/** The outcome of a scan that recorded an admission: what the benchmark counts. */
export const ACCEPTED = '200 valid';

/**
 * Closed-loop door scanners in a child process, so their HTTP client does not share the API's
 * event loop. Runs one job.
 */
export async function runScanners(job: ScanJob): Promise<ScansResult> {
  const child = fork(new URL('./bench-scanners-process.ts', import.meta.url));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  };
  cleanups.push(stop);
  try {
    const result = new Promise<ScansResult>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the scanners process exited (${code})`)));
      child.once('message', (answer) => resolve(answer as ScansResult));
    });
    child.send(job);
    return await result;
  } finally {
    await stop();
  }
}
