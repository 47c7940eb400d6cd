import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// `npm run build`: the same sources compiled twice, ESM to dist/esm and CommonJS to dist/cjs, each
// with its .d.ts; dist/cjs gets a package.json saying so, since this package's own says "module".
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(`${root}/dist`, { recursive: true, force: true });
for (const project of ['tsconfig.esm.json', 'tsconfig.cjs.json']) {
  const { status } = spawnSync(process.execPath, [tsc, '-p', `${root}/${project}`], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
writeFileSync(`${root}/dist/cjs/package.json`, `${JSON.stringify({ type: 'commonjs' })}\n`);
