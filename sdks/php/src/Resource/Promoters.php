<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\Page;

/** `$er->promoters`: the promoters yours manages, as an agency (its admin keys act for them). */
final class Promoters extends Resource
{
    /**
     * A promoter managed by the caller's promoter.
     *
     * @param array{name: string} $params
     * @return array<string, mixed>
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/promoters', null, $params, $options);
    }

    /** @param array{page?: int, limit?: int} $params */
    public function list(array $params = [], array $options = []): Page
    {
        return $this->page('/v1/promoters', $params, $options);
    }
}
