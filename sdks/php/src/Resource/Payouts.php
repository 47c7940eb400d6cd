<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\Page;

/** `$er->payouts`: read-only, Stripe owns the schedule. */
final class Payouts extends Resource
{
    /**
     * @param array{status?: string, arrivalFrom?: string, arrivalTo?: string, page?: int, limit?: int} $params
     */
    public function list(array $params = [], array $options = []): Page
    {
        return $this->page('/v1/payouts', $params, $options);
    }
}
