<?php

declare(strict_types=1);

namespace EntryRate;

use EntryRate\Exception\WebhookVerificationException;

/** Checks that a webhook delivery came from EntryRate, unchanged, before its body is trusted. */
final class Webhook
{
    private const SECRET_PREFIX = 'whsec_';

    /**
     * Verifies a delivery and answers its event.
     *
     * Checks `EntryRate-Signature` (hex HMAC-SHA256 of the raw body, keyed with the whole secret)
     * and, when `webhook-signature` is present, the Standard Webhooks signature over
     * `{webhook-id}.{webhook-timestamp}.{body}` and that the timestamp is within `$tolerance`
     * seconds of now.
     *
     * @param string $rawBody the body exactly as received (`file_get_contents('php://input')`)
     * @param array<string, string|list<string>> $headers any case of names; `$_SERVER` works too
     * @param int|null $now the current Unix time, for tests
     * @return array<string, mixed> the event: `id`, `type`, `createdAt`, `data`
     * @throws WebhookVerificationException
     */
    public static function verify(string $rawBody, array $headers, string $secret, int $tolerance = 300, ?int $now = null): array
    {
        $headers = self::normalise($headers);

        $signature = $headers['entryrate-signature'] ?? null;
        if ($signature === null) {
            throw new WebhookVerificationException('The delivery has no EntryRate-Signature header.');
        }
        if (!hash_equals(hash_hmac('sha256', $rawBody, $secret), strtolower(trim($signature)))) {
            throw new WebhookVerificationException('EntryRate-Signature does not match the body: wrong secret, or the body was changed.');
        }
        if (isset($headers['webhook-signature'])) {
            self::verifyStandard($rawBody, $headers, $secret, $tolerance, $now ?? time());
        }

        try {
            $event = json_decode($rawBody, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $error) {
            throw new WebhookVerificationException('The delivery body is not JSON.', null, null, null, null, null, null, $error);
        }
        if (!is_array($event)) {
            throw new WebhookVerificationException('The delivery body is not a JSON object.');
        }
        return $event;
    }

    /** @param array<string, string> $headers */
    private static function verifyStandard(string $rawBody, array $headers, string $secret, int $tolerance, int $now): void
    {
        $id = $headers['webhook-id'] ?? null;
        $timestamp = $headers['webhook-timestamp'] ?? null;
        if ($id === null || $timestamp === null || !ctype_digit($timestamp)) {
            throw new WebhookVerificationException('The delivery has webhook-signature without a webhook-id and a numeric webhook-timestamp.');
        }
        if (abs($now - (int) $timestamp) > $tolerance) {
            throw new WebhookVerificationException("webhook-timestamp is more than {$tolerance} s from now: a stale or replayed delivery.");
        }
        $encodedKey = str_starts_with($secret, self::SECRET_PREFIX) ? substr($secret, strlen(self::SECRET_PREFIX)) : $secret;
        $key = base64_decode($encodedKey, true);
        if ($key === false) {
            throw new WebhookVerificationException('The secret is not a whsec_ secret: its key is not base64.');
        }
        $expected = 'v1,' . base64_encode(hash_hmac('sha256', "{$id}.{$timestamp}.{$rawBody}", $key, true));
        foreach (preg_split('/\s+/', trim($headers['webhook-signature'])) ?: [] as $candidate) {
            if (hash_equals($expected, $candidate)) {
                return;
            }
        }
        throw new WebhookVerificationException('webhook-signature does not match: wrong secret, or the delivery was changed.');
    }

    /**
     * Lowercase names with dashes (`HTTP_WEBHOOK_ID` from `$_SERVER` is `webhook-id`), one value each.
     *
     * @param array<string, string|list<string>> $headers
     * @return array<string, string>
     */
    private static function normalise(array $headers): array
    {
        $normal = [];
        foreach ($headers as $name => $value) {
            $name = strtolower((string) $name);
            if (str_starts_with($name, 'http_')) {
                $name = str_replace('_', '-', substr($name, 5));
            }
            if (is_array($value)) {
                $value = reset($value);
            }
            if (is_string($value)) {
                $normal[$name] = $value;
            }
        }
        return $normal;
    }
}
