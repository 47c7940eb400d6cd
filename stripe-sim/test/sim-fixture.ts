import Stripe from 'stripe';
import { createStripeSim, type StripeSim, type StripeSimOptions } from '../src/index.ts';

export interface SimFixture {
  sim: StripeSim;
  /** The real SDK, pointed at the sim as the EntryRate server points it. */
  stripe: Stripe;
  /** What the sim logged. */
  lines: string[];
}

/** Starts a sim on a free port with the `stripe` SDK pointed at it; call `sim.stop()` after. */
export async function startSim(options: StripeSimOptions = {}): Promise<SimFixture> {
  const lines: string[] = [];
  const sim = await createStripeSim({ port: 0, log: (line) => lines.push(line), ...options });
  const stripe = new Stripe('sk_test_entryrate', { host: '127.0.0.1', port: sim.port, protocol: 'http' });
  return { sim, stripe, lines };
}

/** Calls the sim's API at `baseUrl` form-encoded, as stripe-node and Stripe.js do; a secret key by default. */
export async function simCall(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  params: Record<string, string> = {},
  key = 'sk_test_entryrate',
): Promise<{ status: number; body: any }> {
  const query = new URLSearchParams(params);
  const response = await fetch(method === 'GET' ? `${baseUrl}${path}?${query}` : `${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}` },
    body: method === 'GET' ? undefined : query,
  });
  return { status: response.status, body: await response.json() };
}

/** Calls the sim as a browser would (Stripe.js in the sim's frame): form-encoded, with a publishable key. */
export function browserCall(
  sim: StripeSim,
  method: 'GET' | 'POST',
  path: string,
  params: Record<string, string>,
  key = 'pk_test_entryrate',
): Promise<{ status: number; body: any }> {
  return simCall(sim.url, method, path, params, key);
}

/** The card fields the Payment Element frame sends to `/confirm`. */
export function cardParams(number: string, clientSecret: string): Record<string, string> {
  return {
    client_secret: clientSecret,
    'payment_method_data[type]': 'card',
    'payment_method_data[card][number]': number,
    'payment_method_data[card][exp_month]': '12',
    'payment_method_data[card][exp_year]': String(new Date().getFullYear() + 2),
    'payment_method_data[card][cvc]': '123',
  };
}

/** The error a rejected SDK call threw, so a test can assert on its class and fields. */
export async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    return err as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}
