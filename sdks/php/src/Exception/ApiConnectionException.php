<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** No answer: the connection failed or timed out (getStatus() is null). */
class ApiConnectionException extends EntryRateException
{
}
