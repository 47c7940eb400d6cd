<?php

declare(strict_types=1);

namespace EntryRate\Tests\Unit;

use EntryRate\EntryRate;
use EntryRate\Exception;
use EntryRate\Tests\Support\FakeTransport;
use EntryRate\Tests\Support\RecordingClient;
use PHPUnit\Framework\TestCase;

final class ClientTest extends TestCase
{
    private const UUID_V4 = '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/';

    private function client(array $answers, array $options = [], ?string $key = 'er_test_abc'): array
    {
        $transport = new FakeTransport($answers);
        $client = new RecordingClient($key, ['baseUrl' => 'https://api.test/', 'transport' => $transport] + $options);
        return [$client, $transport];
    }

    public function testSendsTheHeadersOfEveryCall(): void
    {
        [$er, $http] = $this->client([FakeTransport::json(201, ['id' => 'vn_1'])]);
        $er->venues->create(['name' => 'Strange Brew']);
        $sent = $http->sent[0];
        $this->assertSame('POST', $sent['method']);
        $this->assertSame('https://api.test/v1/venues', $sent['url']);
        $this->assertSame('Bearer er_test_abc', $sent['headers']['Authorization']);
        $this->assertSame('2026-04-25', $sent['headers']['EntryRate-Version']);
        $this->assertSame('application/json', $sent['headers']['Accept']);
        $this->assertSame('application/json', $sent['headers']['Content-Type']);
        $this->assertStringStartsWith('entryrate-php/' . EntryRate::VERSION, $sent['headers']['User-Agent']);
        $this->assertMatchesRegularExpression(self::UUID_V4, $sent['headers']['Idempotency-Key']);
        $this->assertSame('{"name":"Strange Brew"}', $sent['body']);
        $this->assertSame(30000, $sent['timeout']);
    }

    public function testAGetHasNoBodyNoKeyAndAQuery(): void
    {
        [$er, $http] = $this->client([FakeTransport::json(200, ['data' => [], 'pagination' => ['page' => 1, 'limit' => 5, 'total' => 0, 'pages' => 0]])]);
        $er->events->list(['status' => 'live', 'q' => 'mura masa', 'limit' => 5, 'cityId' => null]);
        $sent = $http->sent[0];
        $this->assertSame('https://api.test/v1/events?status=live&q=mura%20masa&limit=5', $sent['url']);
        $this->assertNull($sent['body']);
        $this->assertArrayNotHasKey('Idempotency-Key', $sent['headers']);
        $this->assertArrayNotHasKey('Content-Type', $sent['headers']);
    }

    public function testPublicRoutesNeedNoKey(): void
    {
        [$er, $http] = $this->client([FakeTransport::json(202, ['message' => 'On its way.'])], [], null);
        $er->ticketLinks->create(['email' => 'buyer@example.com']);
        $this->assertArrayNotHasKey('Authorization', $http->sent[0]['headers']);
    }

    public function testPathIdsAreEscapedAndEmptyBodiesAreObjects(): void
    {
        [$er, $http] = $this->client([FakeTransport::json(200, ['id' => 'evt_1'])]);
        $er->events->publish('evt 1/x');
        $this->assertSame('https://api.test/v1/events/evt%201%2Fx/publish', $http->sent[0]['url']);
        $this->assertSame('{}', $http->sent[0]['body']);
    }

    public function testBooleansAreSentAsTheApiSpellsThem(): void
    {
        $this->assertSame('network=false&a=true', EntryRate::queryString(['network' => false, 'a' => true]));
    }

    public function testPerCallOptionsWin(): void
    {
        [$er, $http] = $this->client([FakeTransport::json(200, ['id' => 'ord_1'])]);
        $er->orders->refund('ord_1', ['amount' => 500], ['idempotencyKey' => 'refund-ord_1-1', 'apiVersion' => '2099-01-01', 'timeout' => 1500]);
        $sent = $http->sent[0];
        $this->assertSame('refund-ord_1-1', $sent['headers']['Idempotency-Key']);
        $this->assertSame('2099-01-01', $sent['headers']['EntryRate-Version']);
        $this->assertSame(1500, $sent['timeout']);
        $this->assertSame('{"amount":500}', $sent['body']);
    }

    public function testThePromoterOptionPerClientAndPerCall(): void
    {
        $answers = static fn () => [FakeTransport::json(200, ['id' => 'evt_1']), FakeTransport::json(200, ['id' => 'evt_1'])];
        [$agency, $http] = $this->client($answers(), ['promoter' => 'pr_managed']);
        $agency->events->retrieve('evt_1');
        $agency->events->retrieve('evt_1', ['promoter' => 'pr_other']);
        $this->assertSame('pr_managed', $http->sent[0]['headers']['EntryRate-Promoter']);
        $this->assertSame('pr_other', $http->sent[1]['headers']['EntryRate-Promoter']);

        [$er, $plain] = $this->client([FakeTransport::json(201, ['id' => 'pr_1'])]);
        $er->promoters->create(['name' => 'Managed']);
        $this->assertSame('https://api.test/v1/promoters', $plain->sent[0]['url']);
        $this->assertSame('{"name":"Managed"}', $plain->sent[0]['body']);
        $this->assertArrayNotHasKey('EntryRate-Promoter', $plain->sent[0]['headers']);
    }

    public function testAnUnknownOptionIsRefused(): void
    {
        [$er] = $this->client([]);
        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage('idempotency_key');
        $er->events->create([], ['idempotency_key' => 'x']);
    }

    public function testBaseUrlComesFromTheEnvironmentElseProduction(): void
    {
        $before = getenv('ENTRYRATE_API_URL');
        try {
            foreach (['http://env.test' => 'http://env.test/v1/venues/vn_1', '' => 'https://api.entryrate.co.uk/v1/venues/vn_1'] as $env => $url) {
                putenv("ENTRYRATE_API_URL={$env}");
                $http = new FakeTransport([FakeTransport::json(200, ['id' => 'vn_1'])]);
                (new EntryRate('er_test_abc', ['transport' => $http]))->venues->retrieve('vn_1');
                $this->assertSame($url, $http->sent[0]['url']);
            }
        } finally {
            putenv($before === false ? 'ENTRYRATE_API_URL' : "ENTRYRATE_API_URL={$before}");
        }
    }

    public function testKeepsTheLastResponse(): void
    {
        [$er] = $this->client([FakeTransport::json(201, ['id' => 'vn_1'], ['X-Request-Id' => 'req_abcdefgh12', 'Idempotent-Replayed' => 'true'])]);
        $venue = $er->venues->create(['name' => 'x']);
        $this->assertSame(['id' => 'vn_1'], $venue);
        $this->assertSame(201, $er->lastResponse->status);
        $this->assertSame('req_abcdefgh12', $er->lastResponse->requestId);
        $this->assertTrue($er->lastResponse->idempotentReplayed);
        $this->assertSame('application/json', $er->lastResponse->header('Content-Type'));
    }

    public function testRetriesAConnectionErrorWithTheSameIdempotencyKey(): void
    {
        [$er, $http] = $this->client([
            new Exception\ApiConnectionException('reset'),
            new Exception\ApiConnectionException('reset'),
            FakeTransport::json(201, ['id' => 'evt_1']),
        ]);
        $this->assertSame(['id' => 'evt_1'], $er->events->create(['title' => 'x']));
        $this->assertCount(3, $http->sent);
        $keys = array_unique(array_map(static fn ($s) => $s['headers']['Idempotency-Key'], $http->sent));
        $this->assertCount(1, $keys);
        $this->assertCount(2, $er->pauses);
        $this->assertGreaterThanOrEqual(0.25, $er->pauses[0]);
        $this->assertLessThanOrEqual(0.5, $er->pauses[0]);
        $this->assertGreaterThanOrEqual(0.5, $er->pauses[1]);
        $this->assertLessThanOrEqual(1.0, $er->pauses[1]);
    }

    public function testEachCallHasAKeyOfItsOwn(): void
    {
        [$er, $http] = $this->client([FakeTransport::json(201, []), FakeTransport::json(201, [])]);
        $er->events->create(['title' => 'a']);
        $er->events->create(['title' => 'a']);
        $this->assertNotSame($http->sent[0]['headers']['Idempotency-Key'], $http->sent[1]['headers']['Idempotency-Key']);
    }

    public function testWaitsWhatRetryAfterSays(): void
    {
        [$er, $http] = $this->client([
            FakeTransport::error(429, 'rate_limit.exceeded', ['Retry-After' => '3']),
            FakeTransport::error(503, 'service.unavailable', ['Retry-After' => '120']),
            FakeTransport::json(200, ['id' => 'evt_1']),
        ]);
        $er->events->retrieve('evt_1');
        $this->assertCount(3, $http->sent);
        $this->assertSame([3.0, 60.0], $er->pauses);
    }

    public function testRetriesAnIdempotentRequestStillInProgress(): void
    {
        [$er, $http] = $this->client([
            FakeTransport::error(409, 'idempotency.in_progress'),
            FakeTransport::json(201, ['id' => 'evt_1']),
        ]);
        $er->events->create(['title' => 'x'], ['idempotencyKey' => 'k1']);
        $this->assertCount(2, $http->sent);
    }

    public function testDoesNotRetryOtherErrors(): void
    {
        [$er, $http] = $this->client([FakeTransport::error(409, 'event.slug_taken', [], 'slug')]);
        try {
            $er->events->create(['title' => 'x']);
            $this->fail('No exception');
        } catch (Exception\ConflictException $error) {
            $this->assertSame('event.slug_taken', $error->getCode());
            $this->assertSame('slug', $error->getParam());
        }
        $this->assertCount(1, $http->sent);
        $this->assertSame(409, $er->lastResponse->status);
    }

    public function testGivesUpAfterMaxRetries(): void
    {
        [$er, $http] = $this->client(array_fill(0, 3, FakeTransport::error(500, 'internal')));
        $this->expectException(Exception\ApiException::class);
        try {
            $er->events->list();
        } finally {
            $this->assertCount(3, $http->sent);
        }
    }

    public function testMaxRetriesZeroTurnsRetriesOff(): void
    {
        [$er, $http] = $this->client([new Exception\ApiConnectionException('reset')], ['maxRetries' => 0]);
        $this->expectException(Exception\ApiConnectionException::class);
        try {
            $er->events->list();
        } finally {
            $this->assertCount(1, $http->sent);
            $this->assertSame([], $er->pauses);
        }
    }

    public function testMaxRetriesPerCall(): void
    {
        [$er, $http] = $this->client([FakeTransport::error(503, 'service.unavailable'), FakeTransport::json(200, [])], ['maxRetries' => 0]);
        $er->events->list([], ['maxRetries' => 1]);
        $this->assertCount(2, $http->sent);
    }

    public function testASuccessThatIsNotJsonIsAnApiError(): void
    {
        [$er] = $this->client([new \EntryRate\Http\Response(200, [], '<html></html>')]);
        $this->expectException(Exception\ApiException::class);
        $er->events->retrieve('evt_1');
    }

    public function testTheOrdersExportAnswersItsCsvTextWithTheFiltersInTheQuery(): void
    {
        $csv = "order_id,status\r\nord_1,paid\r\n";
        [$er, $http] = $this->client([new \EntryRate\Http\Response(200, ['content-type' => 'text/csv; charset=utf-8'], $csv)]);
        $this->assertSame($csv, $er->orders->exportCsv(['eventId' => 'evt_1', 'status' => 'paid', 'q' => 'sam@']));
        $sent = $http->sent[0];
        $this->assertSame('GET', $sent['method']);
        $this->assertSame('https://api.test/v1/orders/export?eventId=evt_1&status=paid&q=sam%40', $sent['url']);
        $this->assertSame('text/csv', $sent['headers']['Accept']);
        $this->assertSame('Bearer er_test_abc', $sent['headers']['Authorization']);
        $this->assertNull($sent['body']);
    }

    public function testTheOrdersExportStillThrowsTheErrorAJsonAnswerCarries(): void
    {
        [$er, $http] = $this->client([
            FakeTransport::error(503, 'service.unavailable'),
            FakeTransport::error(400, 'request.invalid', [], 'status'),
        ], ['maxRetries' => 1]);
        try {
            $er->orders->exportCsv(['status' => 'nope']);
            $this->fail('no exception');
        } catch (Exception\InvalidRequestException $error) {
            $this->assertSame('status', $error->getParam());
        }
        $this->assertCount(2, $http->sent);
    }

    public function testMakesVersionFourUuids(): void
    {
        $uuids = array_map(static fn () => EntryRate::uuid4(), range(1, 100));
        foreach ($uuids as $uuid) {
            $this->assertMatchesRegularExpression(self::UUID_V4, $uuid);
        }
        $this->assertCount(100, array_unique($uuids));
    }
}
