<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\Page;

/**
 * `$er->events`: a promoter's events and their tiers.
 *
 * @phpstan-type Tier array{id: string, slug: string, name: string, price: int, stock: int, sold: int, available: int, maxPerOrder: int, salesStart: string|null, salesEnd: string|null}
 * @phpstan-type TierStats array{tierId: string, name: string, price: int, stock: int, sold: int, held: int, left: int, revenue: int}
 * @phpstan-type EventStats array{eventId: string, currency: string, timezone: string, tiers: list<TierStats>, totals: array{sold: int, held: int, left: int, revenue: int, refunded: int, orders: int, scanned: int}, sales: list<array{date: string, tickets: int, revenue: int}>, scans: array{scanned: int, admitted: int}}
 * @phpstan-type EventEmbed array{eventId: string, mode: 'inline'|'modal'|'iframe', theme: 'light'|'dark'|'auto', tier: string|null, snippet: string, previewUrl: string|null}
 * @phpstan-type DoorCounts array{eventId: string, tiers: list<array{tierId: string, name: string, valid: int, scanned: int}>, totals: array{valid: int, scanned: int}, lastScanAt: string|null}
 * @phpstan-type Event array{id: string, slug: string, title: string, status: 'draft'|'live'|'cancelled', venueId: string, doors: string, currency: string, network: bool, rotatingQr: bool, holdMinutes: int, lowestPrice: int|null, scans: int, tiers: list<Tier>, createdAt: string, publishedAt: string|null}
 */
final class Events extends Resource
{
    /**
     * @param array{status?: 'draft'|'live'|'cancelled', cityId?: string, from?: string, to?: string, q?: string, page?: int, limit?: int} $params
     * @return Page<Event>
     */
    public function list(array $params = [], array $options = []): Page
    {
        return $this->page('/v1/events', $params, $options);
    }

    /** @return Event */
    public function retrieve(string $idOrSlug, array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/events/%s', $idOrSlug), null, null, $options);
    }

    /**
     * Sales per tier and per day (the venue's days), money in minor units, and door counts.
     *
     * @return EventStats
     */
    public function stats(string $idOrSlug, array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/events/%s/stats', $idOrSlug), null, null, $options);
    }

    /**
     * Door counts: per tier, tickets that may enter and tickets scanned in, and the latest scan.
     *
     * @return DoorCounts
     */
    public function doorCounts(string $idOrSlug, array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/events/%s/door', $idOrSlug), null, null, $options);
    }

    /**
     * What a scanner downloads before doors: every ticket with its admission, and the keys that check codes offline.
     *
     * @return array<string, mixed> `{ eventId, verification: { staticPublicKey, rotatingKey, windowSeconds }, tiers, tickets, generatedAt }`
     */
    public function scanManifest(string $idOrSlug, array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/events/%s/scan-manifest', $idOrSlug), null, null, $options);
    }

    /**
     * The lines that embed the event's checkout in a page, and its preview's address.
     *
     * @param array{mode?: 'inline'|'modal'|'iframe', theme?: 'light'|'dark'|'auto', tier?: string} $params
     * @return EventEmbed
     */
    public function embed(string $idOrSlug, array $params = [], array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/events/%s/embed', $idOrSlug), $params, null, $options);
    }

    /**
     * @param array{title: string, venueId: string, doors: string, tiers: list<array<string, mixed>>, slug?: string, currency?: string, holdMinutes?: int, rotatingQr?: bool} $params
     * @return Event
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/events', null, $params, $options);
    }

    /** @return Event */
    public function update(string $id, array $params, array $options = []): array
    {
        return $this->client->request('PATCH', self::path('/v1/events/%s', $id), null, $params, $options);
    }

    /**
     * @param array{network?: bool} $params `['network' => false]` keeps it off the storefront
     * @return Event
     */
    public function publish(string $id, array $params = [], array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/events/%s/publish', $id), null, $params, $options);
    }

    /** @return Event */
    public function cancel(string $id, array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/events/%s/cancel', $id), null, [], $options);
    }
}
