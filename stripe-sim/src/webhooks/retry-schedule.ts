const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Stripe retries an undelivered event "for up to three days with an exponential back off" in live
 * mode, without publishing the intervals. The sim waits 1 min, 5 min, 30 min, 2 h, 5 h and 10 h, then
 * every 12 h, with a last attempt at 3 days.
 */
export const GIVE_UP_AFTER_MS = 72 * HOUR;
const BACKOFF_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
const THEN_EVERY_MS = 12 * HOUR;

function attemptsDue(): number[] {
  const due = [0];
  for (let i = 0; ; i++) {
    const next = (due.at(-1) as number) + (BACKOFF_MS[i] ?? THEN_EVERY_MS);
    if (next >= GIVE_UP_AFTER_MS) break;
    due.push(next);
  }
  due.push(GIVE_UP_AFTER_MS);
  return due;
}

/** When each attempt is due, counted from the event: the first at once, the last at 3 days. */
export const ATTEMPTS_DUE_MS: readonly number[] = Object.freeze(attemptsDue());

/**
 * When the next attempt at an event created at `createdMs` is due, after `attemptsMade`; null when
 * there is none left. Slots are fixed from the event, so a clock moved past several of them has them
 * all come due at once, as if the sim had tried at each.
 */
export function nextAttemptDue(createdMs: number, attemptsMade: number): number | null {
  const due = ATTEMPTS_DUE_MS[attemptsMade];
  return due === undefined ? null : createdMs + due;
}

/** A span as a person reads it in the log: `1m`, `2h36m`, `3d`. */
export function inWords(ms: number): string {
  const s = Math.round(ms / 1000);
  const units: [number, string][] = [
    [Math.floor(s / 86_400), 'd'],
    [Math.floor((s % 86_400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'm'],
    [s % 60, 's'],
  ];
  const parts = units.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`);
  return parts.join('') || '0s';
}
