<?php

declare(strict_types=1);

namespace EntryRate\Http;

use EntryRate\Exception\ApiConnectionException;

/** Sends one HTTP request, once. The client's `transport` option replaces curl (tests do). */
interface Transport
{
    /**
     * @param array<string, string> $headers
     * @throws ApiConnectionException when no answer came (refused, reset, timed out)
     */
    public function send(string $method, string $url, array $headers, ?string $body, int $timeoutMs): Response;
}
