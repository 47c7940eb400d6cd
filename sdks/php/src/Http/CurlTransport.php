<?php

declare(strict_types=1);

namespace EntryRate\Http;

use EntryRate\Exception\ApiConnectionException;

/**
 * The default transport. Each request gets a fresh connection: on a reused one, libcurl silently
 * sends a request again when the connection died before any answer, which would be a retry that
 * `maxRetries` does not count.
 */
final class CurlTransport implements Transport
{
    public function send(string $method, string $url, array $headers, ?string $body, int $timeoutMs): Response
    {
        $handle = curl_init();
        $received = [];
        $lines = [];
        foreach ($headers as $name => $value) {
            $lines[] = "{$name}: {$value}";
        }
        // Without this, curl waits for a `100 Continue` before sending bodies over 1 KiB.
        $lines[] = 'Expect:';
        $options = [
            CURLOPT_URL => $url,
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_ENCODING => '',
            CURLOPT_TIMEOUT_MS => $timeoutMs,
            CURLOPT_CONNECTTIMEOUT_MS => $timeoutMs,
            CURLOPT_NOSIGNAL => true,
            CURLOPT_FRESH_CONNECT => true,
            CURLOPT_FORBID_REUSE => true,
            CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$received): int {
                if (preg_match('#^HTTP/\S+\s#', $line)) {
                    $received = [];
                } elseif (str_contains($line, ':')) {
                    [$name, $value] = explode(':', $line, 2);
                    $received[strtolower(trim($name))] = trim($value);
                }
                return strlen($line);
            },
        ];
        if ($body !== null) {
            $options[CURLOPT_POSTFIELDS] = $body;
        }
        curl_setopt_array($handle, $options);
        $answer = curl_exec($handle);
        $errno = curl_errno($handle);
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        $error = curl_error($handle);
        curl_close($handle);

        if ($errno !== 0 || !is_string($answer)) {
            $why = $errno === CURLE_OPERATION_TIMEDOUT ? "timed out after {$timeoutMs} ms" : $error;
            // Not the query: it may hold a checkout's client secret.
            $where = strtok($url, '?');
            throw new ApiConnectionException("Could not reach the EntryRate API ({$method} {$where}): {$why}.");
        }
        return new Response($status, $received, $answer);
    }
}
