import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Answers, networkOutcome, outcomeOf, tally } from './bench-answers.ts';
import { ACCEPTED, type ScanJob, type ScansResult } from './bench-scanners.ts';

// The door scanners' process (see runScanners): runs the job it is sent and answers its result. Each
// scanner sends a scan, waits for the answer, sends the next; tickets are taken in turn, so each
// is scanned once until they run out, and then again (`already_scanned`). Requests go through
// node:http on kept-alive connections, one a scanner: fetch cost this process about as much CPU
// per scan as the API spent answering it, on the same two cores the figures are measured on.

/** One POST and its answer: status, the `Server-Timing` header and the body (JSON, or {} if not). */
function post(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; serverTiming: string; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        let parsed: Record<string, unknown> = {};
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {}
        resolve({
          status: res.statusCode ?? 0,
          serverTiming: String(res.headers['server-timing'] ?? ''),
          body: parsed,
        });
      });
    });
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('no answer in 30 s'), { name: 'TimeoutError' })),
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: ScanJob): Promise<ScansResult> {
  const client: number[] = [];
  const server: number[] = [];
  const window: Answers = {};
  const total: Answers = {};
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.scanners });
  const url = new URL('/v1/scans', job.url);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())));
  const cpu = process.cpuUsage();

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
        const scan = JSON.stringify({ payload, scanId: randomUUID(), gate: 'Bench gate' });
        // As the /scan app sends it: its own id for each scan, which makes a retry the same scan.
        const res = await post(
          agent,
          url,
          { ...headers, 'Content-Length': String(Buffer.byteLength(scan)) },
          scan,
        );
        const body = res.body as { valid?: boolean; reason?: string; error?: { code: string } };
        // A 200 is an accepted scan only when it says so; a refusal names its reason.
        const detail = res.status === 200 ? (body.valid ? 'valid' : body.reason) : body.error?.code;
        outcome = outcomeOf(res.status, detail ?? 'unreadable');
        serverMs = Number(/dur=([\d.]+)/.exec(res.serverTiming)?.[1]);
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
  agent.destroy();
  const used = process.cpuUsage(cpu);
  return { client, server, window, total, cpuMs: (used.user + used.system) / 1000 };
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
