<?php

declare(strict_types=1);

namespace EntryRate\Tests\Unit;

use EntryRate\Exception;
use EntryRate\Http\Response;
use EntryRate\Tests\Support\FakeTransport;
use PHPUnit\Framework\TestCase;

final class ErrorMappingTest extends TestCase
{
    /** @return array<string, array{int, class-string}> */
    public static function statuses(): array
    {
        return [
            '400' => [400, Exception\InvalidRequestException::class],
            '401' => [401, Exception\AuthenticationException::class],
            '403' => [403, Exception\PermissionException::class],
            '404' => [404, Exception\NotFoundException::class],
            '409' => [409, Exception\ConflictException::class],
            '410' => [410, Exception\ApiException::class],
            '422' => [422, Exception\InvalidRequestException::class],
            '429' => [429, Exception\RateLimitException::class],
            '500' => [500, Exception\ApiException::class],
            '503' => [503, Exception\ApiException::class],
        ];
    }

    /** @dataProvider statuses */
    public function testChoosesTheExceptionByStatus(int $status, string $class): void
    {
        $error = Exception\EntryRateException::fromResponse(FakeTransport::error($status, 'some.code'));
        $this->assertInstanceOf($class, $error);
        $this->assertInstanceOf(Exception\EntryRateException::class, $error);
        $this->assertSame($status, $error->getStatus());
    }

    public function testAnIdempotencyErrorIsAnInvalidRequest(): void
    {
        foreach ([[422, 'idempotency.key_reused'], [400, 'idempotency.invalid_key']] as [$status, $code]) {
            $error = Exception\EntryRateException::fromResponse(FakeTransport::error($status, $code));
            $this->assertInstanceOf(Exception\IdempotencyException::class, $error, $code);
            $this->assertInstanceOf(Exception\InvalidRequestException::class, $error);
        }
    }

    public function testAnother422IsNotAnIdempotencyError(): void
    {
        $error = Exception\EntryRateException::fromResponse(FakeTransport::error(422, 'checkout.amount_unpayable'));
        $this->assertSame(Exception\InvalidRequestException::class, $error::class);
    }

    public function testKeepsEveryFieldOfTheErrorBody(): void
    {
        $error = Exception\EntryRateException::fromResponse(FakeTransport::error(400, 'request.invalid', [], 'items[0].quantity'));
        $this->assertSame('request.invalid', $error->getCode());
        $this->assertSame('Failed: request.invalid.', $error->getMessage());
        $this->assertSame('items[0].quantity', $error->getParam());
        $this->assertSame('req_test123456', $error->getRequestId());
        $this->assertSame('https://entryrate.co.uk/docs#request.invalid', $error->getDocs());
        $this->assertSame('request.invalid', $error->getBody()['error']['code']);
    }

    public function testAnAnswerThatIsNotTheApisStillMaps(): void
    {
        $error = Exception\EntryRateException::fromResponse(new Response(502, ['x-request-id' => 'req_fromheader1'], '<html>Bad gateway</html>'));
        $this->assertInstanceOf(Exception\ApiException::class, $error);
        $this->assertNull($error->getCode());
        $this->assertSame(502, $error->getStatus());
        $this->assertSame('req_fromheader1', $error->getRequestId());
        $this->assertStringContainsString('502', $error->getMessage());
    }

    public function testAConnectionErrorHasNoStatus(): void
    {
        $error = new Exception\ApiConnectionException('refused');
        $this->assertInstanceOf(Exception\EntryRateException::class, $error);
        $this->assertNull($error->getStatus());
        $this->assertNull($error->getCode());
    }
}
