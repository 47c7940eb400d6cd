import { createStripeSim, type StripeSimOptions } from './index.ts';

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

/**
 * The sim's settings from the environment (what `npm run stripe-sim` reads), failing fast with the
 * variable's name.
 */
function configFromEnv(env: NodeJS.ProcessEnv): StripeSimOptions {
  const rawPort = env.STRIPE_SIM_PORT || '12111';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    throw new Error(`STRIPE_SIM_PORT must be a port number (0-65535), got "${rawPort}"`);
  }
  const publicUrl = env.STRIPE_SIM_PUBLIC_URL || undefined;
  if (publicUrl && !isHttpUrl(publicUrl)) {
    throw new Error(
      `STRIPE_SIM_PUBLIC_URL must be a URL (the origin browsers load Stripe.js from), got "${publicUrl}"`,
    );
  }
  const url = env.STRIPE_SIM_WEBHOOK_URL || undefined;
  const secret = env.STRIPE_WEBHOOK_SECRET || undefined;
  if (url && !secret)
    throw new Error('STRIPE_SIM_WEBHOOK_URL is set, so STRIPE_WEBHOOK_SECRET (whsec_…) must be too');
  if (url && !isHttpUrl(url)) throw new Error(`STRIPE_SIM_WEBHOOK_URL must be a URL, got "${url}"`);
  if (secret && !secret.startsWith('whsec_'))
    throw new Error("STRIPE_WEBHOOK_SECRET must start with whsec_, as Stripe's signing secrets do");
  return Object.freeze({
    port,
    host: env.STRIPE_SIM_HOST || undefined,
    publicUrl,
    webhook: url && secret ? { url, secret } : undefined,
  });
}

let options: StripeSimOptions;
try {
  options = configFromEnv(process.env);
} catch (err) {
  console.error(`[stripe-sim] ${(err as Error).message}`);
  process.exit(1);
}

const sim = await createStripeSim(options);
console.log(
  `[stripe-sim] secret keys sk_test_…, publishable keys pk_test_…; Stripe.js at ${sim.publicUrl}/js/v3; ` +
    `the clock moves with POST ${sim.url}/v1/stripe_sim/clock/advance (seconds=…)`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1); // a second signal: stop waiting
  stopping = true;
  console.log(`[stripe-sim] ${signal}: stopping`);
  await sim.stop();
  // Exit explicitly: a runner such as tsx may hold the process open after its signal was handled.
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
