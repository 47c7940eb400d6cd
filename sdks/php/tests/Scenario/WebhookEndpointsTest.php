<?php

declare(strict_types=1);

namespace EntryRate\Tests\Scenario;

use EntryRate\Exception\NotFoundException;
use EntryRate\Tests\Support\Harness;
use PHPUnit\Framework\TestCase;

/** A promoter tends a webhook endpoint and reads its Stripe account's state, against the real stack. */
final class WebhookEndpointsTest extends TestCase
{
    protected function setUp(): void
    {
        Harness::requireStack($this);
    }

    public function testUpdatesTestsRotatesAndEnablesAnEndpoint(): void
    {
        $er = Harness::client();
        $endpoint = $er->webhookEndpoints->create(['url' => 'http://127.0.0.1:9/hooks', 'events' => ['*']]);
        $updated = $er->webhookEndpoints->update($endpoint['id'], ['events' => ['order.completed']]);
        $this->assertSame(['order.completed'], $updated['events']);

        $ping = $er->webhookEndpoints->test($endpoint['id']);
        $this->assertSame(202, $er->lastResponse->status);
        $this->assertSame('ping', $ping['type']);
        $this->assertIsArray($ping['attemptLog']);

        $rotated = $er->webhookEndpoints->rotateSecret($endpoint['id']);
        $this->assertStringStartsWith('whsec_', $rotated['secret']);
        $this->assertNotSame($endpoint['secret'], $rotated['secret']);
        $this->assertSame('enabled', $er->webhookEndpoints->enable($endpoint['id'])['status']);
        try {
            $er->webhookEndpoints->resendDelivery($endpoint['id'], 'we_nosuchdelivery');
            $this->fail('resending a delivery that is not there must fail');
        } catch (NotFoundException $e) {
            $this->assertSame('webhook_delivery.not_found', $e->getCode());
        }
        $er->webhookEndpoints->delete($endpoint['id']);
    }

    public function testRetrievesTheAccount(): void
    {
        $account = Harness::client()->account->retrieve();
        $this->assertStringStartsWith('pr_', $account['promoterId']);
        $this->assertSame('test', $account['mode']);
        // The suite's promoter is new: no Stripe account is connected to it yet.
        $this->assertNull($account['stripeAccount']);
    }
}
