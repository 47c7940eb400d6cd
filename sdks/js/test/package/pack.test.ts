import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { env } from '../support.ts';

const sdk = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
/** Without the npm_* variables of the `npm run` this runs under, which name this workspace. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
const run = (command: string, args: string[], cwd: string) =>
  promisify(execFile)(command, args, {
    cwd,
    env: { ...cleanEnv, ER_KEY: env.key, ENTRYRATE_API_URL: env.apiUrl },
  });

/** The same calls from ESM and from CommonJS: a page, and a typed error to check `instanceof` with. */
const CALLS = `const er = new EntryRate(process.env.ER_KEY);
  const page = await er.events.list({ limit: 1 });
  const missing = await er.events.retrieve('evt_missing').catch((error) => error);
  console.log(JSON.stringify({ total: page.pagination.total, notFound: missing instanceof NotFoundError }));`;
const SCRIPTS = {
  'esm.mjs': `import { EntryRate, NotFoundError } from '@entryrate/sdk';\n{\n  ${CALLS}\n}\n`,
  'cjs.cjs': `const { EntryRate, NotFoundError } = require('@entryrate/sdk');\n(async () => {\n  ${CALLS}\n})();\n`,
};
const TYPED = `import { EntryRate, type Event, NotFoundError } from '@entryrate/sdk';
const er = new EntryRate('er_test_key', { maxRetries: 1 });
export async function titles(): Promise<string[]> {
  const page = await er.events.list({ status: 'live', limit: 10 });
  const events: Event[] = page.data;
  const requestId: string | null = page.lastResponse.requestId;
  for await (const evt of er.events.list({ status: 'live' })) console.log(evt.title, evt.lowestPrice, requestId);
  return events.map((evt) => evt.title);
}
export const isNotFound = (error: unknown) => error instanceof NotFoundError && error.code === 'event.not_found';
`;

describe('the npm package, installed from its tarball', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'entryrate-sdk-pack-'));
    // Built by test:scenario already; the tarball is what `npm publish` would upload.
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', dir],
      sdk,
    );
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    await run('npm', ['init', '-y'], dir);
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, filename)], dir);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(`works from ${name.endsWith('.mjs') ? 'ESM (import)' : 'CommonJS (require)'} against the server`, async () => {
      await writeFile(path.join(dir, name), script);
      const { stdout } = await run(process.execPath, [name], dir);
      const answer = JSON.parse(stdout) as { total: number; notFound: boolean };
      assert.equal(typeof answer.total, 'number');
      assert.equal(answer.notFound, true);
    });
  }

  it('compiles TypeScript against its .d.ts, from CommonJS and ESM, with no @types/node', async () => {
    await writeFile(path.join(dir, 'typed.ts'), TYPED);
    await writeFile(path.join(dir, 'typed.mts'), TYPED);
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM'],
      types: [],
      skipLibCheck: false,
    };
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['typed.ts', 'typed.mts'] }),
    );
    await run(process.execPath, [tsc, '-p', dir], dir).catch((error) =>
      assert.fail(`${error.stdout}${error.stderr}`),
    );
  });

  it('ships only dist and its package.json', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], sdk);
    const [{ files }] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    const outside = files.map((file) => file.path).filter((file) => !file.startsWith('dist/'));
    for (const file of outside) assert.ok(['package.json', 'README.md'].includes(file), file);
    assert.ok(files.some((file) => file.path === 'dist/cjs/package.json'));
  });
});
