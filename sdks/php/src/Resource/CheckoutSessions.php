<?php

declare(strict_types=1);

namespace EntryRate\Resource;

/**
 * `$er->checkout->sessions`: a buyer's checkout, from held tickets to the order. Public: a
 * session's `clientSecret` stands in for the secret key.
 *
 * @phpstan-import-type Order from Orders
 * @phpstan-type CheckoutSession array{id: string, status: 'open'|'complete'|'expired'|'cancelled', paymentStatus: string, eventId: string, customerEmail: string, items: list<array{tierId: string, quantity: int, unitPrice: int}>, amountTotal: int, currency: string, expiresAt: string, clientSecret: string, url: string|null, successUrl: string|null, cancelUrl: string|null, orderId: string|null, order: Order|null, ticketsUrl: string|null, settlement: array{status: 'settled'|'pending'|'failed', nextAttemptAt: string|null, error: string|null}, createdAt: string}
 * @phpstan-type Payment array{status: 'open'|'complete', orderId: string|null, paymentIntentId: string|null, clientSecret: string|null}
 */
final class CheckoutSessions extends Resource
{
    /**
     * @param array{eventId: string, items: list<array{tier?: string, tierId?: string, quantity: int}>, customerEmail: string, successUrl?: string, cancelUrl?: string} $params
     * @return CheckoutSession
     */
    public function create(array $params, array $options = []): array
    {
        return $this->client->request('POST', '/v1/checkout/sessions', null, $params, $options);
    }

    /**
     * @param array{clientSecret?: string} $params
     * @return CheckoutSession
     */
    public function retrieve(string $id, array $params = [], array $options = []): array
    {
        return $this->client->request('GET', self::path('/v1/checkout/sessions/%s', $id), $params, null, $options);
    }

    /**
     * @param array{items: list<array{tier?: string, tierId?: string, quantity: int}>, clientSecret?: string} $params
     * @return CheckoutSession
     */
    public function update(string $id, array $params, array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/checkout/sessions/%s', $id), null, $params, $options);
    }

    /**
     * Starts paying: the PaymentIntent to confirm with Stripe (a free session completes here).
     *
     * @param array{clientSecret?: string} $params
     * @return Payment
     */
    public function pay(string $id, array $params = [], array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/checkout/sessions/%s/payment', $id), null, $params, $options);
    }

    /**
     * @param array{clientSecret?: string} $params
     * @return CheckoutSession
     */
    public function cancel(string $id, array $params = [], array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/checkout/sessions/%s/cancel', $id), null, $params, $options);
    }

    /** @return CheckoutSession */
    public function settle(string $id, array $options = []): array
    {
        return $this->client->request('POST', self::path('/v1/checkout/sessions/%s/settle', $id), null, [], $options);
    }
}
