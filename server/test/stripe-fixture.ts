import Stripe from 'stripe';
import { createStripeSim, type StripeSim } from '../../stripe-sim/src/index.ts';
import { SIM_STRIPE_KEYS } from '../src/config.ts';
import { startTestServer, type TestServer } from './harness.ts';

export interface PaidStack {
  sim: StripeSim;
  server: TestServer;
  /** The real Stripe SDK pointed at the sim, to pay as a buyer's browser would. */
  stripe: Stripe;
  stop(): Promise<void>;
}

/** The API with its own database and a stripe-sim whose webhooks reach it. */
export async function startPaidStack(
  options: { startWorker?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<PaidStack> {
  const sim = await createStripeSim({ port: 0, log: () => {} });
  const server = await startTestServer({
    ...options,
    env: { STRIPE_SIM_PORT: String(sim.port), ...options.env },
  });
  sim.setWebhook({ url: `${server.url}/v1/stripe/webhook`, secret: SIM_STRIPE_KEYS.webhookSecret });
  const stripe = new Stripe(SIM_STRIPE_KEYS.secretKey, {
    host: '127.0.0.1',
    port: sim.port,
    protocol: 'http',
  });
  return {
    sim,
    server,
    stripe,
    stop: async () => {
      await server.stop();
      await sim.stop();
    },
  };
}

/** Posts an event to the server's Stripe webhook, signed with the sim's secret as Stripe would sign it. */
export async function sendStripeEvent(
  stack: PaidStack,
  event: Record<string, unknown>,
): Promise<{ status: number; body: { error?: { code: string } } }> {
  const payload = JSON.stringify({ object: 'event', livemode: false, ...event });
  const signature = stack.stripe.webhooks.generateTestHeaderString({
    payload,
    secret: SIM_STRIPE_KEYS.webhookSecret,
  });
  const res = await fetch(`${stack.server.url}/v1/stripe/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body: payload,
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}
