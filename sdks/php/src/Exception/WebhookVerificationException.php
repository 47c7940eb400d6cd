<?php

declare(strict_types=1);

namespace EntryRate\Exception;

/** A webhook delivery that does not verify: do not trust its body. */
class WebhookVerificationException extends EntryRateException
{
}
