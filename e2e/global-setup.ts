import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '../scripts/stack.ts';
import { publishStack, stackEnv } from './support/stack.ts';

/** Starts the whole demo stack once, on a fresh embedded database, exactly as `npm start` does. */
export default async function globalSetup() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'entryrate-e2e-'));
  await chmod(dataDir, 0o755);
  const { DATABASE_URL: _developersOwn, SMTP_URL: _developersMail, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, ...stackEnv(), DATA_DIR: dataDir };
  if (process.env.TEST_DATABASE_URL) env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  const stack = await startStack(env);
  publishStack(stack.info);
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
