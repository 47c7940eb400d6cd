import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createClient, OFFLINE } from './api';

const reply = (status: number, body: unknown) =>
  vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );

afterEach(() => vi.unstubAllGlobals());

describe('createClient', () => {
  it('reads the widget event with a simple GET (no preflight)', async () => {
    const fetch = reply(200, { event: { id: 'evt_1' } });
    vi.stubGlobal('fetch', fetch);
    await expect(createClient('http://api.test').event('evt 1')).resolves.toEqual({ event: { id: 'evt_1' } });
    expect(fetch).toHaveBeenCalledWith('http://api.test/v1/widget/events/evt%201', undefined);
  });

  it('posts the exact body with its Idempotency-Key', async () => {
    const fetch = reply(201, { id: 'cs_1' });
    vi.stubGlobal('fetch', fetch);
    await createClient('http://api.test').createSession('{"eventId":"evt_1"}', 'key-1');
    expect(fetch).toHaveBeenCalledWith('http://api.test/v1/checkout/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-1' },
      body: '{"eventId":"evt_1"}',
    });
  });

  it('sends the session client secret in the body to pay and in the query to read', async () => {
    const fetch = reply(200, {});
    vi.stubGlobal('fetch', fetch);
    const api = createClient('http://api.test');
    const ref = { id: 'cs_1', clientSecret: 'cs_1_secret_a/b' };
    await api.pay(ref, 'key-2');
    await api.session(ref);
    expect(fetch.mock.calls[0]).toMatchObject([
      'http://api.test/v1/checkout/sessions/cs_1/payment',
      { method: 'POST', body: '{"clientSecret":"cs_1_secret_a/b"}' },
    ]);
    expect(fetch.mock.calls[1]?.[0]).toBe(
      'http://api.test/v1/checkout/sessions/cs_1?clientSecret=cs_1_secret_a%2Fb',
    );
  });

  it('changes the tickets of a session and cancels one, with its client secret', async () => {
    const fetch = reply(200, {});
    vi.stubGlobal('fetch', fetch);
    const api = createClient('http://api.test');
    const ref = { id: 'cs_1', clientSecret: 'cs_1_secret_a' };
    await api.update(ref, [{ tierId: 'tier_a', quantity: 2 }]);
    await api.cancel(ref);
    expect(fetch.mock.calls[0]).toMatchObject([
      'http://api.test/v1/checkout/sessions/cs_1',
      { method: 'POST', body: '{"clientSecret":"cs_1_secret_a","items":[{"tierId":"tier_a","quantity":2}]}' },
    ]);
    expect(fetch.mock.calls[1]).toMatchObject([
      'http://api.test/v1/checkout/sessions/cs_1/cancel',
      { method: 'POST', body: '{"clientSecret":"cs_1_secret_a"}' },
    ]);
  });

  it('turns an error body into an ApiError the buyer can read', async () => {
    const error = {
      code: 'event.tier_oversold',
      message: "Tier 'Early bird' has 0 left.",
      param: 'items[0].quantity',
    };
    vi.stubGlobal('fetch', reply(409, { error }));
    const failure = await createClient('http://api.test')
      .createSession('{}', 'k')
      .catch((e) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, ...error });
  });

  it('says the server could not be reached when fetch itself fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(createClient('http://api.test').event('evt_1')).rejects.toMatchObject({
      status: 0,
      code: 'network',
      message: OFFLINE,
    });
  });

  it('survives a non-JSON error page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<h1>Bad gateway</h1>', { status: 502 })),
    );
    await expect(createClient('http://api.test').event('evt_1')).rejects.toMatchObject({
      status: 502,
      code: 'internal',
      message: 'Something went wrong. Please try again.',
    });
  });
});
