import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `npm run bench`: every benchmark in scripts/bench/ in turn. A benchmark is a `*.ts` file here
// other than this runner and the `bench-*.ts` helpers; it exits non-zero only when it is broken.
const dir = fileURLToPath(new URL('.', import.meta.url));
const benchmarks = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.startsWith('bench-'))
  .sort();

const failed: string[] = [];
for (const file of benchmarks) {
  console.log(`\n▶ ${file}\n`);
  const { status } = spawnSync(process.execPath, [...process.execArgv, `${dir}${file}`], {
    stdio: 'inherit',
  });
  if (status !== 0) failed.push(file);
}
console.log(
  `\n${benchmarks.length - failed.length} of ${benchmarks.length} benchmarks ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
