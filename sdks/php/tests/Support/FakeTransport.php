<?php

declare(strict_types=1);

namespace EntryRate\Tests\Support;

use EntryRate\Exception\ApiConnectionException;
use EntryRate\Http\Response;
use EntryRate\Http\Transport;

/** Answers from a script, and records what was sent: the client's tests need no server. */
final class FakeTransport implements Transport
{
    /** @var list<array{method: string, url: string, headers: array<string, string>, body: ?string, timeout: int}> */
    public array $sent = [];

    /** @param list<Response|ApiConnectionException> $answers */
    public function __construct(private array $answers)
    {
    }

    /** A JSON answer. */
    public static function json(int $status, mixed $body, array $headers = []): Response
    {
        $lower = array_change_key_case($headers + ['content-type' => 'application/json'], CASE_LOWER);
        return new Response($status, $lower, json_encode($body));
    }

    /** The API's error shape. */
    public static function error(int $status, string $code, array $headers = [], ?string $param = null): Response
    {
        $error = ['code' => $code, 'message' => "Failed: {$code}.", 'docs' => "https://entryrate.co.uk/docs#{$code}", 'requestId' => 'req_test123456'];
        if ($param !== null) {
            $error['param'] = $param;
        }
        return self::json($status, ['error' => $error], $headers);
    }

    public function send(string $method, string $url, array $headers, ?string $body, int $timeoutMs): Response
    {
        $this->sent[] = ['method' => $method, 'url' => $url, 'headers' => $headers, 'body' => $body, 'timeout' => $timeoutMs];
        $answer = array_shift($this->answers) ?? throw new \LogicException("No scripted answer for {$method} {$url}.");
        if ($answer instanceof ApiConnectionException) {
            throw $answer;
        }
        return $answer;
    }
}
