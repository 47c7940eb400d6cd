"""Backoff bounds, Retry-After parsing, and what is retried."""

from __future__ import annotations

import email.utils
import unittest

from entryrate import APIConnectionError, APIError, ConflictError, InvalidRequestError, RateLimitError
from entryrate._retry import backoff_delay, is_retryable, parse_retry_after


class BackoffTest(unittest.TestCase):
    def test_doubles_from_half_a_second_to_eight(self) -> None:
        ceilings = [backoff_delay(attempt, rand=lambda: 1.0) for attempt in range(7)]
        self.assertEqual(ceilings, [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0])

    def test_jitter_is_between_half_and_all_of_it(self) -> None:
        for attempt in range(8):
            ceiling = min(0.5 * 2**attempt, 8.0)
            self.assertEqual(backoff_delay(attempt, rand=lambda: 0.0), ceiling / 2)
            for _ in range(50):
                self.assertTrue(ceiling / 2 <= backoff_delay(attempt) <= ceiling)


class RetryAfterTest(unittest.TestCase):
    def test_seconds(self) -> None:
        self.assertEqual(parse_retry_after("1"), 1.0)
        self.assertEqual(parse_retry_after(" 2.5 "), 2.5)
        self.assertEqual(parse_retry_after("0"), 0.0)

    def test_capped_at_a_minute_and_never_negative(self) -> None:
        self.assertEqual(parse_retry_after("3600"), 60.0)
        self.assertEqual(parse_retry_after("-4"), 0.0)

    def test_an_http_date(self) -> None:
        now = 1_777_748_651.0
        self.assertEqual(parse_retry_after(email.utils.formatdate(now + 7, usegmt=True), now=now), 7.0)
        self.assertEqual(parse_retry_after(email.utils.formatdate(now - 7, usegmt=True), now=now), 0.0)

    def test_unreadable_or_absent_is_none(self) -> None:
        for value in (None, "", "soon", "nan", "Mon, 99 Foo"):
            self.assertIsNone(parse_retry_after(value), value)


class RetryableTest(unittest.TestCase):
    def test_what_is_retried(self) -> None:
        self.assertTrue(is_retryable(APIConnectionError("no answer")))
        self.assertTrue(is_retryable(RateLimitError("slow down", status=429)))
        self.assertTrue(is_retryable(APIError("down", status=503)))
        self.assertTrue(is_retryable(APIError("oops", status=500)))
        self.assertTrue(is_retryable(ConflictError("busy", status=409, code="idempotency.in_progress")))

    def test_what_is_not(self) -> None:
        self.assertFalse(is_retryable(ConflictError("taken", status=409, code="event.slug_taken")))
        self.assertFalse(is_retryable(InvalidRequestError("bad", status=400, code="request.invalid")))
        self.assertFalse(is_retryable(APIError("gone", status=410, code="checkout.session_expired")))


if __name__ == "__main__":
    unittest.main()
