<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** An Idempotency-Key that is not valid (400) or was sent again with another request (422 `idempotency.key_reused`). */
class IdempotencyException extends InvalidRequestException
{
}
