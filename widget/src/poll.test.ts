import { describe, expect, it, vi } from 'vitest';
import type { CheckoutSession } from './api';
import { ORDER, session as openSession } from './flow/fixtures';
import { pollSession } from './poll';

const session = (status: CheckoutSession['status'], order: CheckoutSession['order'] = null) =>
  openSession('tier_early', 2, { status, order });
const order = ORDER;

/** A fake clock: sleeping advances it, so a 60 s poll runs instantly. */
const clock = () => {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
};

describe('pollSession', () => {
  it('waits until the server says complete, with the order', async () => {
    const read = vi
      .fn()
      .mockResolvedValueOnce(session('open'))
      .mockRejectedValueOnce(new Error('offline for a moment'))
      .mockResolvedValueOnce(session('complete', order));
    const result = await pollSession(read, clock());
    expect(result?.order?.id).toBe('ord_1');
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('gives up after `within` and hands back the last session it read', async () => {
    const read = vi.fn().mockResolvedValue(session('open'));
    const result = await pollSession(read, { ...clock(), every: 1000, within: 60_000 });
    expect(result?.status).toBe('open');
    expect(read).toHaveBeenCalledTimes(61);
  });

  it('stops when aborted', async () => {
    const stop = new AbortController();
    const read = vi.fn(async () => {
      stop.abort();
      return session('open');
    });
    await pollSession(read, { ...clock(), signal: stop.signal });
    expect(read).toHaveBeenCalledTimes(1);
  });
});
