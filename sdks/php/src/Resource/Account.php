<?php

declare(strict_types=1);

namespace EntryRate\Resource;

/** `$er->account`: who you are, and the state of your Stripe Connect account. */
final class Account extends Resource
{
    /** @return array<string, mixed> the account; `stripeAccount` is null while none is connected */
    public function retrieve(array $options = []): array
    {
        return $this->client->request('GET', '/v1/account', null, null, $options);
    }
}
