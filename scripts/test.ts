import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

// `npm test`: builds the widget, then runs the unit and integration suites (vitest) and the
// browser suite (Playwright), and ends with one line counting every test of every suite.
const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

const VITEST_JSON = '.data/test-results/vitest.json';
const PLAYWRIGHT_JSON = 'e2e/artifacts/results.json';
mkdirSync('.data/test-results', { recursive: true });
rmSync(VITEST_JSON, { force: true });
rmSync(PLAYWRIGHT_JSON, { force: true });

const only = process.argv[2]; // optional: unit | integration | e2e
const codes: number[] = [];
if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);
if (only !== 'e2e') {
  const projects = only ? ['--project', only] : [];
  codes.push(
    run(bin('vitest'), [
      'run',
      ...projects,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${VITEST_JSON}`,
    ]),
  );
}
if (!only || only === 'e2e') codes.push(run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts']));

let passed = 0;
let failed = 0;
const vitest = readJson(VITEST_JSON) as { numPassedTests: number; numFailedTests: number } | null;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
const playwright = readJson(PLAYWRIGHT_JSON) as {
  stats: { expected: number; unexpected: number; flaky: number };
} | null;
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
}
// A suite that crashed before reporting still fails the run.
const crashed = codes.some((code) => code !== 0) && failed === 0;
console.log(`\n${passed} passed, ${failed + (crashed ? 1 : 0)} failed`);
process.exit(codes.every((code) => code === 0) ? 0 : 1);

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf-8'));
  } catch {
    return null;
  }
}
