import { randomUUID } from 'node:crypto';
import type { Fault, ProxiedRequest } from '../../harness/fault-proxy.ts';
import { type ClientOptions, EntryRate } from '../src/index.ts';

// What the scenario and package tests share: the harness's environment, a client, the fault
// proxy's control endpoint, and the objects most tests start from.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests with \`npx tsx sdks/harness/run.ts js\`.`);
  return value;
}

export const env = {
  key: required('ER_KEY'),
  /** The API through the fault proxy: the client's default, from ENTRYRATE_API_URL. */
  apiUrl: required('ENTRYRATE_API_URL'),
  faultsUrl: required('ER_FAULTS_URL'),
  stripeSimUrl: required('ER_STRIPE_SIM_URL'),
  stripeSecretKey: required('ER_STRIPE_SECRET_KEY'),
};

/** A client as a user makes one: the key, and the base URL from ENTRYRATE_API_URL. */
export const client = (options: ClientOptions = {}) => new EntryRate(env.key, options);

/** Words no other run's titles hold, for the `q` filter. */
export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

/** Makes the next requests through the proxy fail in these ways, in order; clears its log. */
export async function injectFaults(next: Fault[]): Promise<void> {
  const response = await fetch(env.faultsUrl, { method: 'POST', body: JSON.stringify({ next }) });
  if (!response.ok) throw new Error(`fault proxy: ${response.status} ${await response.text()}`);
}

/** What reached the proxy since the last injectFaults. */
export async function faultLog(): Promise<ProxiedRequest[]> {
  const response = await fetch(env.faultsUrl);
  return ((await response.json()) as { log: ProxiedRequest[] }).log;
}

/** An ISO instant `days` from now, for doors. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export function createVenue(er: EntryRate) {
  return er.venues.create({ name: unique('Strange Brew'), city: 'Bristol', timezone: 'Europe/London' });
}

/** A draft event at a new venue, with an Early bird (1200) and a Standard (1800) tier. */
export async function createEvent(er: EntryRate, title: string, options: { doorsInDays?: number } = {}) {
  const venue = await createVenue(er);
  return er.events.create({
    title,
    venueId: venue.id,
    doors: inDays(options.doorsInDays ?? 30),
    tiers: [
      { name: 'Early bird', price: 1200, stock: 200 },
      { name: 'Standard', price: 1800, stock: 200 },
    ],
  });
}

export async function createLiveEvent(er: EntryRate, title: string, options: { doorsInDays?: number } = {}) {
  const event = await createEvent(er, title, options);
  return er.events.publish(event.id);
}
