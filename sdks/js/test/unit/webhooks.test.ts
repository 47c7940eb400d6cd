import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { EntryRate, WebhookVerificationError } from '../../src/index.ts';

/** A delivery this server signed (sdks/harness/webhook-vector.json), as every SDK's tests verify it. */
const vector = JSON.parse(
  readFileSync(new URL('../../../harness/webhook-vector.json', import.meta.url), 'utf-8'),
) as {
  secret: string;
  body: string;
  headers: Record<string, string>;
};
const sentAt = Number(vector.headers['webhook-timestamp']) * 1000;
const { verify } = EntryRate.webhooks;

const rejectsWith = (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error) => error instanceof WebhookVerificationError && error.code === code);

describe('webhooks.verify', () => {
  beforeEach(() => mock.timers.enable({ apis: ['Date'], now: sentAt + 30_000 }));
  afterEach(() => mock.timers.reset());

  it('verifies the vector at its time, and answers the parsed event', async () => {
    const event = await verify(vector.body, vector.headers, vector.secret);
    assert.equal(event.id, 'we_5kq2mhx9');
    assert.equal(event.type, 'order.completed');
    assert.deepEqual(event, JSON.parse(vector.body));
  });

  it('takes headers as Headers, as Node gives them (lower case), and the body as bytes', async () => {
    await verify(vector.body, new Headers(vector.headers), vector.secret);
    const incoming: IncomingHttpHeaders = Object.fromEntries(
      Object.entries(vector.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    await verify(Buffer.from(vector.body), incoming, vector.secret);
    await verify(new TextEncoder().encode(vector.body), incoming, vector.secret);
  });

  it('is reached from a client too', async () => {
    const er = new EntryRate('er_test_x', { baseUrl: 'http://unused.test' });
    assert.equal(er.webhooks, EntryRate.webhooks);
    await er.webhooks.verify(vector.body, vector.headers, vector.secret);
  });

  it('refuses the wrong secret', async () => {
    await rejectsWith(
      verify(vector.body, vector.headers, 'whsec_someone_elses_secret000000'),
      'webhook.invalid_signature',
    );
  });

  it('refuses a tampered body', async () => {
    const tampered = vector.body.replace('"amount":2400', '"amount":1');
    await rejectsWith(verify(tampered, vector.headers, vector.secret), 'webhook.invalid_signature');
  });

  it('refuses a Standard Webhooks signature that does not match, even when EntryRate-Signature does', async () => {
    const headers = {
      ...vector.headers,
      'webhook-signature': 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    };
    await rejectsWith(verify(vector.body, headers, vector.secret), 'webhook.invalid_signature');
  });

  it('takes any of several space-separated signatures', async () => {
    const signature = `v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ${vector.headers['webhook-signature']}`;
    await verify(vector.body, { ...vector.headers, 'webhook-signature': signature }, vector.secret);
  });

  it('refuses a stale delivery, and takes a wider tolerance', async () => {
    mock.timers.setTime(sentAt + 301_000);
    await rejectsWith(
      verify(vector.body, vector.headers, vector.secret),
      'webhook.timestamp_out_of_tolerance',
    );
    await verify(vector.body, vector.headers, vector.secret, { tolerance: 600 });
    mock.timers.setTime(sentAt - 301_000);
    await rejectsWith(
      verify(vector.body, vector.headers, vector.secret),
      'webhook.timestamp_out_of_tolerance',
    );
  });

  it('verifies the seed-only headers (EntryRate-Signature alone), at any time', async () => {
    mock.timers.reset();
    const seedOnly = { 'EntryRate-Signature': vector.headers['EntryRate-Signature'] as string };
    const event = await verify(vector.body, seedOnly, vector.secret);
    assert.equal(event.id, 'we_5kq2mhx9');
  });

  it('refuses a delivery without EntryRate-Signature', async () => {
    const { 'EntryRate-Signature': _signature, ...rest } = vector.headers;
    await rejectsWith(verify(vector.body, rest, vector.secret), 'webhook.missing_signature');
  });
});
