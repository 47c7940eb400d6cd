<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** 404: no such object (or route) for this key. */
class NotFoundException extends EntryRateException
{
}
