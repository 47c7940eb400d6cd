import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { Answers } from './bench-answers.ts';

export interface BuyersJob {
  url: string;
  eventId: string;
  tierId: string;
  buyers: number;
  /** Epoch ms: buyers start at `startAt`, are measured from `measureFrom`, start nothing after `stopAt`. */
  startAt: number;
  measureFrom: number;
  stopAt: number;
  /** Send a fresh `Idempotency-Key` with every creation, as the widget does. */
  idempotencyKey: boolean;
}

/** The outcome of a creation that made a session: what the benchmark counts. */
export const CREATED = '201';

export interface BuyersResult {
  /** Latencies (ms) of the sessions created (201) in the window, from `measureFrom` to `stopAt`. */
  latencies: number[];
  /** Answers in the window, by `status` or `status code` (`409 event.tier_oversold`, `network TypeError`). */
  window: Answers;
  /** Every answer of the job, warm-up and drain included, by the same keys. */
  total: Answers;
  /** The sum of every answer's latency (ms), warm-up and drain included. */
  latencyMsTotal: number;
  /** CPU time (ms) this process used for the whole job. */
  cpuMs: number;
}

export interface Buyers {
  run(job: BuyersJob): Promise<BuyersResult>;
  stop(): Promise<void>;
}

/**
 * Closed-loop buyers in a child process, so that the load they generate does not share the API's
 * event loop: each buyer sends a session creation, waits for the answer, sends the next.
 */
export function startBuyers(): Buyers {
  const child = fork(new URL('./bench-buyers-process.ts', import.meta.url));
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const died = (code: number | null) => reject(new Error(`the buyers process exited (${code})`));
        child.once('exit', died);
        child.once('message', (result) => {
          child.off('exit', died);
          resolve(result as BuyersResult);
        });
        child.send(job);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}
