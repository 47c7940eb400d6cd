/** Waits after the 1st, 2nd, … failed attempt (the last repeats), and how long to keep trying in all. */
export interface RetrySchedule {
  delaysMs: readonly number[];
  retryForMs: number;
}

/**
 * When to try again after `attempts` failed attempts: the schedule's delay with ±20 % jitter (so
 * what failed together is not retried together), never past the deadline `createdAt + retryForMs`;
 * null once the deadline has been reached, which makes this attempt the last.
 */
export function retryAt(
  schedule: RetrySchedule,
  attempts: number,
  createdAt: Date,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  const deadline = createdAt.getTime() + schedule.retryForMs;
  if (now.getTime() >= deadline) return null;
  const { delaysMs } = schedule;
  const base = delaysMs[Math.min(Math.max(attempts, 1), delaysMs.length) - 1] as number;
  const delay = base * (0.8 + 0.4 * random());
  return new Date(Math.min(now.getTime() + delay, deadline));
}
