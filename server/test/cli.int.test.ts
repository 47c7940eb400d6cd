import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { DEMO_PROMOTER_ID } from '../src/demo/seed.ts';
import { ACTIVE_KEY_TTL_MS } from '../src/promoters/active-key-cache.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** `npm run entryrate -- …` as a process, with only PATH and HOME of this one's environment. */
function entryrate(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const options = {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    };
    execFile('node_modules/.bin/tsx', ['scripts/entryrate.ts', ...args], options, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** A failure as promised: exit 1 and one plain line on stderr, no stack. */
function expectOneLineFailure(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(pattern)]);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entryrate-cli-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user, who must get in
  return dir;
}

let server: TestServer;
let client: ReturnType<typeof api>;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
  env = { DATABASE_URL: server.app.deps.config.databaseUrl as string };
});
afterAll(() => server?.stop());

const venues = async (key: string) => (await client.get('/v1/venues', { key })).status;

describe('npm run entryrate', () => {
  it('prints its usage for help, and fails with it for nothing or an unknown command', async () => {
    const [long, short, word, none, unknown] = await Promise.all([
      entryrate(['--help'], env),
      entryrate(['-h'], env),
      entryrate(['help'], env),
      entryrate([], env),
      entryrate(['promoter', 'delete'], env),
    ]);
    for (const help of [long, short, word]) {
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: npm run entryrate -- <command>/);
      for (const command of ['promoter create', 'promoter list', 'key create', 'key revoke']) {
        expect(help.stdout).toContain(command);
      }
    }
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toContain(long.stdout.trim());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^entryrate: unknown command 'promoter delete'/);
  });

  it('creates a promoter whose keys work, lists it, makes keys of either mode and revokes them', async () => {
    const created = await entryrate(['promoter', 'create', 'Strange Brew'], env);
    expect(created.code, created.stderr).toBe(0);
    const promoterId = /id:\s+(pr_\w+)/.exec(created.stdout)?.[1] as string;
    const testKey = /test key:\s+(er_test_\w+)/.exec(created.stdout)?.[1] as string;
    const liveKey = /live key:\s+(er_live_\w+)/.exec(created.stdout)?.[1] as string;
    expect(await venues(testKey)).toBe(200);
    // Known, but refused while the server runs against the stripe-sim.
    expect(await venues(liveKey)).toBe(403);

    const listed = await entryrate(['promoter', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+NAME\s+CREATED\s+TEST KEYS\s+LIVE KEYS$/m);
    expect(listed.stdout).toMatch(
      new RegExp(`^${promoterId}\\s+Strange Brew\\s+\\d{4}-\\d\\d-\\d\\d\\s+1\\s+1$`, 'm'),
    );

    const made = await entryrate(['key', 'create', promoterId, '--name', 'Box office'], env);
    expect(made.code, made.stderr).toBe(0);
    const keyId = /(key_\w+) \(test mode, "Box office"\)/.exec(made.stdout)?.[1] as string;
    const secret = /secret:\s+(er_test_\w+)/.exec(made.stdout)?.[1] as string;
    expect(await venues(secret)).toBe(200);
    const admin = await entryrate(['key', 'create', promoterId, '--kind', 'admin'], env);
    expect(admin.stdout).toMatch(/key_\w+ \(test mode, admin\)/);

    const revoked = await entryrate(['key', 'revoke', keyId], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${keyId}`);
    // The server is another process than the CLI: it may trust the key it looked up for
    // ACTIVE_KEY_TTL_MS more, and no longer.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ACTIVE_KEY_TTL_MS });
    try {
      expect(await venues(secret)).toBe(401);
    } finally {
      vi.useRealTimers();
    }
    expect(await venues(testKey)).toBe(200);

    const [again, unknownKey, live] = await Promise.all([
      entryrate(['key', 'revoke', keyId], env),
      entryrate(['key', 'revoke', 'key_missing'], env),
      entryrate(['key', 'create', promoterId, '--mode', 'live'], env),
    ]);
    expectOneLineFailure(again, new RegExp(`^entryrate: Key ${keyId} was already revoked`));
    expectOneLineFailure(unknownKey, /^entryrate: No API key has the id 'key_missing'\.$/);
    expect(live.stdout).toMatch(/\(live mode\)/);
    expect(await venues(/secret:\s+(er_live_\w+)/.exec(live.stdout)?.[1] as string)).toBe(403);

    const relisted = await entryrate(['promoter', 'list'], env);
    // The first test key and the admin key are active; the second test key is revoked.
    expect(relisted.stdout).toMatch(new RegExp(`^${promoterId}\\s+Strange Brew\\s+\\S+\\s+2\\s+2$`, 'm'));
  });

  it('refuses bad input in one plain line and exit 1', async () => {
    const cases: [string[], RegExp][] = [
      [['key', 'create', 'pr_missing'], /^entryrate: No promoter has the id 'pr_missing'/],
      [['promoter', 'create', 'x'.repeat(201)], /^entryrate: name: must be at most 200 characters$/],
      [
        ['key', 'create', DEMO_PROMOTER_ID, '--colour', 'red'],
        /^entryrate: Unknown option '--colour'; usage: npm run entryrate -- key create/,
      ],
      [['key', 'create', DEMO_PROMOTER_ID, '--mode', 'prod'], /^entryrate: --mode: .*"test"\|"live"/],
      [['promoter', 'create', 'Strange', 'Brew'], /^entryrate: usage: npm run entryrate -- promoter create/],
    ];
    const results = await Promise.all(cases.map(([args]) => entryrate(args, env)));
    for (const [i, result] of results.entries()) expectOneLineFailure(result, cases[i]?.[1] as RegExp);
  });
});

describe('without DATABASE_URL', () => {
  it('joins the embedded PostgreSQL that npm start runs on PG_PORT instead of starting another', async () => {
    const dir = await tempDir();
    const port = await freePort();
    const running = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port });
    try {
      const created = await entryrate(['promoter', 'create', 'Joined'], {
        PG_PORT: String(port),
        DATA_DIR: dir,
      });
      expect(created.code, created.stderr).toBe(0);
      expect(created.stderr).toBe('');
      const db = createDatabase(running.url, { poolSize: 1 });
      const names = await db.selectFrom('promoters').select('name').execute();
      await db.destroy();
      expect(names).toEqual([{ name: 'Joined' }]);
    } finally {
      await running.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts the embedded PostgreSQL for the one command when nothing answers, and stops it after', async () => {
    const dir = await tempDir();
    const port = String(await freePort());
    try {
      const created = await entryrate(['promoter', 'create', 'Alone'], { PG_PORT: port, DATA_DIR: dir });
      expect(created.code, created.stderr).toBe(0);
      expect(created.stderr).toMatch(/^No PostgreSQL on port \d+: starting the embedded one/);
      // Started again, so the first command did stop it; and the data stayed.
      const listed = await entryrate(['promoter', 'list'], { PG_PORT: port, DATA_DIR: dir });
      expect(listed.stderr).toMatch(/^No PostgreSQL on port \d+: starting the embedded one/);
      expect(listed.stdout).toMatch(/\s+Alone\s+/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
