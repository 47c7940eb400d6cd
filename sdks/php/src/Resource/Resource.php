<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\EntryRate;
use EntryRate\Page;

/** What every resource shares: the client, and paths with their ids escaped. */
abstract class Resource
{
    public function __construct(protected readonly EntryRate $client)
    {
    }

    /** `path('/v1/events/%s/publish', $id)`, each id URL-escaped. */
    protected static function path(string $format, string ...$ids): string
    {
        return sprintf($format, ...array_map('rawurlencode', $ids));
    }

    /**
     * One page of a list endpoint.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $options
     */
    protected function page(string $path, array $params, array $options): Page
    {
        return Page::fetch($this->client, $path, $params, $options);
    }
}
