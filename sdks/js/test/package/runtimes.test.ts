import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const vector = fileURLToPath(new URL('../../../harness/webhook-vector.json', import.meta.url));

/**
 * The built ESM package, loaded where there is neither `process` nor a global `crypto` (as in
 * browsers and edge runtimes, and Node 18): a POST gets its UUID Idempotency-Key, and the seed's
 * webhook check verifies, through `node:crypto`'s webcrypto loaded on demand.
 */
const SCRIPT = `
const { readFileSync } = await import('node:fs');
const write = process.stdout.write.bind(process.stdout);
const vector = JSON.parse(readFileSync(${JSON.stringify(vector)}, 'utf-8'));
Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
delete globalThis.process;
const { EntryRate } = await import(${JSON.stringify(path.join(dist, 'esm/index.js'))});
const sent = [];
const fetch = async (url, init) => {
  sent.push(init.headers);
  return new Response('{"id":"vn_1"}', { status: 201 });
};
const er = new EntryRate('er_test_edge', { baseUrl: 'http://api.test', fetch });
const venue = await er.venues.create({ name: 'Hall', city: 'Bristol', timezone: 'Europe/London' });
const seedOnly = { 'EntryRate-Signature': vector.headers['EntryRate-Signature'] };
const event = await EntryRate.webhooks.verify(vector.body, seedOnly, vector.secret);
write(JSON.stringify({ hasProcess: typeof process !== 'undefined', venue: venue.id, headers: sent[0], event: event.id }));
`;

describe('runtimes other than a recent Node', () => {
  it('works without process and without a global crypto', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', SCRIPT]);
    const answer = JSON.parse(stdout);
    assert.equal(answer.hasProcess, false);
    assert.equal(answer.venue, 'vn_1');
    assert.equal(answer.event, 'we_5kq2mhx9');
    assert.match(answer.headers['Idempotency-Key'], /^[0-9a-f-]{36}$/);
    assert.equal(answer.headers['User-Agent'], undefined);
  });

  it('imports nothing from node: at the top of a module', () => {
    for (const build of ['esm', 'cjs']) {
      const files = readdirSync(path.join(dist, build), { recursive: true, encoding: 'utf-8' });
      for (const file of files.filter((name) => name.endsWith('.js'))) {
        const source = readFileSync(path.join(dist, build, file), 'utf-8');
        assert.doesNotMatch(source, /^(import .* from |.*\brequire\()['"]node:/m, `${build}/${file}`);
      }
    }
  });
});
