<?php

declare(strict_types=1);

namespace EntryRate\Tests\Support;

use EntryRate\EntryRate;
use PHPUnit\Framework\TestCase;

/**
 * What sdks/harness/run.ts gives the scenario: the stack behind a fault proxy, a fresh promoter,
 * and the stripe-sim. Without it (a plain `phpunit` run), the scenario is skipped.
 */
final class Harness
{
    /** @var array<string, mixed> */
    private static array $venue = [];

    /** Whether the API answered its health check, asked once per run. */
    private static ?bool $reachable = null;

    public static function requireStack(TestCase $test): void
    {
        foreach (['ER_KEY', 'ENTRYRATE_API_URL', 'ER_FAULTS_URL', 'ER_STRIPE_SIM_URL', 'ER_STRIPE_SECRET_KEY'] as $name) {
            if ((string) getenv($name) === '') {
                $test->markTestSkipped("{$name} is not set: run the scenario with `npx tsx sdks/harness/run.ts php`.");
            }
        }
        // A stack that does not answer fails each test at once, not after every call's timeouts.
        if (self::$reachable ??= self::answers(rtrim((string) (getenv('ER_API_URL_DIRECT') ?: getenv('ENTRYRATE_API_URL')), '/') . '/health')) {
            return;
        }
        $test->fail('The API does not answer GET /health within 5 s: is the stack running (and not blocked)?');
    }

    /** A client of the new promoter, through the proxy (the SDK's own default for ENTRYRATE_API_URL). */
    public static function client(array $options = []): EntryRate
    {
        return new EntryRate((string) getenv('ER_KEY'), $options);
    }

    /** The promoter's one venue, made on first use. */
    public static function venue(): array
    {
        return self::$venue = self::$venue ?: self::client()->venues->create([
            'name' => 'The Strange Brew',
            'city' => 'Bristol',
            'timezone' => 'Europe/London',
        ]);
    }

    /** A draft event's fields, its doors a month ahead. */
    public static function eventParams(string $title, array $tiers = [['name' => 'Standard', 'price' => 1200, 'stock' => 100]]): array
    {
        return [
            'title' => $title,
            'venueId' => self::venue()['id'],
            'doors' => gmdate('Y-m-d\TH:i:s\Z', time() + 30 * 86400),
            'tiers' => $tiers,
        ];
    }

    /** A word no other test's titles hold, to list only this test's events with `q`. */
    public static function marker(string $what): string
    {
        return $what . '-' . bin2hex(random_bytes(4));
    }

    /**
     * Makes the proxy fail the next requests, in order (`429`, `503`, `reset`, `drop`), and clears its log.
     *
     * @param list<string> $faults
     */
    public static function injectFaults(array $faults): void
    {
        self::http('POST', (string) getenv('ER_FAULTS_URL'), ['Content-Type: application/json'], json_encode(['next' => $faults]));
    }

    /**
     * What reached the proxy since the last injectFaults().
     *
     * @return list<array{method: string, path: string, idempotencyKey: ?string, apiVersion: ?string, fault: ?string, status: ?int}>
     */
    public static function proxyLog(): array
    {
        return json_decode(self::http('GET', (string) getenv('ER_FAULTS_URL')), true)['log'];
    }

    /** Confirms a PaymentIntent on the stripe-sim with a test card, as the buyer's browser would. */
    public static function confirmPayment(string $paymentIntentId): array
    {
        $url = rtrim((string) getenv('ER_STRIPE_SIM_URL'), '/') . '/v1/payment_intents/' . rawurlencode($paymentIntentId) . '/confirm';
        $headers = ['Authorization: Bearer ' . getenv('ER_STRIPE_SECRET_KEY'), 'Content-Type: application/x-www-form-urlencoded'];
        return json_decode(self::http('POST', $url, $headers, http_build_query(['payment_method' => 'pm_card_visa'])), true);
    }

    private static function answers(string $url): bool
    {
        try {
            self::http('GET', $url, [], null, 5);
            return true;
        } catch (\RuntimeException) {
            return false;
        }
    }

    /** @param list<string> $headers */
    private static function http(string $method, string $url, array $headers = [], ?string $body = null, int $timeout = 10): string
    {
        $handle = curl_init($url);
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => $timeout,
        ] + ($body === null ? [] : [CURLOPT_POSTFIELDS => $body]));
        $answer = curl_exec($handle);
        $status = curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        curl_close($handle);
        if (!is_string($answer) || $status >= 300) {
            throw new \RuntimeException("{$method} {$url} answered {$status}: " . var_export($answer, true));
        }
        return $answer;
    }
}
