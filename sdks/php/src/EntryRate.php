<?php

declare(strict_types=1);

namespace EntryRate;

use EntryRate\Exception\ApiConnectionException;
use EntryRate\Exception\EntryRateException;
use EntryRate\Http\CurlTransport;
use EntryRate\Http\Response;
use EntryRate\Http\Transport;

/**
 * The EntryRate API client: `new EntryRate($key)`, then `$er->events->list(['status' => 'live'])`.
 *
 * Every resource method is one call of `request()`, which sends the headers, the POST's
 * Idempotency-Key, retries what is worth retrying and turns error answers into exceptions.
 */
class EntryRate
{
    public const VERSION = '0.1.0-beta';
    public const API_VERSION = '2026-04-25';
    public const DEFAULT_BASE_URL = 'https://api.entryrate.co.uk';

    private const CLIENT_OPTIONS = ['baseUrl', 'apiVersion', 'maxRetries', 'timeout', 'promoter', 'transport'];
    private const CALL_OPTIONS = ['idempotencyKey', 'apiVersion', 'timeout', 'maxRetries', 'promoter'];

    public readonly Resource\Events $events;
    public readonly Resource\Venues $venues;
    public readonly Resource\Orders $orders;
    public readonly Resource\Tickets $tickets;
    public readonly Resource\Scans $scans;
    public readonly Resource\Payouts $payouts;
    public readonly Resource\Account $account;
    public readonly Resource\WebhookEndpoints $webhookEndpoints;
    public readonly Resource\ApiKeys $apiKeys;
    public readonly Resource\Promoters $promoters;
    public readonly Resource\TicketLinks $ticketLinks;
    public readonly Resource\Checkout $checkout;

    /** The last answer the API gave (an error's too): status, headers, requestId, idempotentReplayed. */
    public ?Response $lastResponse = null;

    private readonly string $baseUrl;
    private readonly string $apiVersion;
    private readonly int $maxRetries;
    private readonly int $timeout;
    /** Sent as `EntryRate-Promoter` on every call, unless a call names its own `promoter`. */
    private readonly ?string $promoter;
    private readonly Transport $transport;

    /**
     * @param string|null $key a secret key (`er_test_…`, `er_live_…`); the public routes need none
     * @param array{baseUrl?: string, apiVersion?: string, maxRetries?: int, timeout?: int, promoter?: string, transport?: Transport} $options
     *        `timeout` in milliseconds (30 000); `maxRetries` 2 (0 turns retries off); `baseUrl` else
     *        env ENTRYRATE_API_URL, else https://api.entryrate.co.uk; `promoter` the `pr_…` every
     *        call acts for (an agency's admin key acting for a promoter it manages)
     */
    public function __construct(private readonly ?string $key = null, array $options = [])
    {
        self::assertKnown($options, self::CLIENT_OPTIONS, 'client');
        $fromEnv = getenv('ENTRYRATE_API_URL');
        $baseUrl = $options['baseUrl'] ?? (is_string($fromEnv) && $fromEnv !== '' ? $fromEnv : self::DEFAULT_BASE_URL);
        $this->baseUrl = rtrim($baseUrl, '/');
        $this->apiVersion = $options['apiVersion'] ?? self::API_VERSION;
        $this->maxRetries = $options['maxRetries'] ?? 2;
        $this->timeout = $options['timeout'] ?? 30000;
        $this->promoter = ($options['promoter'] ?? '') !== '' ? $options['promoter'] : null;
        $this->transport = $options['transport'] ?? new CurlTransport();

        $this->events = new Resource\Events($this);
        $this->venues = new Resource\Venues($this);
        $this->orders = new Resource\Orders($this);
        $this->tickets = new Resource\Tickets($this);
        $this->scans = new Resource\Scans($this);
        $this->payouts = new Resource\Payouts($this);
        $this->account = new Resource\Account($this);
        $this->webhookEndpoints = new Resource\WebhookEndpoints($this);
        $this->apiKeys = new Resource\ApiKeys($this);
        $this->promoters = new Resource\Promoters($this);
        $this->ticketLinks = new Resource\TicketLinks($this);
        $this->checkout = new Resource\Checkout($this);
    }

    /**
     * Sends one API call and answers its JSON as an array, retrying connection errors, 429s, 5xx
     * and `idempotency.in_progress` up to `maxRetries` times with the same Idempotency-Key.
     *
     * @param array<string, mixed>|null $query
     * @param array<string, mixed>|null $body
     * @param array{idempotencyKey?: string, apiVersion?: string, timeout?: int, maxRetries?: int, promoter?: string} $options
     * @return array<string, mixed>
     * @throws EntryRateException
     */
    public function request(string $method, string $path, ?array $query = null, ?array $body = null, array $options = []): array
    {
        return self::answerOf($this->send($method, $path, $query, $body, $options, 'application/json'));
    }

    /**
     * Sends a GET whose answer is a file of type `$accept` (`text/csv`) and answers its text, with
     * the headers, retries and exceptions of `request()`.
     *
     * @param array<string, mixed>|null $query
     * @param array{apiVersion?: string, timeout?: int, maxRetries?: int, promoter?: string} $options
     * @throws EntryRateException
     */
    public function requestText(string $path, string $accept, ?array $query = null, array $options = []): string
    {
        return $this->send('GET', $path, $query, null, $options, $accept)->body;
    }

    /**
     * The one exchange every call makes: its successful Response, after retries.
     *
     * @param array<string, mixed>|null $query
     * @param array<string, mixed>|null $body
     * @param array<string, mixed> $options
     */
    private function send(string $method, string $path, ?array $query, ?array $body, array $options, string $accept): Response
    {
        self::assertKnown($options, self::CALL_OPTIONS, 'call');
        $method = strtoupper($method);
        $url = $this->baseUrl . $path . ($query ? '?' . self::queryString($query) : '');
        $headers = [
            'Accept' => $accept,
            'EntryRate-Version' => $options['apiVersion'] ?? $this->apiVersion,
            'User-Agent' => 'entryrate-php/' . self::VERSION . ' PHP/' . PHP_VERSION,
        ];
        if ($this->key !== null && $this->key !== '') {
            $headers['Authorization'] = 'Bearer ' . $this->key;
        }
        $promoter = $options['promoter'] ?? $this->promoter;
        if ($promoter !== null && $promoter !== '') {
            $headers['EntryRate-Promoter'] = $promoter;
        }
        if ($method === 'POST') {
            $headers['Idempotency-Key'] = $options['idempotencyKey'] ?? self::uuid4();
        }
        $payload = null;
        if ($body !== null) {
            $headers['Content-Type'] = 'application/json';
            // An empty PHP array is a JSON object here: every body the API takes is one.
            $payload = $body === [] ? '{}' : json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        }
        $maxRetries = $options['maxRetries'] ?? $this->maxRetries;
        $timeout = $options['timeout'] ?? $this->timeout;

        for ($retry = 0; ; $retry++) {
            try {
                $response = $this->transport->send($method, $url, $headers, $payload, $timeout);
            } catch (ApiConnectionException $error) {
                if ($retry >= $maxRetries) {
                    throw $error;
                }
                $this->pause(Retry::delay($retry));
                continue;
            }
            $this->lastResponse = $response;
            if ($response->status < 400) {
                return $response;
            }
            $error = EntryRateException::fromResponse($response);
            if ($retry >= $maxRetries || !Retry::shouldRetry($response->status, $error->getCode())) {
                throw $error;
            }
            $this->pause(Retry::delay($retry, Retry::parseRetryAfter($response->header('Retry-After'))));
        }
    }

    /** Waits between attempts; a seam for tests. */
    protected function pause(float $seconds): void
    {
        if ($seconds > 0) {
            usleep((int) round($seconds * 1_000_000));
        }
    }

    /** A random UUID v4, as every POST's default Idempotency-Key. */
    public static function uuid4(): string
    {
        $bytes = random_bytes(16);
        $bytes[6] = chr(ord($bytes[6]) & 0x0f | 0x40);
        $bytes[8] = chr(ord($bytes[8]) & 0x3f | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }

    /**
     * `?status=live&network=false`: booleans as the API spells them, nulls left out.
     *
     * @param array<string, mixed> $query
     */
    public static function queryString(array $query): string
    {
        $values = array_map(static fn ($v) => is_bool($v) ? ($v ? 'true' : 'false') : $v, $query);
        return http_build_query($values, '', '&', PHP_QUERY_RFC3986);
    }

    /** @return array<string, mixed> */
    private static function answerOf(Response $response): array
    {
        if ($response->body === '') {
            return [];
        }
        $answer = $response->json();
        if (!is_array($answer)) {
            throw new Exception\ApiException(
                "The EntryRate API answered HTTP {$response->status} with a body that is not a JSON object.",
                null,
                $response->status,
                null,
                $response->requestId,
            );
        }
        return $answer;
    }

    /**
     * Refuses option names the SDK does not know, so that a misspelt `idempotency_key` fails loudly.
     *
     * @param array<string, mixed> $options
     * @param list<string> $known
     */
    private static function assertKnown(array $options, array $known, string $kind): void
    {
        $unknown = array_diff(array_keys($options), $known);
        if ($unknown !== []) {
            throw new \InvalidArgumentException(
                "Unknown {$kind} option(s) " . implode(', ', $unknown) . '; known: ' . implode(', ', $known) . '.',
            );
        }
    }
}
