<?php

declare(strict_types=1);

namespace EntryRate\Resource;

/** `$er->scans`: the door's check of a ticket. */
final class Scans extends Resource
{
    /**
     * @param array{payload: string, eventId?: string} $params what the scanner read from the QR code
     * @return array<string, mixed> `{ valid, ticket, scannedAt, … }`
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/scans', null, $params, $options);
    }
}
