import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

// `npm test`: builds the widget and the server, then runs every suite (unit, integration and the
// deploy and fault suites with vitest, the browser suite with Playwright, each SDK's suite), prints each suite's duration, and
// ends with one line counting every test of every suite. `npm test -- <suite>` runs one suite.
const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const RESULTS = '.data/test-results';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Suite {
  name: string;
  /** Runs the suite; its exit code. */
  run(): number;
  /** What the suite's reporter wrote, or null if it crashed before writing. */
  counts(): Counts | null;
}

const vitestSuite = (name: string): Suite => {
  const output = `${RESULTS}/${name}.json`;
  return {
    name,
    run: () => {
      rmSync(output, { force: true });
      return run(bin('vitest'), [
        'run',
        '--project',
        name,
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${output}`,
      ]);
    },
    counts: () => {
      const json = readJson(output) as {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
      } | null;
      return json
        ? {
            passed: json.numPassedTests,
            failed: json.numFailedTests,
            skipped: json.numPendingTests + json.numTodoTests,
          }
        : null;
    },
  };
};

const PLAYWRIGHT_JSON = 'e2e/artifacts/results.json';
const e2eSuite: Suite = {
  name: 'e2e',
  run: () => {
    rmSync(PLAYWRIGHT_JSON, { force: true });
    return run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts']);
  },
  counts: () => {
    const json = readJson(PLAYWRIGHT_JSON) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    } | null;
    return json
      ? {
          passed: json.stats.expected + json.stats.flaky,
          failed: json.stats.unexpected,
          skipped: json.stats.skipped,
        }
      : null;
  },
};

/** One SDK's own tests, run by sdks/harness/run.ts against the whole stack behind a fault proxy. */
const sdkSuite = (sdk: 'js' | 'python' | 'php'): Suite => ({
  name: `sdk-${sdk}`,
  run: () => run(bin('tsx'), ['sdks/harness/run.ts', sdk]),
  counts: () => readJson(`${RESULTS}/sdk-${sdk}.json`) as Counts | null,
});

const suites = [
  vitestSuite('unit'),
  vitestSuite('integration'),
  vitestSuite('deploy'),
  vitestSuite('faults'),
  e2eSuite,
  sdkSuite('js'),
  sdkSuite('python'),
  sdkSuite('php'),
];
const only = process.argv[2];
const chosen = only ? suites.filter((suite) => suite.name === only) : suites;
if (chosen.length === 0) {
  console.error(`Unknown suite "${only}"; one of: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

mkdirSync(RESULTS, { recursive: true });
if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const report: string[] = [];
let ok = true;
for (const suite of chosen) {
  const started = Date.now();
  const code = suite.run();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // A suite that crashed before reporting still counts as one failure.
  const counts = suite.counts() ?? { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  ok &&= code === 0;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  report.push(
    `  ${suite.name.padEnd(12)} ${`${seconds} s`.padStart(9)}   ${counts.passed} passed, ${counts.failed} failed` +
      (counts.skipped ? `, ${counts.skipped} skipped` : ''),
  );
}

console.log(`\nSuites:\n${report.join('\n')}`);
console.log(
  `\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(ok ? 0 : 1);

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf-8'));
  } catch {
    return null;
  }
}
