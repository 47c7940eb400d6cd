import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ScanJob, ScansResult } from './scan.ts';

// The door scanners' process (see scan.ts): runs the job it is sent and answers its result. Each
// scanner sends a scan, waits for the answer, sends the next; tickets are taken in turn, so each
// is scanned once until they run out, and then again (`already_scanned`).

async function run(job: ScanJob): Promise<ScansResult> {
  const client: number[] = [];
  const server: number[] = [];
  const window: Record<string, number> = {};
  let total = 0;
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
          body: JSON.stringify({ payload }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json()) as { valid?: boolean; reason?: string; error?: { code: string } };
        outcome =
          res.status !== 200 ? `${res.status} ${body.error?.code}` : body.valid ? 'valid' : `${body.reason}`;
        serverMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
      } catch (error) {
        outcome = `fetch ${(error as Error).name}`;
      }
      const latency = performance.now() - started;
      const finished = Date.now();
      total++;
      if (finished >= job.measureFrom && finished < job.stopAt) {
        client.push(latency);
        if (!Number.isNaN(serverMs)) server.push(serverMs);
        window[outcome] = (window[outcome] ?? 0) + 1;
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
