<?php

declare(strict_types=1);

namespace EntryRate\Resource;

/** `$er->scans`: the door's check of a ticket. */
final class Scans extends Resource
{
    /**
     * @param array{payload: string, eventId?: string, scanId?: string, scannedAt?: string, gate?: string} $params what the scanner read from the QR code (a scan made offline: its own id, time and gate)
     * @return array<string, mixed> `{ valid, reason?, ticket, scannedAt, scan, admission, displaced }`
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/scans', null, $params, $options);
    }
}
