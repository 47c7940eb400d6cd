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

    /**
     * Changes its `url`, its `events`, or both.
     *
     * @param array{url?: string, events?: list<string>} $params
     * @return array<string, mixed>
     */
    public function update(string $id, array $params, array $options = []): array
    {
        return $this->client->request('PATCH', self::path('/v1/webhook-endpoints/%s', $id), null, $params, $options);
    }

    /**
     * Queues a signed `ping` to this endpoint only.
     *
     * @return array<string, mixed> its delivery
     */
    public function test(string $id, array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/webhook-endpoints/%s/test', $id), null, [], $options);
    }

    /** @return array<string, mixed> the endpoint, with its new signing `secret` (shown this once) */
    public function rotateSecret(string $id, array $options = []): array
    {
        $path = self::path('/v1/webhook-endpoints/%s/rotate-secret', $id);
        return $this->client->request('POST', $path, null, [], $options);
    }

    /**
     * Turns a disabled endpoint back on; what waited for it goes out at once.
     *
     * @return array<string, mixed>
     */
    public function enable(string $id, array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/webhook-endpoints/%s/enable', $id), null, [], $options);
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

    /**
     * Sends a delivery (named by its `eventId`) again now, with the same event id.
     *
     * @return array<string, mixed>
     */
    public function resendDelivery(string $id, string $deliveryId, array $options = []): array
    {
        $path = self::path('/v1/webhook-endpoints/%s/deliveries/%s/resend', $id, $deliveryId);
        return $this->client->request('POST', $path, null, [], $options);
    }
}
