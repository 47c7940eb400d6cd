<?php

declare(strict_types=1);

namespace EntryRate\Tests\Scenario;

use EntryRate\Exception;
use EntryRate\Tests\Support\Harness;
use PHPUnit\Framework\TestCase;

/** Through the fault proxy: what the SDK retries, how, and what it lets through when told not to. */
final class RetriesTest extends TestCase
{
    protected function setUp(): void
    {
        Harness::requireStack($this);
        Harness::venue();
    }

    protected function tearDown(): void
    {
        Harness::injectFaults([]);
    }

    public function testRetriesThroughA429AfterRetryAfter(): void
    {
        $er = Harness::client();
        Harness::injectFaults(['429']);
        $started = microtime(true);
        $er->events->list(['limit' => 1]);
        $waited = microtime(true) - $started;

        $log = Harness::proxyLog();
        $this->assertSame(['429', null], array_column($log, 'fault'));
        $this->assertSame([null, 200], array_column($log, 'status'));
        $this->assertGreaterThanOrEqual(0.95, $waited, 'Retry-After: 1 was honoured');
        $this->assertLessThan(5, $waited);
    }

    public function testRetriesADroppedPostWithTheSameIdempotencyKey(): void
    {
        $er = Harness::client();
        $title = Harness::marker('Dropped');
        Harness::injectFaults(['drop']);
        $event = $er->events->create(Harness::eventParams($title));

        $log = Harness::proxyLog();
        $this->assertCount(2, $log);
        $this->assertSame(['drop', null], array_column($log, 'fault'));
        $this->assertSame([201, 201], array_column($log, 'status'), 'the API made it the first time');
        $this->assertNotNull($log[0]['idempotencyKey']);
        $this->assertSame($log[0]['idempotencyKey'], $log[1]['idempotencyKey']);
        $this->assertTrue($er->lastResponse->idempotentReplayed);

        $found = $er->events->list(['q' => $title]);
        $this->assertSame(1, $found->pagination['total'], 'exactly one event exists');
        $this->assertSame($event['id'], $found->data[0]['id']);
    }

    public function testRetriesAResetAndA503(): void
    {
        $er = Harness::client();
        Harness::injectFaults(['reset', '503']);
        $venue = $er->venues->create(['name' => 'Rough Trade', 'city' => 'Bristol', 'timezone' => 'Europe/London']);
        $this->assertStringStartsWith('vn', $venue['id']);

        $log = Harness::proxyLog();
        $this->assertSame(['reset', '503', null], array_column($log, 'fault'));
        $this->assertSame([null, null, 201], array_column($log, 'status'));
        $this->assertCount(1, array_unique(array_column($log, 'idempotencyKey')));
        $this->assertFalse($er->lastResponse->idempotentReplayed, 'the API saw it once');
    }

    public function testWithoutRetriesAConnectionErrorSurfaces(): void
    {
        $er = Harness::client(['maxRetries' => 0]);
        Harness::injectFaults(['reset']);
        try {
            $er->events->list();
            $this->fail('No exception');
        } catch (Exception\ApiConnectionException $error) {
            $this->assertNull($error->getStatus());
        }
        $this->assertCount(1, Harness::proxyLog());
    }

    public function testWithoutRetriesA503Surfaces(): void
    {
        $er = Harness::client(['maxRetries' => 0]);
        Harness::injectFaults(['503']);
        try {
            $er->events->list();
            $this->fail('No exception');
        } catch (Exception\ApiException $error) {
            $this->assertSame(503, $error->getStatus());
            $this->assertSame('service.unavailable', $error->getCode());
        }
        $this->assertCount(1, Harness::proxyLog());
    }

    public function testEveryRequestNamesTheApiVersion(): void
    {
        $er = Harness::client();
        Harness::injectFaults([]);
        $event = $er->events->create(Harness::eventParams(Harness::marker('Versioned')));
        $er->events->retrieve($event['id']);
        $er->events->publish($event['id']);
        $er->venues->list();
        try {
            $er->orders->retrieve('ord_doesnotexist');
        } catch (Exception\NotFoundException) {
        }

        $log = Harness::proxyLog();
        $this->assertCount(5, $log);
        $this->assertSame(array_fill(0, 5, '2026-04-25'), array_column($log, 'apiVersion'));
        foreach ($log as $request) {
            $this->assertSame($request['method'] === 'POST', $request['idempotencyKey'] !== null, "{$request['method']} {$request['path']}");
        }
    }
}
