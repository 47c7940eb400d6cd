import { describe, expect, it } from 'vitest';
import { SimClock } from './sim-clock.ts';

describe('SimClock', () => {
  it('is real time until advanced, then runs on from the advanced time', () => {
    let real = Date.UTC(2026, 0, 1);
    const clock = new SimClock(() => real);
    expect(clock.now().getTime()).toBe(real);
    expect(clock.advance(90_000).getTime()).toBe(real + 90_000);
    real += 1000;
    expect(clock.now().getTime()).toBe(real + 90_000);
    expect(clock.offsetMs).toBe(90_000);
  });

  it('never goes back', () => {
    const clock = new SimClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.offsetMs).toBe(0);
  });
});
