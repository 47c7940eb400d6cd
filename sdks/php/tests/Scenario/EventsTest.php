<?php

declare(strict_types=1);

namespace EntryRate\Tests\Scenario;

use EntryRate\Tests\Support\Harness;
use PHPUnit\Framework\TestCase;

/** A promoter puts an event on sale and finds it again; then pages through many. */
final class EventsTest extends TestCase
{
    protected function setUp(): void
    {
        Harness::requireStack($this);
    }

    public function testCreatesPublishesAndListsAnEvent(): void
    {
        $er = Harness::client();
        $title = Harness::marker('Mura Masa UK tour');
        $draft = $er->events->create(Harness::eventParams($title, [
            ['name' => 'Early bird', 'price' => 1200, 'stock' => 200],
            ['name' => 'Standard', 'price' => 1800, 'stock' => 200],
        ]));
        $this->assertSame(201, $er->lastResponse->status);
        $this->assertSame('draft', $draft['status']);
        $this->assertSame(1200, $draft['lowestPrice']);
        $this->assertSame(['early-bird', 'standard'], array_column($draft['tiers'], 'slug'));

        $live = $er->events->publish($draft['id'], ['network' => false]);
        $this->assertSame('live', $live['status']);
        $this->assertFalse($live['network']);
        $this->assertNotNull($live['publishedAt']);

        $found = $er->events->list(['status' => 'live', 'q' => $title]);
        $this->assertSame([$draft['id']], array_column($found->data, 'id'));
        $this->assertSame(1, $found->pagination['total']);
        $this->assertSame([], $er->events->list(['status' => 'draft', 'q' => $title])->data);

        $bySlug = $er->events->retrieve($draft['slug']);
        $this->assertSame($draft['id'], $bySlug['id']);
        $this->assertSame($title, $bySlug['title']);

        $renamed = $er->events->update($draft['id'], ['title' => "{$title} (late show)"]);
        $this->assertSame("{$title} (late show)", $renamed['title']);
    }

    public function testPagesThroughAHundredAndTwentyEvents(): void
    {
        $er = Harness::client();
        $marker = Harness::marker('paging');
        $created = [];
        for ($n = 1; $n <= 120; $n++) {
            $created[] = $er->events->create(Harness::eventParams("{$marker} night {$n}"))['id'];
        }

        $first = $er->events->list(['q' => $marker, 'limit' => 50]);
        $this->assertCount(50, $first->data);
        $this->assertSame(['page' => 1, 'limit' => 50, 'total' => 120, 'pages' => 3], $first->pagination);
        $last = $er->events->list(['q' => $marker, 'limit' => 50, 'page' => 3]);
        $this->assertCount(20, $last->data);

        $walked = [];
        foreach ($first->autoPagingIterator() as $event) {
            $walked[] = $event['id'];
        }
        $this->assertCount(120, $walked);
        $this->assertCount(120, array_unique($walked), 'every event once');
        $this->assertEqualsCanonicalizing($created, $walked);
    }
}
