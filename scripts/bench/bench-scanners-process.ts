import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Answers, networkOutcome, outcomeOf, tally } from './bench-answers.ts';
import { ACCEPTED, type ScanJob, type ScansResult } from './bench-scanners.ts';

// The door scanners' process (see runScanners): runs the job it is sent and answers its result. Each
// scanner sends a scan, waits for the answer, sends the next; tickets are taken in turn, so each
// is scanned once until they run out, and then again (`already_scanned`).

async function run(job: ScanJob): Promise<ScansResult> {
  const client: number[] = [];
  const server: number[] = [];
  const window: Answers = {};
  const total: Answers = {};
  let next = 0;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())));

  const scanner = async () => {
    while (Date.now() < job.stopAt) {
      const payload = job.payloads[next++ % job.payloads.length];
      const headers: Record<string, string> = {
        Authorization: `Bearer ${job.key}`,
        'Content-Type': 'application/json',
      };
      if (job.idempotencyKey) headers['Idempotency-Key'] = randomUUID();
      const started = performance.now();
      let outcome: string;
      let serverMs = Number.NaN;
      try {
        const res = await fetch(`${job.url}/v1/scans`, {
          method: 'POST',
          headers,
          // As the /scan app sends it: its own id for each scan, which makes a retry the same scan.
          body: JSON.stringify({ payload, scanId: randomUUID(), gate: 'Bench gate' }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json().catch(() => ({}))) as {
          valid?: boolean;
          reason?: string;
          error?: { code: string };
        };
        // A 200 is an accepted scan only when it says so; a refusal names its reason.
        const detail = res.status === 200 ? (body.valid ? 'valid' : body.reason) : body.error?.code;
        outcome = outcomeOf(res.status, detail ?? 'unreadable');
        serverMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
      } catch (error) {
        outcome = networkOutcome(error);
      }
      const latency = performance.now() - started;
      const finished = Date.now();
      tally(total, outcome);
      if (finished >= job.measureFrom && finished < job.stopAt) {
        tally(window, outcome);
        if (outcome === ACCEPTED) {
          client.push(latency);
          if (!Number.isNaN(serverMs)) server.push(serverMs);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: job.scanners }, scanner));
  return { client, server, window, total };
}

process.on('message', (job: ScanJob) => {
  run(job).then(
    (result) => process.send?.(result),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
