import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '../../scripts/stack.ts';
import { SIM_STRIPE_KEYS } from '../../server/src/config.ts';
import { createDatabase } from '../../server/src/db/database.ts';
import { createPromoterWithKeys } from '../../server/src/promoters/api-keys.service.ts';
import { startFaultProxy } from './fault-proxy.ts';

// `tsx sdks/harness/run.ts <js|python|php>`: starts the whole stack on a fresh embedded database
// (as `npm start` does, on ports of its own), makes a promoter for the SDK, puts a fault proxy in
// front of the API and runs that SDK's suite against it. The suite gets, in its environment:
//   ENTRYRATE_API_URL     the API, through the fault proxy (what the SDK should default to)
//   ER_KEY                the new promoter's test secret key (it has no venues and no events)
//   ER_API_URL_DIRECT     the API itself, bypassing the proxy
//   ER_FAULTS_URL         the proxy's control endpoint (see fault-proxy.ts)
//   ER_STRIPE_SIM_URL     the stripe-sim, to confirm a PaymentIntent as a buyer's browser would
//   ER_STRIPE_SECRET_KEY  the sim's secret key
//   ER_RESULTS_FILE       where the suite writes {"passed":N,"failed":N,"skipped":N}
// and the counts land in .data/test-results/sdk-<name>.json for `npm test`.

const SUITES: Record<string, { index: number; command: string[] }> = {
  js: { index: 0, command: ['npm', 'run', 'test:scenario', '--silent', '-w', 'sdks/js'] },
  python: { index: 1, command: ['python3', 'sdks/python/tests/run.py'] },
  php: { index: 2, command: ['php', 'sdks/php/tests/run.php'] },
};

const name = process.argv[2] ?? '';
const suite = SUITES[name];
if (!suite) {
  console.error(`Usage: tsx sdks/harness/run.ts <${Object.keys(SUITES).join('|')}>`);
  process.exit(2);
}

// Ports of their own per SDK, beside `npm start` and the other suites; SDK_PORT_OFFSET moves them.
const base = 4700 + Number(process.env.SDK_PORT_OFFSET ?? 0) + suite.index * 10;
const dataDir = await mkdtemp(path.join(tmpdir(), `entryrate-sdk-${name}-`));
await chmod(dataDir, 0o755);
const { DATABASE_URL: _developersOwn, SMTP_URL: _developersMail, ...inherited } = process.env;
const env: NodeJS.ProcessEnv = {
  ...inherited,
  DATA_DIR: dataDir,
  PORT: String(base),
  DEMO_PORT: String(base + 1),
  STRIPE_SIM_PORT: String(base + 2),
  MAIL_SMTP_PORT: String(base + 3),
  MAIL_WEB_PORT: String(base + 4),
  PG_PORT: String(54500 + Number(process.env.SDK_PORT_OFFSET ?? 0) + suite.index),
  LOG_LEVEL: 'warn',
  // The scenario makes a few hundred calls with one key in a minute; the limiter is not under test.
  RATE_LIMIT_PER_KEY: '100000',
  RATE_LIMIT_CHECKOUT: '100000',
};
if (process.env.TEST_DATABASE_URL) env.DATABASE_URL = process.env.TEST_DATABASE_URL;

// Written by the suite; removed first, so that a run which never got that far cannot pass on old counts.
const resultsFile = path.resolve(`.data/test-results/sdk-${name}.json`);
await mkdir(path.dirname(resultsFile), { recursive: true });
await rm(resultsFile, { force: true });

const stack = await startStack(env);
let code = 1;
try {
  const db = createDatabase(stack.databaseUrl);
  const promoter = await createPromoterWithKeys(db, `SDK ${name} suite`);
  await db.destroy();
  const proxy = await startFaultProxy({ upstream: stack.info.apiUrl, port: base + 5 });
  try {
    const [command, ...args] = suite.command as [string, ...string[]];
    // Not spawnSync: the stack answering the suite runs in this very process.
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        ENTRYRATE_API_URL: proxy.url,
        ER_KEY: promoter.testKey,
        ER_API_URL_DIRECT: stack.info.apiUrl,
        ER_FAULTS_URL: `${proxy.url}/__faults`,
        ER_STRIPE_SIM_URL: stack.info.stripeSimUrl ?? '',
        ER_STRIPE_SECRET_KEY: SIM_STRIPE_KEYS.secretKey,
        ER_RESULTS_FILE: resultsFile,
      },
    });
    code = await new Promise<number>((resolve) => {
      child.on('error', (error) => {
        console.error(`${command}: ${error.message}`);
        resolve(1);
      });
      child.on('exit', (status) => resolve(status ?? 1));
    });
    // A suite that wrote nothing still counts as one failure.
    const counts = await readFile(resultsFile, 'utf-8').catch(() => null);
    if (counts === null) await writeFile(resultsFile, JSON.stringify({ passed: 0, failed: 1, skipped: 0 }));
  } finally {
    await proxy.stop();
  }
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(code);
