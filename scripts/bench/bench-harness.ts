import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.ts';

// What every benchmark shares: settings from the environment, a run that always cleans up after
// itself (also on Ctrl-C), and a PostgreSQL of its own.

/** Undone in reverse order when the benchmark ends, however it ends. */
export const cleanups: (() => Promise<unknown>)[] = [];

async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((error) => console.error(error));
}

/** Runs a benchmark's body, reports a failure through the exit code, and cleans up. */
export async function runBenchmark(run: () => Promise<void>): Promise<void> {
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    await run();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

/** A whole number from the environment, or `fallback`; anything else stops the benchmark with the name. */
export function intEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a whole number, not '${value}'`);
  return parsed;
}

/** A temporary directory PostgreSQL (running as its own user) can enter, removed at the end. */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 0o755);
  return dir;
}

/** DATABASE_URL when set (a scratch database: the benchmark leaves its rows), else an embedded server. */
export async function startDatabase(
  port: number,
  prefix: string,
): Promise<{ databaseUrl: string; pgDataDir: string | null }> {
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL, pgDataDir: null };
  const pgDataDir = path.join(await scratchDir(prefix), 'pg');
  const pg = await startEmbeddedPostgres({ dataDir: pgDataDir, port, database: 'bench' });
  cleanups.push(() => pg.stop());
  return { databaseUrl: pg.url, pgDataDir };
}
