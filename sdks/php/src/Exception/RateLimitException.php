<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** 429: too many requests; retried, then thrown. */
class RateLimitException extends EntryRateException
{
}
