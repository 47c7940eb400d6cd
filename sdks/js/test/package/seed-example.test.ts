import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { client, createLiveEvent, env, unique } from '../support.ts';

const seed = fileURLToPath(new URL('../../examples/seed.mjs', import.meta.url));

describe("the docs' JavaScript example (examples/seed.mjs, verbatim)", () => {
  it('lists the live events with their titles and lowest prices, given only ER_KEY and ENTRYRATE_API_URL', async () => {
    // The soonest doors of the promoter's live events, so that it is on the example's first page.
    const title = unique('Seed example');
    const event = await createLiveEvent(client(), title, { doorsInDays: 2 });
    const { stdout } = await promisify(execFile)(process.execPath, [seed], {
      env: { ER_KEY: env.key, ENTRYRATE_API_URL: env.apiUrl },
    });
    assert.ok(stdout.split('\n').includes(`${title} ${event.lowestPrice}`), stdout);
    assert.equal(event.lowestPrice, 1200);
  });
});
