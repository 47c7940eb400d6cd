<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** 400: the request is not valid; getParam() names the field. */
class InvalidRequestException extends EntryRateException
{
}
