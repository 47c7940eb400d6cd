import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDemoSite } from '../demo-site/src/server.ts';
import { createMailCatcher } from '../mail-catcher/src/index.ts';
import { startApi } from '../server/src/boot.ts';
import { type Config, loadConfig } from '../server/src/config.ts';
import { startEmbeddedPostgres } from '../server/src/db/embedded.ts';
import {
  DEMO_EVENT_ID,
  DEMO_OWNER,
  DEMO_SCANNER_KEY,
  DEMO_TEST_KEY,
  seedDemo,
} from '../server/src/demo/seed.ts';
import { createLogger } from '../server/src/logger.ts';
import { createStripeSim } from '../stripe-sim/src/index.ts';

export interface DemoInfo {
  apiUrl: string;
  demoUrl: string;
  stripeSimUrl: string | null;
  /** The local mail catcher's inbox, where every mail the demo sends lands; null with SMTP_URL. */
  mailUrl: string | null;
  testKey: string;
  /** The door scanner, and the demo's scanner key to set it up with. */
  scannerUrl: string;
  scannerKey: string;
  eventId: string;
  /** The dashboard, and the demo owner who signs in to it (a demo-only password). */
  dashboardUrl: string;
  dashboardEmail: string;
  dashboardPassword: string;
}

export interface Stack {
  info: DemoInfo;
  config: Readonly<Config>;
  databaseUrl: string;
  /** Stops every part in reverse order of start, Postgres last. */
  stop(): Promise<void>;
}

/**
 * Starts the whole demo: PostgreSQL (embedded unless DATABASE_URL), migrations, the demo promoter,
 * the stripe-sim (unless real Stripe keys are set), a mail catcher with a web inbox (unless
 * SMTP_URL is set), the API server and the demo site; writes
 * `<DATA_DIR>/demo.json`. Used by `npm start` and by the end-to-end tests.
 */
export async function startStack(env: NodeJS.ProcessEnv = process.env): Promise<Stack> {
  const config = loadConfig(env);
  const logger = createLogger(config);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse())
      await fn().catch((error) => logger.error({ err: error }, 'stop failed'));
  };

  try {
    const pg = config.databaseUrl
      ? null
      : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.pgPort });
    if (pg) stops.push(() => pg.stop());
    const databaseUrl = config.databaseUrl ?? (pg?.url as string);

    // STRIPE_SIM_URL points at a sim that runs on its own (`npm run stripe-sim`): use that one.
    const sim =
      config.stripe.sim && !env.STRIPE_SIM_URL
        ? await createStripeSim({
            port: config.stripeSimPort,
            publicUrl: config.stripe.sim.publicUrl,
            log: (line) => logger.debug({ component: 'stripe-sim' }, line),
          })
        : null;
    if (sim) stops.push(() => sim.stop());

    const catcher = config.mail.smtpUrl
      ? null
      : await createMailCatcher({
          smtpPort: config.mail.catcher.smtpPort,
          webPort: config.mail.catcher.webPort,
          log: (line) => logger.debug({ component: 'mail-catcher' }, line),
        });
    if (catcher) stops.push(() => catcher.stop());
    const mail = catcher ? { ...config.mail, smtpUrl: catcher.smtpUrl } : config.mail;

    const api = await startApi(
      { ...config, databaseUrl, mail },
      { logger, prepare: (db) => seedDemo(db, { holdMinutes: config.holdMinutes }) },
    );
    stops.push(() => api.stop());
    sim?.setWebhook({ url: `${api.url}/v1/stripe/webhook`, secret: config.stripe.webhookSecret });

    const site = await startDemoSite({
      port: config.demoPort,
      apiUrl: config.publicUrl,
      eventId: DEMO_EVENT_ID,
      stripeSimUrl: config.stripe.sim?.publicUrl ?? null,
    });
    stops.push(() => site.stop());

    const info: DemoInfo = {
      apiUrl: config.publicUrl,
      demoUrl: site.url,
      stripeSimUrl: config.stripe.sim?.publicUrl ?? null,
      mailUrl: catcher?.webUrl ?? null,
      testKey: DEMO_TEST_KEY,
      scannerUrl: `${config.publicUrl}/scan/`,
      scannerKey: DEMO_SCANNER_KEY,
      eventId: DEMO_EVENT_ID,
      dashboardUrl: `${config.publicUrl}/dashboard`,
      dashboardEmail: DEMO_OWNER.email,
      dashboardPassword: DEMO_OWNER.password,
    };
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(path.join(config.dataDir, 'demo.json'), `${JSON.stringify(info, null, 2)}\n`);
    return { info, config, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
