"""The request function against a scripted loopback server: headers, retries, timeouts, answers, pages."""

from __future__ import annotations

import os
import time
import unittest
import uuid
from typing import List
from unittest import mock

from entryrate import (
    DEFAULT_API_VERSION,
    APIConnectionError,
    APIError,
    ConflictError,
    EntryRate,
    InvalidRequestError,
    __version__,
)
from stub_server import Answer, StubServer

ERROR_503 = Answer(503, {"error": {"code": "service.unavailable", "message": "Down."}}, {"Retry-After": "0"})


def page_of(page: int, pages: int, ids: List[str]) -> Answer:
    pagination = {"page": page, "limit": len(ids), "total": pages * len(ids), "pages": pages}
    return Answer(body={"data": [{"id": i} for i in ids], "pagination": pagination})


class ClientTest(unittest.TestCase):
    stub: StubServer

    @classmethod
    def setUpClass(cls) -> None:
        cls.stub = StubServer()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.stub.close()

    def client(self, **options: object) -> EntryRate:
        return EntryRate("er_test_stub", base_url=self.stub.url, **options)  # type: ignore[arg-type]

    def test_a_get_sends_the_headers_and_a_camel_case_query(self) -> None:
        self.stub.script(page_of(1, 1, ["evt_1"]))
        self.client().events.list(status="live", city_id="bristol", limit=5)
        seen = self.stub.seen[0]
        self.assertEqual((seen.method, seen.path), ("GET", "/v1/events"))
        self.assertEqual(seen.query, {"status": ["live"], "cityId": ["bristol"], "limit": ["5"]})
        self.assertEqual(seen.headers["authorization"], "Bearer er_test_stub")
        self.assertEqual(seen.headers["entryrate-version"], DEFAULT_API_VERSION)
        self.assertEqual(seen.headers["accept"], "application/json")
        self.assertEqual(seen.headers["user-agent"], f"entryrate-python/{__version__}")
        self.assertNotIn("idempotency-key", seen.headers)
        self.assertNotIn("content-type", seen.headers)

    def test_a_post_sends_json_and_a_uuid4_idempotency_key(self) -> None:
        self.stub.script(Answer(201, {"id": "evt_1"}))
        tiers = [{"name": "Early bird", "price": 1200, "stock": 10, "max_per_order": 4}]
        self.client().events.create(title="T", venue_id="vn_1", doors="2026-05-02T19:00:00Z", tiers=tiers)
        seen = self.stub.seen[0]
        self.assertEqual(seen.headers["content-type"], "application/json")
        self.assertEqual(uuid.UUID(seen.headers["idempotency-key"]).version, 4)
        self.assertEqual(
            seen.body,
            {"title": "T", "venueId": "vn_1", "doors": "2026-05-02T19:00:00Z",
             "tiers": [{"name": "Early bird", "price": 1200, "stock": 10, "maxPerOrder": 4}]},
        )

    def test_per_call_options_are_not_sent_as_fields(self) -> None:
        self.stub.script(Answer(200, {"id": "ord_1"}))
        self.client(api_version="2025-01-01").orders.refund("ord_1", amount=500, idempotency_key="k-1",
                                                            api_version="2026-04-25", timeout=5, max_retries=0)
        seen = self.stub.seen[0]
        self.assertEqual(seen.path, "/v1/orders/ord_1/refund")
        self.assertEqual(seen.body, {"amount": 500})
        self.assertEqual(seen.headers["idempotency-key"], "k-1")
        self.assertEqual(seen.headers["entryrate-version"], "2026-04-25")

    def test_the_client_api_version_and_no_key(self) -> None:
        self.stub.script(Answer(202, {"message": "On its way."}))
        er = EntryRate(base_url=self.stub.url, api_version="2025-01-01")
        er.ticket_links.create(email="buyer@example.com")
        seen = self.stub.seen[0]
        self.assertEqual(seen.headers["entryrate-version"], "2025-01-01")
        self.assertNotIn("authorization", seen.headers)

    def test_the_promoter_option_per_client_and_per_call(self) -> None:
        self.stub.script(Answer(200, {"id": "evt_1"}), Answer(200, {"id": "evt_1"}), Answer(201, {"id": "pr_1"}))
        agency = self.client(promoter="pr_managed")
        agency.events.retrieve("evt_1")
        agency.events.retrieve("evt_1", promoter="pr_other")
        self.client().promoters.create(name="Managed")
        first, second, plain = self.stub.seen[-3:]
        self.assertEqual(first.headers["entryrate-promoter"], "pr_managed")
        self.assertEqual(second.headers["entryrate-promoter"], "pr_other")
        self.assertEqual((plain.method, plain.path, plain.body), ("POST", "/v1/promoters", {"name": "Managed"}))
        self.assertNotIn("entryrate-promoter", plain.headers)

    def test_path_parameters_are_one_segment(self) -> None:
        self.stub.script(Answer(200, {"id": "evt_1"}))
        self.client().events.retrieve("a/b c")
        self.assertEqual(self.stub.seen[0].path, "/v1/events/a%2Fb%20c")

    def test_an_answer_is_a_dict_with_its_last_response(self) -> None:
        self.stub.script(Answer(201, {"id": "vn_1", "cityId": "bristol"}, {"Idempotent-Replayed": "true"}))
        venue = self.client().venues.create(name="V", city="Bristol", timezone="Europe/London")
        self.assertIsInstance(venue, dict)
        self.assertEqual(venue, {"id": "vn_1", "cityId": "bristol"})
        self.assertEqual(venue.last_response.status, 201)  # type: ignore[attr-defined]
        self.assertEqual(venue.last_response.request_id, "req_stub0001")  # type: ignore[attr-defined]
        self.assertTrue(venue.last_response.idempotent_replayed)  # type: ignore[attr-defined]

    def test_retries_keep_the_idempotency_key(self) -> None:
        self.stub.script(ERROR_503, ERROR_503, Answer(201, {"id": "evt_1"}))
        evt = self.client().events.publish("evt_1", network=False)
        self.assertEqual(evt["id"], "evt_1")
        keys = {seen.headers["idempotency-key"] for seen in self.stub.seen}
        self.assertEqual(len(self.stub.seen), 3)
        self.assertEqual(len(keys), 1)

    def test_gives_up_after_max_retries(self) -> None:
        self.stub.script(ERROR_503, ERROR_503, ERROR_503, ERROR_503)
        with self.assertRaises(APIError) as caught:
            self.client(max_retries=2).events.list()
        self.assertEqual(caught.exception.status, 503)
        self.assertEqual(caught.exception.code, "service.unavailable")
        self.assertEqual(len(self.stub.seen), 3)

    def test_max_retries_zero_per_call(self) -> None:
        self.stub.script(ERROR_503, Answer(body={}))
        with self.assertRaises(APIError):
            self.client().events.list(max_retries=0)
        self.assertEqual(len(self.stub.seen), 1)

    def test_an_idempotency_key_in_progress_is_retried(self) -> None:
        busy = Answer(409, {"error": {"code": "idempotency.in_progress", "message": "Busy."}}, {"Retry-After": "0"})
        self.stub.script(busy, Answer(200, {"id": "evt_1"}))
        self.client().events.cancel("evt_1")
        self.assertEqual(len(self.stub.seen), 2)

    def test_other_client_errors_are_not_retried(self) -> None:
        taken = Answer(409, {"error": {"code": "event.slug_taken", "message": "Taken."}})
        invalid = Answer(400, {"error": {"code": "request.invalid", "message": "limit: bad", "param": "limit"}})
        self.stub.script(taken, invalid)
        with self.assertRaises(ConflictError):
            self.client().events.update("evt_1", slug="taken")
        with self.assertRaises(InvalidRequestError) as caught:
            self.client().events.list(limit=500)
        self.assertEqual(caught.exception.param, "limit")
        self.assertEqual(len(self.stub.seen), 2)

    def test_waits_with_backoff_or_as_retry_after_says(self) -> None:
        bare_503 = Answer(503, {"error": {"code": "internal", "message": "Down."}})
        self.stub.script(bare_503, bare_503, Answer(429, {}, {"Retry-After": "3"}), page_of(1, 1, []))
        with mock.patch("entryrate._client.time.sleep") as sleep:
            self.client(max_retries=3).events.list()
        waits = [call.args[0] for call in sleep.call_args_list]
        self.assertEqual(len(waits), 3)
        self.assertTrue(0.25 <= waits[0] <= 0.5, waits)
        self.assertTrue(0.5 <= waits[1] <= 1.0, waits)
        self.assertEqual(waits[2], 3.0)

    def test_a_slow_answer_times_out(self) -> None:
        self.stub.script(Answer(body={}, delay=1.0))
        started = time.monotonic()
        with self.assertRaises(APIConnectionError) as caught:
            self.client(timeout=0.2, max_retries=0).events.list()
        self.assertLess(time.monotonic() - started, 0.9)
        self.assertIsNone(caught.exception.status)
        self.assertIn("timed out", caught.exception.message)

    def test_pages_are_walked_with_the_same_filters(self) -> None:
        self.stub.script(page_of(1, 3, ["a", "b"]), page_of(2, 3, ["c", "d"]), page_of(3, 3, ["e"]))
        page = self.client().events.list(status="live", limit=2)
        self.assertEqual([e["id"] for e in page.data], ["a", "b"])
        self.assertEqual(page.pagination["pages"], 3)
        self.assertEqual(page.last_response.status, 200)  # type: ignore[union-attr]
        self.assertEqual([e["id"] for e in page.auto_paging_iter()], ["a", "b", "c", "d", "e"])
        queries = [seen.query for seen in self.stub.seen]
        self.assertEqual(queries[0], {"status": ["live"], "limit": ["2"]})
        self.assertEqual(queries[1:], [{"status": ["live"], "limit": ["2"], "page": [str(n)]} for n in (2, 3)])

    def test_base_url_from_the_environment_else_production(self) -> None:
        with mock.patch.dict(os.environ, {"ENTRYRATE_API_URL": "http://127.0.0.1:1/"}):
            self.assertEqual(EntryRate("k").base_url, "http://127.0.0.1:1")
        with mock.patch.dict(os.environ, {}, clear=True):
            self.assertEqual(EntryRate("k").base_url, "https://api.entryrate.co.uk")
        self.assertEqual(EntryRate("k", base_url="http://x.test").base_url, "http://x.test")

    def test_the_orders_export_answers_its_csv_text_with_the_filters_in_the_query(self) -> None:
        csv = "order_id,status\r\nord_1,paid\r\n"
        self.stub.script(Answer(body=csv.encode(), headers={"Content-Type": "text/csv; charset=utf-8"}))
        text = self.client().orders.export_csv(event_id="evt_1", status="paid", q="sam@")
        self.assertEqual(text, csv)
        seen = self.stub.seen[0]
        self.assertEqual((seen.method, seen.path), ("GET", "/v1/orders/export"))
        self.assertEqual(seen.query, {"eventId": ["evt_1"], "status": ["paid"], "q": ["sam@"]})
        self.assertEqual(seen.headers["accept"], "text/csv")

    def test_the_orders_export_still_raises_the_error_a_json_answer_carries(self) -> None:
        self.stub.script(Answer(400, {"error": {"code": "request.invalid", "message": "Bad.", "param": "status"}}))
        with self.assertRaises(InvalidRequestError) as caught:
            self.client().orders.export_csv(status="nope")
        self.assertEqual(caught.exception.param, "status")

    def test_every_resource_and_method_is_there(self) -> None:
        er = self.client()
        methods = {
            "events": ["list", "retrieve", "create", "update", "publish", "cancel"],
            "venues": ["list", "retrieve", "create"],
            "orders": ["list", "retrieve", "refund", "resend", "export_csv"],
            "tickets": ["retrieve"],
            "scans": ["create"],
            "payouts": ["list"],
            "webhook_endpoints": ["list", "create", "delete", "list_deliveries"],
            "api_keys": ["list", "create", "revoke"],
            "ticket_links": ["create"],
        }
        for resource, names in methods.items():
            for name in names:
                self.assertTrue(callable(getattr(getattr(er, resource), name)), f"{resource}.{name}")
        for name in ["create", "retrieve", "update", "pay", "cancel", "settle"]:
            self.assertTrue(callable(getattr(er.checkout.sessions, name)), name)


if __name__ == "__main__":
    unittest.main()
