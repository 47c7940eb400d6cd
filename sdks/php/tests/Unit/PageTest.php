<?php

declare(strict_types=1);

namespace EntryRate\Tests\Unit;

use EntryRate\EntryRate;
use EntryRate\Tests\Support\FakeTransport;
use PHPUnit\Framework\TestCase;

final class PageTest extends TestCase
{
    private static function page(int $page, int $pages, array $ids): \EntryRate\Http\Response
    {
        $data = array_map(static fn ($id) => ['id' => $id], $ids);
        return FakeTransport::json(200, ['data' => $data, 'pagination' => ['page' => $page, 'limit' => 2, 'total' => 5, 'pages' => $pages]]);
    }

    public function testWalksEveryPageWithTheSameFilters(): void
    {
        $http = new FakeTransport([self::page(1, 3, ['a', 'b']), self::page(2, 3, ['c', 'd']), self::page(3, 3, ['e'])]);
        $er = new EntryRate('er_test_abc', ['baseUrl' => 'https://api.test', 'transport' => $http]);
        $page = $er->orders->list(['status' => 'paid', 'limit' => 2]);
        $this->assertSame([['id' => 'a'], ['id' => 'b']], $page->data);
        $this->assertSame(5, $page->pagination['total']);
        $this->assertCount(1, $http->sent);

        $ids = array_column(iterator_to_array($page->autoPagingIterator()), 'id');
        $this->assertSame(['a', 'b', 'c', 'd', 'e'], $ids);
        $this->assertSame([
            'https://api.test/v1/orders?status=paid&limit=2',
            'https://api.test/v1/orders?page=2&status=paid&limit=2',
            'https://api.test/v1/orders?page=3&status=paid&limit=2',
        ], array_column($http->sent, 'url'));
    }

    public function testAnEmptyListAsksForNothingMore(): void
    {
        $http = new FakeTransport([FakeTransport::json(200, ['data' => [], 'pagination' => ['page' => 1, 'limit' => 20, 'total' => 0, 'pages' => 0]])]);
        $er = new EntryRate('er_test_abc', ['baseUrl' => 'https://api.test', 'transport' => $http]);
        $this->assertSame([], iterator_to_array($er->events->list()->autoPagingIterator()));
        $this->assertCount(1, $http->sent);
    }
}
