import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

// `node --import tsx test/run.ts [unit|scenario|package]`: the JS SDK's tests with node:test, one
// file at a time (the scenario shares one fault proxy, whose faults hit whatever request comes
// next), printed by the spec reporter. Writes {"passed","failed","skipped"} to ER_RESULTS_FILE when
// it is set, and exits 1 on any failure. The scenario and package tests need the environment that
// `tsx sdks/harness/run.ts js` gives them.
const here = path.dirname(fileURLToPath(import.meta.url));
const GROUPS = ['unit', 'scenario', 'package'];
const groups = process.argv[2] ? [process.argv[2]] : GROUPS;
if (!groups.every((group) => GROUPS.includes(group))) {
  console.error(`Usage: node --import tsx test/run.ts [${GROUPS.join('|')}]`);
  process.exit(2);
}
const files = groups.flatMap((group) =>
  readdirSync(path.join(here, group))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(here, group, name)),
);

const counts = { passed: 0, failed: 0, skipped: 0 };
const stream = run({ files, concurrency: 1 });
stream.on('test:pass', (test) => {
  if (test.details.type === 'suite') return;
  if (test.skip || test.todo) counts.skipped++;
  else counts.passed++;
});
// A file that fails to load is reported as a failed test of its own name.
stream.on('test:fail', (test) => {
  if (test.details.type !== 'suite') counts.failed++;
});
const report = stream.compose(new spec());
report.pipe(process.stdout);
await finished(report);

console.log(`\nJS SDK: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (process.env.ER_RESULTS_FILE) writeFileSync(process.env.ER_RESULTS_FILE, JSON.stringify(counts));
process.exitCode = counts.failed > 0 ? 1 : 0;
