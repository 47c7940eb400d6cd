<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** Any other status, 5xx included. */
class ApiException extends EntryRateException
{
}
