<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\Page;

/** `$er->webhookEndpoints`: where events are sent, and what became of each delivery. */
final class WebhookEndpoints extends Resource
{
    /** @param array{page?: int, limit?: int} $params */
    public function list(array $params = [], array $options = []): Page
    {
        return $this->page('/v1/webhook-endpoints', $params, $options);
    }

    /**
     * @param array{url: string, events: list<string>} $params
     * @return array<string, mixed> the endpoint, with its signing `secret` (shown this once)
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/webhook-endpoints', null, $params, $options);
    }

    /** @return array<string, mixed> */
    public function delete(string $id, array $options = []): array
    {
        return $this->client->request('DELETE', self::path('/v1/webhook-endpoints/%s', $id), null, null, $options);
    }

    /** @param array{page?: int, limit?: int} $params */
    public function listDeliveries(string $id, array $params = [], array $options = []): Page
    {
        return $this->page(self::path('/v1/webhook-endpoints/%s/deliveries', $id), $params, $options);
    }
}
