<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\Page;

/**
 * `$er->venues`.
 *
 * @phpstan-type Venue array{id: string, name: string, city: string, cityId: string, timezone: string, createdAt: string}
 */
final class Venues extends Resource
{
    /**
     * @param array{page?: int, limit?: int} $params
     * @return Page<Venue>
     */
    public function list(array $params = [], array $options = []): Page
    {
        return $this->page('/v1/venues', $params, $options);
    }

    /** @return Venue */
    public function retrieve(string $id, array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/venues/%s', $id), null, null, $options);
    }

    /**
     * @param array{name: string, city: string, timezone: string, cityId?: string} $params
     * @return Venue
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/venues', null, $params, $options);
    }
}
