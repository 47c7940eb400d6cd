/**
 * The sim's time: real time plus however far it has been advanced. What the sim stamps (`created`) and
 * schedules (webhook retries) reads it, so a test can skip the hours Stripe waits between retries.
 * It only moves forward.
 */
export class SimClock {
  private advancedMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.realNow() + this.advancedMs;
  }

  /** How far the sim's time is ahead of real time. */
  get offsetMs(): number {
    return this.advancedMs;
  }

  /** Moves the clock `ms` forward and answers the new time. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`The sim clock only moves forward, not by ${ms} ms`);
    this.advancedMs += ms;
    return this.now();
  }
}
