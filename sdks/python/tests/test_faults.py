"""Retries through the fault proxy in front of the API: 429, 503, a reset and a dropped answer."""

from __future__ import annotations

import time
import unittest

from entryrate import DEFAULT_API_VERSION, APIConnectionError, APIError, RateLimitError
from support import client, create_event, create_venue, fault_log, needs_stack, set_faults, unique


@needs_stack
class FaultsTest(unittest.TestCase):
    def test_a_429_is_retried_after_retry_after(self) -> None:
        er = client()
        set_faults("429")
        started = time.monotonic()
        page = er.events.list(limit=1)
        waited = time.monotonic() - started
        self.assertEqual(page.last_response.status, 200)  # type: ignore[union-attr]
        log = fault_log()
        self.assertEqual([(e["fault"], e["status"]) for e in log], [("429", None), (None, 200)])
        self.assertEqual(log[0]["path"], log[1]["path"])
        self.assertGreaterEqual(waited, 1.0, "Retry-After: 1 was not honoured")
        self.assertLess(waited, 5.0)

    def test_a_dropped_post_is_retried_with_the_same_key_and_replayed(self) -> None:
        er = client()
        venue = create_venue(er)
        title = unique("Dropped")
        set_faults("drop")
        evt = create_event(er, venue["id"], title=title)
        self.assertTrue(evt.last_response.idempotent_replayed)  # type: ignore[attr-defined]
        log = fault_log()
        self.assertEqual([(e["method"], e["fault"], e["status"]) for e in log],
                         [("POST", "drop", 201), ("POST", None, 201)])
        self.assertEqual(log[0]["idempotencyKey"], log[1]["idempotencyKey"])
        self.assertTrue(log[0]["idempotencyKey"])
        matching = er.events.list(q=title)
        self.assertEqual(matching.pagination["total"], 1)
        self.assertEqual(matching.data[0]["id"], evt["id"])

    def test_a_reset_is_retried(self) -> None:
        er = client()
        set_faults("reset")
        self.assertEqual(er.venues.list().last_response.status, 200)  # type: ignore[union-attr]
        self.assertEqual([(e["fault"], e["status"]) for e in fault_log()], [("reset", None), (None, 200)])

    def test_a_503_is_retried_after_retry_after(self) -> None:
        er = client()
        set_faults("503")
        started = time.monotonic()
        er.venues.list()
        self.assertGreaterEqual(time.monotonic() - started, 1.0)
        self.assertEqual([(e["fault"], e["status"]) for e in fault_log()], [("503", None), (None, 200)])

    def test_retries_stop_after_max_retries(self) -> None:
        set_faults("503", "503", "503")
        with self.assertRaises(APIError) as caught:
            client().venues.list()
        self.assertEqual(caught.exception.status, 503)
        self.assertEqual(len(fault_log()), 3)

    def test_with_max_retries_0_the_error_surfaces(self) -> None:
        er = client(max_retries=0)
        set_faults("reset")
        with self.assertRaises(APIConnectionError) as caught:
            er.venues.list()
        self.assertIsNone(caught.exception.status)
        self.assertEqual(len(fault_log()), 1)

        set_faults("503")
        with self.assertRaises(APIError) as failed:
            er.venues.list()
        self.assertEqual((failed.exception.status, failed.exception.code), (503, "service.unavailable"))
        self.assertEqual(failed.exception.request_id, "req_fault_proxy")
        self.assertEqual(len(fault_log()), 1)

        set_faults("429")
        with self.assertRaises(RateLimitError):
            client().venues.list(max_retries=0)
        self.assertEqual(len(fault_log()), 1)

    def test_every_request_names_the_api_version(self) -> None:
        er = client()
        set_faults("503", "reset")
        venue = create_venue(er)
        er.venues.retrieve(venue["id"])
        er.events.list(limit=1)
        log = fault_log()
        self.assertEqual(len(log), 5)
        self.assertEqual({e["apiVersion"] for e in log}, {DEFAULT_API_VERSION})
        self.assertEqual([bool(e["idempotencyKey"]) for e in log], [True, True, True, False, False])
        self.assertEqual(len({e["idempotencyKey"] for e in log[:3]}), 1)
