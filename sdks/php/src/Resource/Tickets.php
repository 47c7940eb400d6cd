<?php

declare(strict_types=1);

namespace EntryRate\Resource;

/** `$er->tickets`. */
final class Tickets extends Resource
{
    /** @return array<string, mixed> */
    public function retrieve(string $id, array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/tickets/%s', $id), null, null, $options);
    }
}
