<?php

declare(strict_types=1);

namespace EntryRate\Resource;

use EntryRate\Page;

/**
 * `$er->orders`: what buyers paid for, with their tickets.
 *
 * @phpstan-type Ticket array{id: string, tierId: string, status: string, qrPayload: string}
 * @phpstan-type Refund array{id: string, amount: int, createdAt: string}
 * @phpstan-type OrderPayment array{paymentIntentId: string, amount: int, currency: string, status: 'succeeded'|'partially_refunded'|'refunded'}
 * @phpstan-type Order array{id: string, status: 'paid'|'partially_refunded'|'refunded', eventId: string, buyerEmail: string, amount: int, amountRefunded: int, currency: string, tickets: list<Ticket>, refunds: list<Refund>, payment: OrderPayment|null, emailStatus: string, emailError: string|null, createdAt: string}
 */
final class Orders extends Resource
{
    /**
     * @param array{eventId?: string, status?: 'paid'|'partially_refunded'|'refunded', buyerEmail?: string, q?: string, page?: int, limit?: int} $params
     * @return Page<Order>
     */
    public function list(array $params = [], array $options = []): Page
    {
        return $this->page('/v1/orders', $params, $options);
    }

    /**
     * Every order that passes the list's filters (not one page), newest first, as CSV text: a
     * header row, then a row per order, amounts in major units (`12.00`).
     *
     * @param array{eventId?: string, status?: 'paid'|'partially_refunded'|'refunded', buyerEmail?: string, q?: string} $params
     */
    public function exportCsv(array $params = [], array $options = []): string
    {
        return $this->client->requestText('/v1/orders/export', 'text/csv', $params, $options);
    }

    /** @return Order */
    public function retrieve(string $id, array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/orders/%s', $id), null, null, $options);
    }

    /**
     * @param array{amount?: int} $params minor units; what is left, in full, when absent
     * @return Order
     */
    public function refund(string $id, array $params = [], array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/orders/%s/refund', $id), null, $params, $options);
    }

    /**
     * @param array{email?: string} $params a corrected address, which becomes the order's
     * @return Order
     */
    public function resend(string $id, array $params = [], array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/orders/%s/resend', $id), null, $params, $options);
    }
}
