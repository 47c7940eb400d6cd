<?php

declare(strict_types=1);

namespace EntryRate;

/**
 * When a failed request is tried again, and how long to wait first.
 *
 * @internal the client's; public for its tests
 */
final class Retry
{
    /** The longest `Retry-After` honoured, in seconds. */
    public const MAX_RETRY_AFTER = 60.0;
    public const INITIAL_DELAY = 0.5;
    public const MAX_DELAY = 8.0;

    /** Whether an error answer is worth another try: the API may well answer otherwise next time. */
    public static function shouldRetry(int $status, ?string $code): bool
    {
        return $status === 429
            || $status >= 500
            || ($status === 409 && $code === 'idempotency.in_progress');
    }

    /**
     * Seconds to wait before retry number `$retry` (0 for the first): `Retry-After` when the answer
     * had one (capped), otherwise 0.5 s doubling to at most 8 s, of which a random half to all.
     */
    public static function delay(int $retry, ?float $retryAfter = null): float
    {
        if ($retryAfter !== null) {
            return min(self::MAX_RETRY_AFTER, max(0.0, $retryAfter));
        }
        $ceiling = min(self::MAX_DELAY, self::INITIAL_DELAY * 2 ** $retry);
        return $ceiling * (0.5 + 0.5 * mt_rand() / mt_getrandmax());
    }

    /** A `Retry-After` value in seconds from now: delay-seconds or an HTTP date; null when neither. */
    public static function parseRetryAfter(?string $value, ?int $now = null): ?float
    {
        $value = trim((string) $value);
        if ($value === '') {
            return null;
        }
        if (is_numeric($value)) {
            return max(0.0, (float) $value);
        }
        $date = \DateTimeImmutable::createFromFormat(\DateTimeInterface::RFC7231, $value, new \DateTimeZone('UTC'));
        if ($date === false) {
            return null;
        }
        return max(0.0, (float) ($date->getTimestamp() - ($now ?? time())));
    }
}
