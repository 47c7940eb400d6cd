<?php

declare(strict_types=1);

namespace EntryRate\Resource;

/** `$er->ticketLinks` (public): mail a buyer fresh links to their ticket pages. */
final class TicketLinks extends Resource
{
    /**
     * @param array{email: string} $params
     * @return array{message: string}
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/ticket-links', null, $params, $options);
    }
}
