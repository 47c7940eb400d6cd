<?php

declare(strict_types=1);

namespace EntryRate\Tests\Unit;

use EntryRate\Exception\WebhookVerificationException;
use EntryRate\Webhook;
use PHPUnit\Framework\TestCase;

/** Against sdks/harness/webhook-vector.json: a delivery the server signed. */
final class WebhookTest extends TestCase
{
    private static array $vector;
    private static int $sentAt;

    public static function setUpBeforeClass(): void
    {
        self::$vector = json_decode(file_get_contents(__DIR__ . '/../../../harness/webhook-vector.json'), true);
        self::$sentAt = (int) self::$vector['headers']['webhook-timestamp'];
    }

    public function testVerifiesTheServersDelivery(): void
    {
        ['body' => $body, 'headers' => $headers, 'secret' => $secret] = self::$vector;
        $event = Webhook::verify($body, $headers, $secret, 300, self::$sentAt + 10);
        $this->assertSame('we_5kq2mhx9', $event['id']);
        $this->assertSame('order.completed', $event['type']);
        $this->assertSame(2400, $event['data']['amount']);
    }

    public function testHeaderNamesInAnyCase(): void
    {
        $headers = array_change_key_case(self::$vector['headers'], CASE_UPPER);
        $this->assertSame('we_5kq2mhx9', $this->verify(['headers' => $headers])['id']);
        $lists = array_map(static fn ($v) => [$v], self::$vector['headers']);
        $this->assertSame('we_5kq2mhx9', $this->verify(['headers' => $lists])['id']);
    }

    public function testServerStyleHeaders(): void
    {
        $server = ['REQUEST_METHOD' => 'POST'];
        foreach (self::$vector['headers'] as $name => $value) {
            $server['HTTP_' . strtoupper(str_replace('-', '_', $name))] = $value;
        }
        $this->assertSame('we_5kq2mhx9', $this->verify(['headers' => $server])['id']);
    }

    public function testAnyOfSeveralStandardSignaturesMayMatch(): void
    {
        $headers = self::$vector['headers'];
        $headers['webhook-signature'] = 'v1,bm90IGl0 ' . $headers['webhook-signature'];
        $this->assertSame('we_5kq2mhx9', $this->verify(['headers' => $headers])['id']);
    }

    public function testTheSeedsHeaderAloneVerifiesWithTheHexSignature(): void
    {
        $headers = ['EntryRate-Signature' => self::$vector['headers']['EntryRate-Signature']];
        // No timestamp is signed then, so no clock is checked.
        $event = Webhook::verify(self::$vector['body'], $headers, self::$vector['secret']);
        $this->assertSame('we_5kq2mhx9', $event['id']);
    }

    public function testAWrongSecretFails(): void
    {
        $this->assertRefused(['secret' => 'whsec_abcdefghijklmnopqrstuvwxyz012345'], 'EntryRate-Signature');
    }

    public function testATamperedBodyFails(): void
    {
        $this->assertRefused(['body' => str_replace('2400', '1', self::$vector['body'])], 'EntryRate-Signature');
    }

    public function testATamperedStandardSignatureFails(): void
    {
        $headers = self::$vector['headers'];
        $headers['webhook-id'] = 'we_other';
        $this->assertRefused(['headers' => $headers], 'webhook-signature');
    }

    public function testAStaleTimestampFails(): void
    {
        $this->assertRefused(['now' => self::$sentAt + 301], 'webhook-timestamp');
        $this->assertRefused(['now' => self::$sentAt - 301], 'webhook-timestamp');
        $this->assertSame('we_5kq2mhx9', $this->verify(['now' => self::$sentAt + 301, 'tolerance' => 600])['id']);
    }

    public function testAMissingSignatureFails(): void
    {
        $headers = self::$vector['headers'];
        unset($headers['EntryRate-Signature']);
        $this->assertRefused(['headers' => $headers], 'EntryRate-Signature');
    }

    private function verify(array $change): array
    {
        $v = $change + self::$vector + ['now' => self::$sentAt, 'tolerance' => 300];
        return Webhook::verify($v['body'], $v['headers'], $v['secret'], $v['tolerance'], $v['now']);
    }

    private function assertRefused(array $change, string $naming): void
    {
        try {
            $this->verify($change);
            $this->fail('The delivery verified.');
        } catch (WebhookVerificationException $error) {
            $this->assertStringContainsString($naming, $error->getMessage());
        }
    }
}
