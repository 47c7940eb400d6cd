<?php

declare(strict_types=1);

namespace EntryRate\Tests\Scenario;

use EntryRate\Tests\Support\Harness;
use PHPUnit\Framework\TestCase;

/** A buyer pays by script, and the promoter refunds part of the order, then the rest. */
final class CheckoutTest extends TestCase
{
    protected function setUp(): void
    {
        Harness::requireStack($this);
    }

    public function testBuysTicketsAndRefundsThem(): void
    {
        $er = Harness::client();
        $event = $er->events->create(Harness::eventParams(Harness::marker('Checkout'), [
            ['name' => 'General admission', 'price' => 1200, 'stock' => 50],
        ]));
        $er->events->publish($event['id']);
        $tier = $event['tiers'][0];

        $session = $er->checkout->sessions->create([
            'eventId' => $event['id'],
            'items' => [['tier' => $tier['slug'], 'quantity' => 2]],
            'customerEmail' => 'buyer.php@example.com',
        ]);
        $this->assertSame('open', $session['status']);
        $this->assertSame(2400, $session['amountTotal']);
        $this->assertSame([['tierId' => $tier['id'], 'quantity' => 2, 'unitPrice' => 1200]], $session['items']);

        $payment = $er->checkout->sessions->pay($session['id'], ['clientSecret' => $session['clientSecret']]);
        $this->assertSame('open', $payment['status']);
        $this->assertStringStartsWith('pi_', $payment['paymentIntentId']);

        $intent = Harness::confirmPayment($payment['paymentIntentId']);
        $this->assertSame('succeeded', $intent['status']);

        $complete = $this->waitUntilComplete($session['id']);
        $this->assertNotNull($complete['orderId']);

        $order = $er->orders->retrieve($complete['orderId']);
        $this->assertSame('paid', $order['status']);
        $this->assertSame(2400, $order['amount']);
        $this->assertSame('buyer.php@example.com', $order['buyerEmail']);
        $this->assertCount(2, $order['tickets']);
        $this->assertSame([$order['id']], array_column($er->orders->list(['eventId' => $event['id']])->data, 'id'));

        $part = $er->orders->refund($order['id'], ['amount' => 500]);
        $this->assertSame('partially_refunded', $part['status']);
        $this->assertSame(500, $part['amountRefunded']);
        $this->assertSame([500], array_column($part['refunds'], 'amount'));
        $this->assertSame(
            ['paymentIntentId' => $payment['paymentIntentId'], 'amount' => 2400, 'currency' => $order['currency'], 'status' => 'partially_refunded'],
            $part['payment'],
        );
        $csv = $er->orders->exportCsv(['eventId' => $event['id']]);
        $this->assertStringEndsWith("\r\n", $csv);
        [$header, $row] = array_map('str_getcsv', explode("\r\n", rtrim($csv, "\r\n")));
        $this->assertSame(['order_id', 'created_at'], array_slice($header, 0, 2));
        $this->assertSame([$order['id'], 'partially_refunded', '2'], [$row[0], $row[5], $row[6]]);
        $this->assertSame(['24.00', '5.00', strtoupper($order['currency'])], array_slice($row, 7));
        $stats = $er->events->stats($event['id']);
        $this->assertSame([[$tier['id'], 2, 1900]], array_map(
            fn (array $t) => [$t['tierId'], $t['sold'], $t['revenue']],
            $stats['tiers'],
        ));
        $this->assertSame(['revenue' => 1900, 'refunded' => 500], array_intersect_key($stats['totals'], ['revenue' => 0, 'refunded' => 0]));

        $rest = $er->orders->refund($order['id']);
        $this->assertSame('refunded', $rest['status']);
        $this->assertSame(2400, $rest['amountRefunded']);
    }

    /** The session completes once the API hears from Stripe that the payment succeeded. */
    private function waitUntilComplete(string $sessionId): array
    {
        $er = Harness::client();
        $deadline = microtime(true) + 30;
        do {
            $session = $er->checkout->sessions->retrieve($sessionId);
            if ($session['status'] === 'complete') {
                return $session;
            }
            usleep(200_000);
        } while (microtime(true) < $deadline);
        $this->fail("The session is still {$session['status']} after 30 s.");
    }
}
