import type { CheckoutSession } from './api';

// The browser's word is never taken for payment: after Stripe confirms, the widget waits for the
// server (told by Stripe's webhook) to mark the session complete.

export interface PollOptions {
  every?: number;
  within?: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Reads the session until it is complete with its order, or `within` ms pass; resolves the last one read. */
export async function pollSession(
  read: () => Promise<CheckoutSession>,
  { every = 1000, within = 60_000, signal, sleep = pause, now = Date.now }: PollOptions = {},
): Promise<CheckoutSession | null> {
  const end = now() + within;
  let last: CheckoutSession | null = null;
  for (;;) {
    try {
      last = await read();
      if (last.status === 'complete' && last.order) return last;
    } catch {
      // A dropped request while waiting is not a failed payment: keep asking until the deadline.
    }
    if (signal?.aborted || now() >= end) return last;
    await sleep(every);
  }
}
