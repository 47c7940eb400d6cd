import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

// A PostgreSQL that is not ours: Debian's own server package, a cluster of its own in a temporary
// folder, so a deploy test runs against the database a production host would have.

const run = promisify(execFile);
const ROOT = '/usr/lib/postgresql';

export interface DebianPostgres {
  /** A URL for `database` on this cluster (trust auth on loopback, user `postgres`). */
  url(database: string): string;
  /** Creates a database; resolves to its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m fast`, then removes the folder. */
  stop(): Promise<void>;
}

/**
 * The newest `/usr/lib/postgresql/<version>/bin`, or null when Debian's postgresql package is not
 * installed. In CI a missing package is a broken image, so it throws instead of letting tests skip.
 */
export function debianPostgresBin(): string | null {
  const versions = existsSync(ROOT) ? readdirSync(ROOT) : [];
  const bin = versions
    .filter((version) => existsSync(path.join(ROOT, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    .map((version) => path.join(ROOT, version, 'bin'))[0];
  if (bin) return bin;
  if (process.env.CI) {
    throw new Error(
      `No PostgreSQL server under ${ROOT}: install Debian's postgresql package (apt-get install postgresql)`,
    );
  }
  return null;
}

/** Initialises and starts a throwaway cluster on 127.0.0.1:`port`; resolves once it accepts connections. */
export async function startDebianPostgres(options: { bin: string; port: number }): Promise<DebianPostgres> {
  const { bin, port } = options;
  const dir = await mkdtemp(path.join(tmpdir(), 'entryrate-debian-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  // PostgreSQL refuses to run as root: then the `postgres` system user the package created owns the
  // folder (initdb creates the data folder, pg_ctl the log, the server its socket there).
  const asRoot = userInfo().uid === 0;
  await chmod(dir, 0o755);
  if (asRoot) {
    const owner = await postgresUser();
    await chown(dir, owner.uid, owner.gid);
  }
  const pgTool = (tool: string, args: string[]) => {
    const [command, prefix] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool)]]
      : [path.join(bin, tool), []];
    // cwd: the postgres user may not be able to enter ours.
    return run(command, [...prefix, ...args], { cwd: dir });
  };

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let started = false;
  const stop = async () => {
    try {
      if (started) await pgTool('pg_ctl', ['-D', data, 'stop', '-m', 'fast', '-w']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  try {
    await pgTool('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    // pg_ctl hands -o to a shell, hence the quoted socket folder.
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories='${dir}'`,
      '-c max_connections=200',
      '-c fsync=off',
    ].join(' ');
    started = true;
    await pgTool('pg_ctl', ['-D', data, '-o', settings, '-w', 'start', '-l', log]);
  } catch (error) {
    const said = await readFile(log, 'utf-8').catch(() => '');
    await stop().catch(() => {});
    throw new Error(
      `Debian PostgreSQL did not start: ${(error as Error).message}\n--- postgres.log ---\n${said}`,
    );
  }

  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
    throw new Error("Running as root needs the `postgres` system user: install Debian's postgresql package");
  });
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
}
