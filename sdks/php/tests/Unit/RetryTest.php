<?php

declare(strict_types=1);

namespace EntryRate\Tests\Unit;

use EntryRate\Retry;
use PHPUnit\Framework\TestCase;

final class RetryTest extends TestCase
{
    public function testBackoffStartsAtHalfASecondAndDoublesWithJitter(): void
    {
        foreach ([0 => 0.5, 1 => 1.0, 2 => 2.0, 3 => 4.0, 4 => 8.0] as $retry => $ceiling) {
            for ($i = 0; $i < 200; $i++) {
                $delay = Retry::delay($retry);
                $this->assertGreaterThanOrEqual($ceiling / 2, $delay, "retry {$retry}");
                $this->assertLessThanOrEqual($ceiling, $delay, "retry {$retry}");
            }
        }
    }

    public function testBackoffIsCappedAtEightSeconds(): void
    {
        for ($i = 0; $i < 200; $i++) {
            $delay = Retry::delay(30);
            $this->assertGreaterThanOrEqual(4.0, $delay);
            $this->assertLessThanOrEqual(8.0, $delay);
        }
    }

    public function testJitterSpreadsTheWaits(): void
    {
        $delays = array_map(static fn () => Retry::delay(2), range(1, 50));
        $this->assertGreaterThan(1, count(array_unique($delays)));
    }

    public function testRetryAfterIsHonouredAndCappedAtSixtySeconds(): void
    {
        $this->assertSame(1.0, Retry::delay(0, 1.0));
        $this->assertSame(0.0, Retry::delay(3, 0.0));
        $this->assertSame(60.0, Retry::delay(0, 3600.0));
    }

    public function testParsesRetryAfterSecondsAndHttpDates(): void
    {
        $now = 1445412480; // Wed, 21 Oct 2015 07:28:00 GMT
        $this->assertSame(1.0, Retry::parseRetryAfter('1'));
        $this->assertSame(120.0, Retry::parseRetryAfter(' 120 '));
        $this->assertSame(1.5, Retry::parseRetryAfter('1.5'));
        $this->assertSame(0.0, Retry::parseRetryAfter('-3'));
        $this->assertSame(30.0, Retry::parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', $now));
        $this->assertSame(0.0, Retry::parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', $now));
        $this->assertNull(Retry::parseRetryAfter(null));
        $this->assertNull(Retry::parseRetryAfter(''));
        $this->assertNull(Retry::parseRetryAfter('soon'));
    }

    public function testRetriesOnlyWhatMayAnswerOtherwiseNextTime(): void
    {
        $this->assertTrue(Retry::shouldRetry(429, 'rate_limit.exceeded'));
        $this->assertTrue(Retry::shouldRetry(500, 'internal'));
        $this->assertTrue(Retry::shouldRetry(502, null));
        $this->assertTrue(Retry::shouldRetry(503, 'service.unavailable'));
        $this->assertTrue(Retry::shouldRetry(409, 'idempotency.in_progress'));
        $this->assertFalse(Retry::shouldRetry(409, 'event.slug_taken'));
        $this->assertFalse(Retry::shouldRetry(400, 'request.invalid'));
        $this->assertFalse(Retry::shouldRetry(404, 'event.not_found'));
        $this->assertFalse(Retry::shouldRetry(422, 'idempotency.key_reused'));
    }
}
