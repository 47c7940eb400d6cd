import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Answers, networkOutcome, outcomeOf, tally } from './bench-answers.ts';
import { type BuyersJob, type BuyersResult, CREATED } from './bench-buyers.ts';

// The buyers' process (see startBuyers): runs each job it is sent and answers its result.

async function run(job: BuyersJob): Promise<BuyersResult> {
  const latencies: number[] = [];
  const window: Answers = {};
  const total: Answers = {};
  let latencyMsTotal = 0;
  const cpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())));

  const buyer = async (n: number) => {
    while (Date.now() < job.stopAt) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (job.idempotencyKey) headers['Idempotency-Key'] = randomUUID();
      const started = performance.now();
      let outcome: string;
      try {
        const res = await fetch(`${job.url}/v1/checkout/sessions`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            eventId: job.eventId,
            items: [{ tierId: job.tierId, quantity: 1 }],
            customerEmail: `buyer${n}@bench.example`,
          }),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        outcome = res.status === 201 ? CREATED : outcomeOf(res.status, errorCode(text));
      } catch (error) {
        outcome = networkOutcome(error);
      }
      const latency = performance.now() - started;
      const finished = Date.now();
      tally(total, outcome);
      latencyMsTotal += latency;
      if (finished >= job.measureFrom && finished < job.stopAt) {
        tally(window, outcome);
        if (outcome === CREATED) latencies.push(latency);
      }
    }
  };
  await Promise.all(Array.from({ length: job.buyers }, (_, n) => buyer(n)));
  const used = process.cpuUsage(cpu);
  return { latencies, window, total, latencyMsTotal, cpuMs: (used.user + used.system) / 1000 };
}

function errorCode(body: string): string {
  try {
    return JSON.parse(body).error.code;
  } catch {
    return 'unreadable';
  }
}

process.on('message', (job: BuyersJob) => {
  run(job).then(
    (result) => process.send?.(result),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
