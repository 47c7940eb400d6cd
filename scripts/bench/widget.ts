import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PerformanceResourceTiming } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type Browser, chromium, type Request, type Response } from '@playwright/test';
import playwrightConfig from '../../e2e/playwright.config.ts';
import { type Stack, startStack } from '../stack.ts';
import {
  type Answers,
  byStatus,
  errorFailure,
  limitsEnv,
  limitsOf,
  outcomeOf,
  tally,
  verdict,
} from './bench-answers.ts';
import { cleanups, intEnv, runBenchmark, scratchDir } from './bench-harness.ts';
import { percentile } from './bench-measure.ts';

// `npm run bench:widget`: how heavy widget.js is, and how soon a buyer sees the tickets.
//
// Size: widget/dist/widget.js as built (run `npm run build` first; this builds nothing), gzipped as the
// build's budget counts it, against that 15 KB budget.
//
// Time: the demo stack (startStack, on ports of its own) and Chromium launched as the e2e suite launches
// it. Each run opens the demo's inline page in a fresh browser context, so nothing is cached, and reads
// on the page's own clock (0 = navigation start):
//   widget.js loaded   responseEnd of widget.js's PerformanceResourceTiming (the script runs right after)
//   tier list in DOM   the first moment the widget's shadow root holds a tier group ("Early bird tickets"),
//                      seen by a MutationObserver on every shadow root the page attaches
//   first frame        the requestAnimationFrame callback after that: the frame that paints it begins
// and the widget's one API call (GET /v1/widget/events/:id) from its start to its responseEnd. One run
// is thrown away first (cold server); then BENCH_WIDGET_RUNS runs, as the machine is and with the CPU
// slowed 4× (Chromium's throttling, roughly a mid-range phone). Printed, never asserted; every
// answer the pages got is counted by status, and no aim is "met" while one was an error.

const settings = {
  runs: intEnv('BENCH_WIDGET_RUNS', 11),
  apiPort: intEnv('BENCH_WIDGET_API_PORT', 4610),
  demoPort: intEnv('BENCH_WIDGET_DEMO_PORT', 5610),
  simPort: intEnv('BENCH_WIDGET_SIM_PORT', 12610),
  pgPort: intEnv('BENCH_WIDGET_PG_PORT', 54610),
  mailSmtpPort: intEnv('BENCH_WIDGET_MAIL_SMTP_PORT', 1610),
  mailWebPort: intEnv('BENCH_WIDGET_MAIL_WEB_PORT', 1611),
};
const KB = 1024;
const BUDGET = 15 * KB;
const WIDGET_DIR = fileURLToPath(new URL('../../widget/', import.meta.url));
const PAGE_PROBE = fileURLToPath(new URL('./bench-widget-page.js', import.meta.url));

interface Run {
  widgetLoaded: number;
  apiCall: number;
  tiersInDom: number;
  firstFrame: number;
}

await runBenchmark(run);

async function run() {
  const file = path.join(WIDGET_DIR, 'dist', 'widget.js');
  const code = await readFile(file).catch(() => {
    throw new Error(`${file} is not built: run \`npm run build\` first.`);
  });
  const stale = (await newestSource()) > (await stat(file)).mtimeMs;

  const stack = await startBenchStack();
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  cleanups.push(() => browser.close());

  // Every answer the pages got, warm-up included: the times count only if all were 2xx.
  const answers: Answers = {};
  const served = await servedAs(browser, stack, answers);
  await loadOnce(browser, stack.info.demoUrl, 1, answers); // warm-up: the server's first requests, thrown away
  const plain = await series(browser, stack.info.demoUrl, 1, answers);
  const slow = await series(browser, stack.info.demoUrl, 4, answers);

  const gzip = gzipSync(code).length;
  const out: string[] = [];
  const line = (label = '', value = '') => out.push(value ? `  ${label.padEnd(34)}${value}` : label);
  line('EntryRate widget benchmark');
  line(
    'machine',
    `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), Chromium ${browser.version()}, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  const [first, ...rest] = limitsOf(stack.config);
  line('server limits', first);
  for (const limit of rest) line('', limit);
  line('answers the pages got', byStatus(answers));
  line();
  line('widget.js size');
  line('minified', kb(code.length));
  line(
    'gzipped (what the budget counts)',
    `${kb(gzip)} of ${kb(BUDGET)}: ${pct(gzip / BUDGET)} of the budget`,
  );
  line('brotli', kb(brotliCompressSync(code).length));
  line('as the API serves it', `${kb(served.bytes)}, content-encoding: ${served.encoding ?? 'none'}`);
  const others = await otherScripts(path.dirname(file));
  if (others.length) line('the rest of widget/dist, gzipped', others.join(', '));
  if (stale) line('', 'widget/src has changed since this build: run `npm run build` for current figures');
  line();
  line(`Time to the tier list: inline page, cold cache, ms from navigation start, ${settings.runs} runs`);
  const cols = (values: number[]) =>
    `${ms(percentile(values, 0.5)).padStart(8)}${ms(percentile(values, 0.9)).padStart(8)}`;
  line('', `${'as is'.padEnd(16)}    CPU 4× slower`);
  line('', `${'median'.padStart(8)}${'p90'.padStart(8)}    ${'median'.padStart(8)}${'p90'.padStart(8)}`);
  const row = (label: string, pick: (r: Run) => number) =>
    line(label, `${cols(plain.map(pick))}    ${cols(slow.map(pick))}`);
  row('widget.js loaded', (r) => r.widgetLoaded);
  row('tier list in DOM', (r) => r.tiersInDom);
  row('first frame after it', (r) => r.firstFrame);
  row('script start → tier list in DOM', (r) => r.tiersInDom - r.widgetLoaded);
  row('  of which GET /v1/widget/events', (r) => r.apiCall);
  line();
  const ratio = (pick: (r: Run) => number) =>
    `${pct(percentile(plain.map(pick), 0.5))}   (CPU 4× slower: ${pct(percentile(slow.map(pick), 0.5))})`;
  line('Ratios (medians)');
  line(
    'script start → tiers ÷ whole wait',
    ratio((r) => (r.tiersInDom - r.widgetLoaded) / r.tiersInDom),
  );
  line(
    'API call ÷ script start → tiers',
    ratio((r) => r.apiCall / (r.tiersInDom - r.widgetLoaded)),
  );
  line();
  const errors = errorFailure(answers, 'to the pages');
  line('Aims (printed, not asserted)');
  line(
    'gzipped size',
    `${kb(gzip)}   aim ≤ ${kb(BUDGET)}: ${verdict([gzip <= BUDGET ? null : `${kb(gzip)} > ${kb(BUDGET)}`, errors])}`,
  );
  line('timings', errors ? `NOT MET: not comparable, ${errors}` : 'every answer was 2xx');
  console.log(out.join('\n'));
}

/** Starts the demo stack on the benchmark's ports, on a fresh embedded database in a temporary directory. */
async function startBenchStack(): Promise<Stack> {
  const dataDir = await scratchDir('entryrate-bench-widget-');
  const { DATABASE_URL: _developersOwn, ...inherited } = process.env;
  const stack = await startStack({
    ...inherited,
    PORT: String(settings.apiPort),
    DEMO_PORT: String(settings.demoPort),
    STRIPE_SIM_PORT: String(settings.simPort),
    PG_PORT: String(settings.pgPort),
    DATA_DIR: dataDir,
    MAIL_SMTP_PORT: String(settings.mailSmtpPort),
    MAIL_WEB_PORT: String(settings.mailWebPort),
    LOG_LEVEL: 'warn',
    // GET /v1/widget/events and the pages meet none of these; set all the same, so no default or
    // developer's own environment decides a figure.
    ...limitsEnv({
      scans: 1200,
      checkout: 100,
      perKey: 200,
      perPerson: 2000,
      keyManagement: 20,
      ticketLinks: 10,
      poolSize: 10,
    }),
  });
  cleanups.push(() => stack.stop());
  return stack;
}

async function series(
  browser: Browser,
  demoUrl: string,
  cpuSlowdown: number,
  answers: Answers,
): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < settings.runs; i++) runs.push(await loadOnce(browser, demoUrl, cpuSlowdown, answers));
  return runs;
}

/** One cold page load of the inline demo page, timed on the page's own clock; its answers go to `answers`. */
async function loadOnce(
  browser: Browser,
  demoUrl: string,
  cpuSlowdown: number,
  answers: Answers,
): Promise<Run> {
  const context = await browser.newContext();
  const answered = (res: Response) =>
    tally(answers, outcomeOf(res.status(), res.status() >= 400 ? new URL(res.url()).pathname : undefined));
  const failed = (req: Request) => tally(answers, `network ${req.failure()?.errorText ?? 'failed'}`);
  context.on('response', answered);
  context.on('requestfailed', failed);
  try {
    await context.addInitScript({ path: PAGE_PROBE });
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.goto(`${demoUrl}/`);
    await page.waitForFunction('window.__bench.firstFrame !== undefined', null, { timeout: 30_000 });
    // Runs in the page; the scripts' tsconfig has no DOM library, hence globalThis and Node's timing types.
    return await page.evaluate(() => {
      const marks = (globalThis as { __bench?: { tiersInDom?: number; firstFrame?: number } }).__bench;
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const script = entries.find((e) => new URL(e.name).pathname === '/widget.js');
      const api = entries.find((e) => new URL(e.name).pathname.startsWith('/v1/widget/events/'));
      if (!script || !api || !marks?.tiersInDom || !marks.firstFrame) throw new Error('a mark is missing');
      return {
        widgetLoaded: script.responseEnd,
        apiCall: api.responseEnd - api.startTime,
        tiersInDom: marks.tiersInDom,
        firstFrame: marks.firstFrame,
      };
    });
  } finally {
    // What is still loading when the run ends is not an answer: closing the page aborts it.
    context.off('response', answered);
    context.off('requestfailed', failed);
    await context.close();
  }
}

/** widget.js as the API sends it to a browser that accepts compression. */
async function servedAs(browser: Browser, stack: Stack, answers: Answers) {
  const context = await browser.newContext();
  try {
    const res = await context.request.get(`${stack.info.apiUrl}/widget.js`, {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    tally(answers, outcomeOf(res.status(), res.status() >= 400 ? '/widget.js' : undefined));
    const length = Number(res.headers()['content-length']);
    return {
      bytes: Number.isFinite(length) ? length : (await res.body()).length,
      encoding: res.headers()['content-encoding'],
    };
  } finally {
    await context.close();
  }
}

/** The other scripts the widget build made (the hosted page's, chunks loaded later), with gzipped sizes. */
async function otherScripts(dist: string): Promise<string[]> {
  const names = (await readdir(dist)).filter((f) => f.endsWith('.js') && f !== 'widget.js').sort();
  return Promise.all(
    names.map(async (f) => `${f} ${kb(gzipSync(await readFile(path.join(dist, f))).length)}`),
  );
}

/** The newest modification time of the widget's sources, to tell a stale build. */
async function newestSource(): Promise<number> {
  const dir = path.join(WIDGET_DIR, 'src');
  const files = await readdir(dir, { recursive: true });
  const times = await Promise.all(files.map(async (f) => (await stat(path.join(dir, f))).mtimeMs));
  return Math.max(...times);
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(2)} KB`;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}
