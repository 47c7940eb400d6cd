<?php

declare(strict_types=1);

namespace EntryRate\Tests\Scenario;

use EntryRate\EntryRate;
use EntryRate\Exception;
use EntryRate\Tests\Support\Harness;
use PHPUnit\Framework\TestCase;

/** Idempotent replays and the typed errors, as the real API answers them. */
final class ErrorsTest extends TestCase
{
    protected function setUp(): void
    {
        Harness::requireStack($this);
    }

    public function testTheSameIdempotencyKeyReplaysTheSameObject(): void
    {
        $er = Harness::client();
        $key = EntryRate::uuid4();
        $params = ['name' => 'The Louisiana', 'city' => 'Bristol', 'timezone' => 'Europe/London'];

        $first = $er->venues->create($params, ['idempotencyKey' => $key]);
        $this->assertFalse($er->lastResponse->idempotentReplayed);
        $again = $er->venues->create($params, ['idempotencyKey' => $key]);
        $this->assertTrue($er->lastResponse->idempotentReplayed);
        // The same object; a replay's keys come back in the order the API stored them (jsonb's).
        $this->assertEquals($first, $again);

        try {
            $er->venues->create(['name' => 'Thekla'] + $params, ['idempotencyKey' => $key]);
            $this->fail('A reused key with another body was accepted.');
        } catch (Exception\IdempotencyException $error) {
            $this->assertInstanceOf(Exception\InvalidRequestException::class, $error);
            $this->assertSame(422, $error->getStatus());
            $this->assertSame('idempotency.key_reused', $error->getCode());
        }
    }

    public function testAMissingEventIsATypedNotFound(): void
    {
        $er = Harness::client();
        try {
            $er->events->retrieve('evt_doesnotexist');
            $this->fail('No exception');
        } catch (Exception\NotFoundException $error) {
            $this->assertSame(404, $error->getStatus());
            $this->assertSame('event.not_found', $error->getCode());
            $this->assertMatchesRegularExpression('/^req_\w+$/', (string) $error->getRequestId());
            $this->assertSame($er->lastResponse->requestId, $error->getRequestId());
            $this->assertStringEndsWith('#event.not_found', (string) $error->getDocs());
        }
    }

    public function testAnInvalidRequestNamesTheParam(): void
    {
        $er = Harness::client();
        try {
            $er->events->list(['limit' => 500]);
            $this->fail('No exception');
        } catch (Exception\InvalidRequestException $error) {
            $this->assertSame(400, $error->getStatus());
            $this->assertSame('request.invalid', $error->getCode());
            $this->assertSame('limit', $error->getParam());
        }

        $params = Harness::eventParams('Broken');
        $params['tiers'][0]['price'] = 12.5;
        try {
            $er->events->create($params);
            $this->fail('No exception');
        } catch (Exception\InvalidRequestException $error) {
            $this->assertSame('tiers[0].price', $error->getParam());
        }
    }

    public function testAnUnknownKeyIsAnAuthenticationError(): void
    {
        $this->expectException(Exception\AuthenticationException::class);
        (new EntryRate('er_test_notakey'))->events->list();
    }

    public function testAnUnknownApiVersionIsRefused(): void
    {
        try {
            Harness::client(['apiVersion' => '2001-01-01'])->events->list();
            $this->fail('No exception');
        } catch (Exception\InvalidRequestException $error) {
            $this->assertSame('request.unsupported_version', $error->getCode());
        }
    }
}
