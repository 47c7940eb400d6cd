import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '../../src/index.ts';
import { client } from '../support.ts';

describe('webhook endpoint actions and the account', () => {
  const er = client();

  it('updates an endpoint, sends it a test event, rotates its secret and enables it', async () => {
    const endpoint = await er.webhookEndpoints.create({ url: 'http://127.0.0.1:9/hooks', events: ['*'] });
    const updated = await er.webhookEndpoints.update(endpoint.id, { events: ['order.completed'] });
    assert.deepEqual(updated.events, ['order.completed']);

    const ping = await er.webhookEndpoints.test(endpoint.id);
    assert.equal(ping.lastResponse.status, 202);
    assert.equal(ping.type, 'ping');
    assert.ok(Array.isArray(ping.attemptLog));

    const rotated = await er.webhookEndpoints.rotateSecret(endpoint.id);
    assert.match(rotated.secret ?? '', /^whsec_/);
    assert.notEqual(rotated.secret, endpoint.secret);
    assert.equal((await er.webhookEndpoints.enable(endpoint.id)).status, 'enabled');
    await assert.rejects(
      er.webhookEndpoints.resendDelivery(endpoint.id, 'we_nosuchdelivery'),
      (error) => error instanceof NotFoundError && error.code === 'webhook_delivery.not_found',
    );
    await er.webhookEndpoints.delete(endpoint.id);
  });

  it('retrieves the account: a new promoter has no Stripe account connected yet', async () => {
    const account = await er.account.retrieve();
    assert.match(account.promoterId, /^pr_/);
    assert.equal(typeof account.name, 'string');
    assert.equal(account.mode, 'test');
    assert.equal(account.stripeAccount, null);
  });
});
