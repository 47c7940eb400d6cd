<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\EntryRate;

/** `$er->checkout`: holds `->sessions`. */
final class Checkout
{
    public readonly CheckoutSessions $sessions;

    public function __construct(EntryRate $client)
    {
        $this->sessions = new CheckoutSessions($client);
    }
}
