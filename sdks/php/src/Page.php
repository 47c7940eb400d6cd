<?php

declare(strict_types=1);

namespace EntryRate;

/**
 * One page of a list: `->data` and `->pagination` (`page`, `limit`, `total`, `pages`), as the API
 * answered them. `->autoPagingIterator()` walks this page and every later one.
 *
 * @template T of array
 */
final class Page
{
    /** @var list<T> */
    public readonly array $data;

    /** @var array{page: int, limit: int, total: int, pages: int} */
    public readonly array $pagination;

    /**
     * @param array<string, mixed> $params the filters and `limit`, sent again for each later page
     * @param array<string, mixed> $options
     * @param array<string, mixed> $answer
     */
    private function __construct(
        private readonly EntryRate $client,
        private readonly string $path,
        private readonly array $params,
        private readonly array $options,
        array $answer,
    ) {
        $this->data = $answer['data'] ?? [];
        $this->pagination = $answer['pagination'] ?? ['page' => 1, 'limit' => count($this->data), 'total' => count($this->data), 'pages' => 1];
    }

    /**
     * Asks for one page of a list endpoint.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $options
     * @return Page<array<string, mixed>>
     */
    public static function fetch(EntryRate $client, string $path, array $params, array $options): self
    {
        return new self($client, $path, $params, $options, $client->request('GET', $path, $params, null, $options));
    }

    /**
     * Every item of this page and the ones after it, asking for page 2, 3 … with the same filters
     * and limit until the last.
     *
     * @return \Generator<int, T>
     */
    public function autoPagingIterator(): \Generator
    {
        $page = $this;
        while (true) {
            // Not `yield from`: that would repeat the keys 0… of each page.
            foreach ($page->data as $item) {
                yield $item;
            }
            if ($page->data === [] || $page->pagination['page'] >= $page->pagination['pages']) {
                return;
            }
            $next = ['page' => $page->pagination['page'] + 1] + $this->params;
            $page = self::fetch($this->client, $this->path, $next, $this->options);
        }
    }
}
