import type { DemoInfo } from '../../scripts/stack.ts';

/**
 * The variables the suite's stack starts with: ports of their own, so the suite runs beside a
 * developer's `npm start`; `E2E_PORT_OFFSET` moves them all, so two checkouts of the project can run
 * their suites side by side.
 */
export function stackEnv(offset = Number(process.env.E2E_PORT_OFFSET ?? 0)): NodeJS.ProcessEnv {
  return {
    PORT: String(4100 + offset),
    DEMO_PORT: String(5273 + offset),
    STRIPE_SIM_PORT: String(12311 + offset),
    PG_PORT: String(54429 + offset),
    MAIL_SMTP_PORT: String(1125 + offset),
    MAIL_WEB_PORT: String(1180 + offset),
    LOG_LEVEL: 'warn',
    // Every test of the suite calls the API with the one demo key, far more often in 15 minutes than
    // a promoter's server would; the limit itself is tested in integration (rate-limit.int.test.ts).
    RATE_LIMIT_PER_KEY: '5000',
  };
}

/** Tells the test workers, which inherit global set-up's environment, where the stack runs. */
export function publishStack(info: DemoInfo) {
  process.env.E2E_DEMO_URL = info.demoUrl;
  process.env.E2E_API_URL = info.apiUrl;
  process.env.E2E_TEST_KEY = info.testKey;
  process.env.E2E_EVENT_ID = info.eventId;
  process.env.E2E_MAIL_URL = info.mailUrl ?? '';
  process.env.E2E_STRIPE_SIM_URL = info.stripeSimUrl ?? '';
  process.env.E2E_DASHBOARD_EMAIL = info.dashboardEmail;
  process.env.E2E_DASHBOARD_PASSWORD = info.dashboardPassword;
}

/** A page of the promoter's demo site: `demoUrl('/modal.html')`. */
export const demoUrl = (pathname = '/') => `${process.env.E2E_DEMO_URL}${pathname}`;

/** An address on the API's origin, which also serves the widget and the hosted checkout. */
export const apiUrl = (pathname = '') => `${process.env.E2E_API_URL}${pathname}`;

/** The mail catcher's web inbox. */
export const mailUrl = () => process.env.E2E_MAIL_URL as string;

/** The demo promoter's secret test key. */
export const testKey = () => process.env.E2E_TEST_KEY as string;

/** The id of the demo promoter's seeded event. */
export const demoEventId = () => process.env.E2E_EVENT_ID as string;

/** The demo promoter's owner, who signs in to the dashboard (demo.json's dashboardEmail and dashboardPassword). */
export const demoOwner = () => ({
  email: process.env.E2E_DASHBOARD_EMAIL as string,
  password: process.env.E2E_DASHBOARD_PASSWORD as string,
});

/** The stripe-sim's API, which plays the buyer's bank for a sale made without a browser. */
export const stripeSimUrl = () => process.env.E2E_STRIPE_SIM_URL as string;
