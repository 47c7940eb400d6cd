<?php

declare(strict_types=1);

namespace EntryRate\Tests\Support;

use EntryRate\EntryRate;

/** A client that notes the waits between attempts instead of sleeping through them. */
final class RecordingClient extends EntryRate
{
    /** @var list<float> */
    public array $pauses = [];

    protected function pause(float $seconds): void
    {
        $this->pauses[] = $seconds;
    }
}
