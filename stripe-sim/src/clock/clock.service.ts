import { type Params, rejectUnknown, requiredInteger } from '../http/params.ts';
import { invalidRequest } from '../http/stripe-error.ts';
import type { Sim } from '../sim.ts';
import type { DeliveryRun } from '../webhooks/dispatcher.ts';

const MAX_SECONDS = 366 * 24 * 3600;
const ADVANCE_PARAMS: ReadonlySet<string> = new Set(['seconds']);

/** The sim clock as its routes show it: `now` in unix seconds, as Stripe stamps times. */
export interface SimClockState {
  object: 'stripe_sim.clock';
  now: number;
  now_iso: string;
  /** Seconds the sim clock is ahead of real time. */
  offset: number;
}

/** What an advance answers: the new time, and what the webhook retries that came due did. */
export interface ClockAdvance extends SimClockState {
  webhooks: DeliveryRun & { pending: number };
}

export function clockState(sim: Sim): SimClockState {
  const now = sim.clock.now();
  return {
    object: 'stripe_sim.clock',
    now: Math.floor(now.getTime() / 1000),
    now_iso: now.toISOString(),
    offset: sim.clock.offsetMs / 1000,
  };
}

/**
 * Moves the sim clock `ms` forward, makes every webhook attempt that has come due (each of several,
 * when the clock skipped past them), and resolves once they are done.
 */
export async function advanceClock(sim: Sim, ms: number): Promise<ClockAdvance> {
  sim.clock.advance(ms);
  const run = await sim.webhooks.runDue();
  return { ...clockState(sim), webhooks: { ...run, pending: sim.webhooks.pending } };
}

/** `POST /v1/stripe_sim/clock/advance` with `seconds` (a whole number, 0 to make only what is due now). */
export function advanceClockBy(sim: Sim, params: Params): Promise<ClockAdvance> {
  rejectUnknown(params, ADVANCE_PARAMS);
  const seconds = requiredInteger(params, 'seconds');
  if (seconds < 0 || seconds > MAX_SECONDS) {
    throw invalidRequest(
      `seconds must be from 0 to ${MAX_SECONDS} (366 days): the clock only moves forward`,
      'seconds',
    );
  }
  return advanceClock(sim, seconds * 1000);
}
