import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
/** The gateway gives stripe-node the sim's host and port over http, so the URL must name both and no path. */
const isSimApiUrl = (value: string) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  return url?.protocol === 'http:' && url.port !== '' && url.pathname === '/' && !url.search && !url.hash;
};

const isSmtpUrl = (value: string) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol);
/** `tickets@example.com` or `EntryRate <tickets@example.com>`. */
const MAILBOX = /^(?:(?<name>[^<>]*?)\s*<(?<angled>[^<>\s]+@[^<>\s]+)>|(?<bare>[^<>\s]+@[^<>\s]+))$/;

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.string().default('development'),
  DEMO_PORT: port(5173),
  STRIPE_SIM_PORT: port(12111),
  STRIPE_SIM_URL: z
    .string()
    .refine(isSimApiUrl, "must be the stripe-sim's API as http://host:port, such as http://127.0.0.1:12111")
    .optional(),
  STRIPE_SIM_PUBLIC_URL: z
    .string()
    .refine(isHttpUrl, 'must be the URL browsers load Stripe.js from, such as http://localhost:12111')
    .optional(),
  PG_PORT: port(54329),
  PUBLIC_URL: z.string().url().optional(),
  PREVIEW_URL: z
    .string()
    .refine(isHttpUrl, 'must be an http(s) origin, such as https://preview.example.com')
    .optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_')
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_/, 'must start with pk_test_ or pk_live_')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
  HOLD_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  RATE_LIMIT_PER_KEY: positiveInt(200),
  RATE_LIMIT_PER_PERSON: positiveInt(2000),
  RATE_LIMIT_KEY_MANAGEMENT: positiveInt(20),
  RATE_LIMIT_CHECKOUT: positiveInt(100),
  RATE_LIMIT_SCANS: positiveInt(1200),
  RATE_LIMIT_TICKET_LINKS: positiveInt(10),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(720),
  SIGN_IN_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(250),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('.data'),
  SMTP_URL: z
    .string()
    .refine(
      isSmtpUrl,
      'must be smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(MAILBOX, 'must be an address, such as tickets@example.com or "EntryRate <tickets@example.com>"')
    .optional(),
  MAIL_SMTP_PORT: port(1025),
  MAIL_WEB_PORT: port(1080),
});

/** Keys the stripe-sim accepts; used whenever no real Stripe keys are configured. */
export const SIM_STRIPE_KEYS = {
  secretKey: 'sk_test_entryrate_sim',
  publishableKey: 'pk_test_entryrate_sim',
  webhookSecret: 'whsec_entryrate_sim',
} as const;

export interface StripeConfig {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** The signing secret of the Connect webhook endpoint (connected accounts' events), if separate. */
  connectWebhookSecret: string | null;
  /** Set when the server talks to the stripe-sim: its API (server side) and Stripe.js (browser side). */
  sim: { apiUrl: string; publicUrl: string } | null;
}

export interface MailConfig {
  /** Where mail is sent; null queues it in the outbox until one is configured. */
  smtpUrl: string | null;
  /** The sender address; each mail about an order names its promoter as the sender. */
  from: { name: string; address: string };
  /** The ports of the local mail catcher that `npm start` runs when no SMTP_URL is set. */
  catcher: { smtpPort: number; webPort: number };
}

export interface Config {
  /** `NODE_ENV=production`: JSON logs for log shippers; otherwise lines a person reads. */
  production: boolean;
  /** The address the API binds: loopback by default, `0.0.0.0` behind a proxy. */
  host: string;
  port: number;
  demoPort: number;
  pgPort: number;
  stripeSimPort: number;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** How many reverse proxies in front of the API to trust for the client address (X-Forwarded-For). */
  trustProxy: number;
  publicUrl: string;
  /**
   * Another origin of this server where the dashboard's live widget preview runs, so nothing on it
   * can reach the dashboard's cookies or pages; null when none is known (set PREVIEW_URL).
   */
  previewUrl: string | null;
  dataDir: string;
  stripe: StripeConfig;
  holdMinutes: number;
  rateLimits: {
    perKey: number;
    /** A signed-in person's dashboard requests: a screen makes several, a person moves fast. */
    perPerson: number;
    keyManagement: number;
    checkout: number;
    scans: number;
    ticketLinks: number;
  };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  mail: MailConfig;
  /** Dashboard sign-in sessions: they end after this long unused (sliding), and after 7 days anyway. */
  sessionIdleMinutes: number;
  /**
   * The wait before a sign-in attempt after 5 failures for its email in 15 minutes; it doubles with
   * each further failure, up to 5 s.
   */
  signInDelayMs: number;
}

/** Where the stripe-sim is: STRIPE_SIM_URL (default on STRIPE_SIM_PORT), and its origin as browsers see it. */
function simUrls(e: z.infer<typeof envSchema>): { apiUrl: string; publicUrl: string } {
  const apiUrl = (e.STRIPE_SIM_URL ?? `http://127.0.0.1:${e.STRIPE_SIM_PORT}`).replace(/\/$/, '');
  const publicUrl = e.STRIPE_SIM_PUBLIC_URL ?? `http://localhost:${new URL(apiUrl).port}`;
  return { apiUrl, publicUrl: publicUrl.replace(/\/$/, '') };
}

/**
 * On a developer's machine the same server is a second origin under the other loopback name
 * (`localhost` ↔ `127.0.0.1`); elsewhere there is no second origin without PREVIEW_URL.
 */
function otherLoopbackOrigin(publicUrl: string): string | null {
  const url = new URL(publicUrl);
  const other = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' }[url.hostname];
  if (!other) return null;
  url.hostname = other;
  return url.origin;
}

function mailbox(text: string): { name: string; address: string } {
  const groups = MAILBOX.exec(text.trim())?.groups ?? {};
  return {
    name: groups.name?.replace(/^"|"$/g, '') || 'EntryRate',
    address: groups.angled ?? groups.bare ?? text,
  };
}

/** Builds the frozen configuration from an environment, failing with the offending variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const realStripe = [e.STRIPE_SECRET_KEY, e.STRIPE_PUBLISHABLE_KEY, e.STRIPE_WEBHOOK_SECRET];
  if (realStripe.some(Boolean) && !realStripe.every(Boolean)) {
    throw new Error(
      'Invalid configuration: set all of STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET, or none to use the stripe-sim',
    );
  }
  const production = e.NODE_ENV === 'production';
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  if (production && e.SMTP_URL && !e.MAIL_FROM) {
    throw new Error('Invalid configuration:\n  MAIL_FROM: set it with SMTP_URL, such as tickets@example.com');
  }
  const stripe: StripeConfig = e.STRIPE_SECRET_KEY
    ? {
        secretKey: e.STRIPE_SECRET_KEY,
        publishableKey: e.STRIPE_PUBLISHABLE_KEY as string,
        webhookSecret: e.STRIPE_WEBHOOK_SECRET as string,
        connectWebhookSecret: e.STRIPE_CONNECT_WEBHOOK_SECRET ?? null,
        sim: null,
      }
    : {
        ...SIM_STRIPE_KEYS,
        connectWebhookSecret: null,
        sim: simUrls(e),
      };
  return Object.freeze({
    production,
    host: e.HOST,
    port: e.PORT,
    demoPort: e.DEMO_PORT,
    pgPort: e.PG_PORT,
    stripeSimPort: e.STRIPE_SIM_PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    trustProxy: e.TRUST_PROXY,
    publicUrl,
    previewUrl: (e.PREVIEW_URL ?? otherLoopbackOrigin(publicUrl))?.replace(/\/$/, '') ?? null,
    dataDir: e.DATA_DIR,
    stripe,
    holdMinutes: e.HOLD_MINUTES,
    rateLimits: {
      perKey: e.RATE_LIMIT_PER_KEY,
      perPerson: e.RATE_LIMIT_PER_PERSON,
      keyManagement: e.RATE_LIMIT_KEY_MANAGEMENT,
      checkout: e.RATE_LIMIT_CHECKOUT,
      scans: e.RATE_LIMIT_SCANS,
      ticketLinks: e.RATE_LIMIT_TICKET_LINKS,
    },
    logLevel: e.LOG_LEVEL,
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: mailbox(e.MAIL_FROM ?? 'EntryRate <tickets@entryrate.localhost>'),
      catcher: { smtpPort: e.MAIL_SMTP_PORT, webPort: e.MAIL_WEB_PORT },
    },
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    signInDelayMs: e.SIGN_IN_DELAY_MS,
  });
}

/** loadConfig for a process's entry point: a bad variable prints one plain line and exits 1. */
export function loadConfigOrExit(prefix: string, env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  try {
    return loadConfig(env);
  } catch (error) {
    console.error(`${prefix}: ${(error as Error).message}`);
    process.exit(1);
  }
}
