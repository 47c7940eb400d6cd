import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '../scripts/stack.ts';

// Ports of their own, so the suite runs beside a developer's `npm start`; E2E_PORT_OFFSET moves
// them all, so two checkouts of the project can run their suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const E2E_ENV = {
  PORT: String(4100 + offset),
  DEMO_PORT: String(5273 + offset),
  STRIPE_SIM_PORT: String(12311 + offset),
  PG_PORT: String(54429 + offset),
  MAIL_SMTP_PORT: String(1125 + offset),
  MAIL_WEB_PORT: String(1180 + offset),
  LOG_LEVEL: 'warn',
};

/** Starts the whole demo stack once, on a fresh embedded database, exactly as `npm start` does. */
export default async function globalSetup() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'entryrate-e2e-'));
  await chmod(dataDir, 0o755);
  const { DATABASE_URL: _developersOwn, SMTP_URL: _developersMail, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, ...E2E_ENV, DATA_DIR: dataDir };
  if (process.env.TEST_DATABASE_URL) env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  const stack = await startStack(env);
  process.env.E2E_DEMO_URL = stack.info.demoUrl;
  process.env.E2E_API_URL = stack.info.apiUrl;
  process.env.E2E_TEST_KEY = stack.info.testKey;
  process.env.E2E_EVENT_ID = stack.info.eventId;
  process.env.E2E_MAIL_URL = stack.info.mailUrl ?? '';
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
