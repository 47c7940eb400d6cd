import { describe, expect, it } from 'vitest';
import { ApiError, OFFLINE } from '../api';
import { completed, session, setup } from './fixtures';

// Where a page load finds the buyer (open.ts), through the flow it starts.

describe('a page load', () => {
  const stored = (t: ReturnType<typeof setup>) =>
    t.store.setItem(
      'entryrate:session:evt_1:inline',
      JSON.stringify({ id: 'cs_1', secret: 'cs_1_secret_x' }),
    );

  it('resumes the stored session at payment', async () => {
    const t = setup(session());
    stored(t);
    t.flow.send({ type: 'load' });
    await t.reach('pay');
    expect(t.flow.state.held?.id).toBe('cs_1');
  });

  it('confirms a session paid by a method that redirected back', async () => {
    const t = setup(session(), { search: '?payment_intent=pi_1&payment_intent_client_secret=pi_1_secret' });
    stored(t);
    t.setCurrent(completed(session()));
    t.flow.send({ type: 'load' });
    await t.reach('done');
  });

  it('forgets a stored session that has ended, but keeps the key of a purchase whose answer was lost', async () => {
    const t = setup(session());
    stored(t);
    t.store.setItem('entryrate:idempotency:evt_1:inline', '{"key":"k","bodyJson":"{}"}');
    t.setCurrent({ ...session(), status: 'expired' });
    t.flow.send({ type: 'load' });
    await t.reach('select');
    expect(t.store.map.size).toBe(0);

    const fresh = setup(session());
    fresh.store.setItem('entryrate:idempotency:evt_1:inline', '{"key":"k","bodyJson":"{}"}');
    fresh.flow.send({ type: 'load' });
    await fresh.reach('select');
    expect(fresh.store.map.size).toBe(1);
  });

  it('says why the event could not load, and tries again', async () => {
    const t = setup(session());
    t.api.event.mockRejectedValueOnce(new ApiError(0, 'network', OFFLINE));
    t.flow.send({ type: 'load' });
    await t.reach('failed');
    t.flow.send({ type: 'load' });
    await t.reach('select');
  });
});
