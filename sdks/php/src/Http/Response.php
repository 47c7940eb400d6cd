<?php

declare(strict_types=1);

namespace EntryRate\Http;

/** One HTTP answer of the API, as `$er->lastResponse` keeps it. */
final class Response
{
    /** The `X-Request-Id` the API gave the request. */
    public readonly ?string $requestId;

    /** Whether the API answered a stored response for a repeated Idempotency-Key. */
    public readonly bool $idempotentReplayed;

    /**
     * @param array<string, string> $headers lowercase names
     */
    public function __construct(
        public readonly int $status,
        public readonly array $headers,
        public readonly string $body,
    ) {
        $this->requestId = $headers['x-request-id'] ?? null;
        $this->idempotentReplayed = ($headers['idempotent-replayed'] ?? '') === 'true';
    }

    /** A header's value, by any case of its name. */
    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }

    /** The body parsed as JSON (objects as arrays), or null when it is not JSON. */
    public function json(): mixed
    {
        if ($this->body === '') {
            return null;
        }
        try {
            return json_decode($this->body, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            return null;
        }
    }
}
