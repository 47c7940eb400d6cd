import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

describe('src/openapi.ts', () => {
  it('is what `npm run openapi` generates from the server as it is now', () => {
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/openapi.ts', '--check'], {
      cwd: root,
      encoding: 'utf-8',
    });
    assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
  });
});
