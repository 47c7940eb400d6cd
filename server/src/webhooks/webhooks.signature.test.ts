import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomToken } from '../lib/ids.ts';
import { signStandardWebhook, signWebhook, webhookHeaders } from './webhooks.signature.ts';

const body = '{"id":"we_1","type":"order.completed","createdAt":"2026-05-01T12:00:00.000Z","data":{}}';

describe('signWebhook', () => {
  it("is the seed's hex HMAC-SHA256 of the raw body, keyed with the whole secret", () => {
    const expected = createHmac('sha256', 'whsec_abc').update(body).digest('hex');
    expect(signWebhook('whsec_abc', body)).toBe(expected);
    expect(signWebhook('whsec_abd', body)).not.toBe(expected);
  });
});

describe('signStandardWebhook', () => {
  it("matches the Standard Webhooks reference library's own test vector", () => {
    // From standard-webhooks/libraries/javascript/src/webhook.test.ts ("sign function works").
    const signature = signStandardWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('keys the HMAC with the base64 decoding of what follows whsec_ in our own secrets (24 bytes)', () => {
    const secret = `whsec_${randomToken(32)}`;
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    expect(key).toHaveLength(24);
    // Our secrets are [0-9a-z]{32}: valid base64 with no padding, so every decoder reads the same 24 bytes.
    expect(key.toString('base64')).toBe(secret.slice('whsec_'.length));
    const expected = createHmac('sha256', key).update(`we_1.1777636800.${body}`).digest('base64');
    expect(signStandardWebhook(secret, 'we_1', 1777636800, body)).toBe(`v1,${expected}`);
  });
});

describe('webhookHeaders', () => {
  it('carries the seed signature and the Standard Webhooks headers for one attempt', () => {
    const secret = `whsec_${randomToken(32)}`;
    const sentAt = new Date('2026-05-01T12:00:00.900Z');
    expect(webhookHeaders({ secret, eventId: 'we_1', body, sentAt })).toEqual({
      'EntryRate-Signature': signWebhook(secret, body),
      'EntryRate-Event-Id': 'we_1',
      'EntryRate-Timestamp': '1777636800',
      'webhook-id': 'we_1',
      'webhook-timestamp': '1777636800',
      'webhook-signature': signStandardWebhook(secret, 'we_1', 1777636800, body),
    });
  });
});

describe('the shared test vector of the SDKs', () => {
  it('is what this server sends, so the three SDKs verify real deliveries', async () => {
    const { readFile } = await import('node:fs/promises');
    const vector = JSON.parse(
      await readFile(new URL('../../../sdks/harness/webhook-vector.json', import.meta.url), 'utf-8'),
    );
    const sentAt = new Date(Number(vector.headers['webhook-timestamp']) * 1000);
    expect(
      webhookHeaders({
        secret: vector.secret,
        eventId: vector.headers['webhook-id'],
        body: vector.body,
        sentAt,
      }),
    ).toEqual(vector.headers);
  });
});
