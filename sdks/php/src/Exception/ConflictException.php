<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** 409: the object's state does not allow this now. */
class ConflictException extends EntryRateException
{
}
