<?php

declare(strict_types=1);

namespace EntryRate\Exception;

use EntryRate\Http\Response;

/**
 * Every error the SDK throws. `getCode()` is the API's stable dotted code (`event.not_found`),
 * or null when no answer carried one (a connection error, a body that was not the API's).
 */
class EntryRateException extends \RuntimeException
{
    /** @var array<int, class-string<EntryRateException>> */
    private const BY_STATUS = [
        400 => InvalidRequestException::class,
        401 => AuthenticationException::class,
        403 => PermissionException::class,
        404 => NotFoundException::class,
        409 => ConflictException::class,
        422 => InvalidRequestException::class,
        429 => RateLimitException::class,
    ];

    /**
     * @param mixed $body the parsed answer, as the API sent it
     */
    public function __construct(
        string $message,
        ?string $code = null,
        private readonly ?int $status = null,
        private readonly ?string $param = null,
        private readonly ?string $requestId = null,
        private readonly ?string $docs = null,
        private readonly mixed $body = null,
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, 0, $previous);
        // Exception::$code is untyped: like PDOException's, ours is a string.
        $this->code = $code;
    }

    /** The exception for an API error answer, chosen by its status. */
    public static function fromResponse(Response $response): self
    {
        $body = $response->json();
        $error = is_array($body) && is_array($body['error'] ?? null) ? $body['error'] : [];
        $string = static fn (string $key): ?string => is_string($error[$key] ?? null) ? $error[$key] : null;
        $class = self::BY_STATUS[$response->status] ?? ApiException::class;
        // An Idempotency-Key that is not valid (400) or was reused with another request (422).
        if ($class === InvalidRequestException::class && str_starts_with($string('code') ?? '', 'idempotency.')) {
            $class = IdempotencyException::class;
        }
        return new $class(
            $string('message') ?? "The EntryRate API answered HTTP {$response->status}.",
            $string('code'),
            $response->status,
            $string('param'),
            $string('requestId') ?? $response->requestId,
            $string('docs'),
            $body,
        );
    }

    /** The HTTP status, or null when there was no answer. */
    public function getStatus(): ?int
    {
        return $this->status;
    }

    /** The field at fault, as `items[0].quantity`, when the API named one. */
    public function getParam(): ?string
    {
        return $this->param;
    }

    /** The `req_…` id to quote to support. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    /** Where the code is documented. */
    public function getDocs(): ?string
    {
        return $this->docs;
    }

    /** The parsed answer (`['error' => [...]]`), or null. */
    public function getBody(): mixed
    {
        return $this->body;
    }
}
