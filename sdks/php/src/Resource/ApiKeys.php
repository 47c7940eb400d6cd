<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\Page;

/** `$er->apiKeys`: the promoter's keys of the caller's mode, `secret`, `admin` or `scanner` (`kind`, a scanner's `eventIds`), with `lastUsedAt`. */
final class ApiKeys extends Resource
{
    /** @param array{page?: int, limit?: int} $params */
    public function list(array $params = [], array $options = []): Page
    {
        return $this->page('/v1/api-keys', $params, $options);
    }

    /**
     * @param array{name?: string, kind?: 'secret'|'admin'|'scanner', eventIds?: list<string>} $params
     * @return array<string, mixed> the key, with its `secret` (shown this once)
     */
    public function create(array $params = [], array $options = []): array
    {
        return $this->client->request('POST', '/v1/api-keys', null, $params, $options);
    }

    /** @return array<string, mixed> */
    public function revoke(string $id, array $options = []): array
    {
        return $this->client->request('DELETE', self::path('/v1/api-keys/%s', $id), null, null, $options);
    }
}
