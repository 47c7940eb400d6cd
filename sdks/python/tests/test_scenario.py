"""The scenario every SDK plays against the real stack: events, pages, a purchase and its refunds, errors."""

from __future__ import annotations

import csv
import io
import time
import unittest
import uuid

from entryrate import (
    AuthenticationError,
    ConflictError,
    EntryRate,
    IdempotencyError,
    InvalidRequestError,
    NotFoundError,
)
from entryrate.types import Venue
from support import client, confirm_payment_intent, create_event, create_venue, fault_log, needs_stack, set_faults, unique


@needs_stack
class EventsTest(unittest.TestCase):
    er: EntryRate
    venue: Venue

    @classmethod
    def setUpClass(cls) -> None:
        cls.er = client()
        cls.venue = create_venue(cls.er)

    def test_create_publish_list_and_retrieve(self) -> None:
        draft = create_event(self.er, self.venue["id"])
        self.assertEqual(draft["status"], "draft")
        self.assertEqual(draft.last_response.status, 201)  # type: ignore[attr-defined]
        self.assertEqual(draft["venueId"], self.venue["id"])
        self.assertEqual(draft["lowestPrice"], 1200)
        self.assertEqual([t["slug"] for t in draft["tiers"]], ["early-bird", "standard"])

        live = self.er.events.publish(draft["id"])
        self.assertEqual(live["status"], "live")
        self.assertIsNotNone(live["publishedAt"])

        found = [e["id"] for e in self.er.events.list(status="live", limit=100).auto_paging_iter()]
        self.assertIn(draft["id"], found)
        self.assertNotIn(draft["id"], [e["id"] for e in self.er.events.list(status="draft", limit=100).data])

        by_slug = self.er.events.retrieve(draft["slug"])
        self.assertEqual(by_slug["id"], draft["id"])
        self.assertEqual(by_slug.last_response.status, 200)  # type: ignore[attr-defined]

    def test_update_and_cancel(self) -> None:
        evt = create_event(self.er, self.venue["id"])
        tier = evt["tiers"][0]
        changed = self.er.events.update(evt["id"], title="Renamed", tiers=[{"id": tier["id"], "max_per_order": 4}])
        self.assertEqual(changed["title"], "Renamed")
        self.assertEqual(changed["tiers"][0]["maxPerOrder"], 4)
        self.assertEqual(self.er.events.cancel(evt["id"])["status"], "cancelled")

    def test_page_through_120_events(self) -> None:
        token = uuid.uuid4().hex[:12]
        created = {create_event(self.er, self.venue["id"], title=f"Paging {token} #{n}")["id"] for n in range(120)}
        first = self.er.events.list(q=token, limit=50)
        self.assertEqual(first.pagination, {"page": 1, "limit": 50, "total": 120, "pages": 3})
        self.assertEqual(len(first.data), 50)

        set_faults()
        walked = [e["id"] for e in first.auto_paging_iter()]
        self.assertEqual(len(walked), 120)
        self.assertEqual(set(walked), created)
        pages = [entry["path"] for entry in fault_log()]
        self.assertEqual(len(pages), 2)
        for n, path in zip((2, 3), pages):
            self.assertIn(f"q={token}", path)
            self.assertIn("limit=50", path)
            self.assertIn(f"page={n}", path)


@needs_stack
class PurchaseTest(unittest.TestCase):
    def test_buy_by_script_and_refund_in_two_parts(self) -> None:
        er = client()
        evt = er.events.publish(create_event(er, create_venue(er)["id"])["id"])
        tier = evt["tiers"][0]
        session = er.checkout.sessions.create(
            event_id=evt["id"], items=[{"tier": tier["slug"], "quantity": 2}], customer_email="buyer@example.com"
        )
        self.assertEqual(session["status"], "open")
        self.assertEqual(session["amountTotal"], 2 * tier["price"])

        payment = er.checkout.sessions.pay(session["id"], client_secret=session["clientSecret"])
        intent_id = payment["paymentIntentId"]
        self.assertEqual(payment["status"], "open")
        assert intent_id is not None and intent_id.startswith("pi_"), payment
        self.assertEqual(confirm_payment_intent(intent_id)["status"], "succeeded")

        deadline = time.monotonic() + 20
        while True:
            done = er.checkout.sessions.retrieve(session["id"])
            if done["status"] == "complete" or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(done["status"], "complete")
        self.assertEqual(done["paymentStatus"], "paid")
        assert done["orderId"] is not None

        order = er.orders.retrieve(done["orderId"])
        self.assertEqual(order["status"], "paid")
        self.assertEqual(order["amount"], 2 * tier["price"])
        self.assertEqual(len(order["tickets"]), 2)
        self.assertIn(order["id"], [o["id"] for o in er.orders.list(event_id=evt["id"]).data])

        ticket = er.tickets.retrieve(order["tickets"][0]["id"])
        self.assertEqual(ticket["orderId"], order["id"])
        scan = er.scans.create(payload=ticket["qrPayload"], event_id=evt["id"])
        self.assertTrue(scan["valid"])
        again = er.scans.create(payload=ticket["qrPayload"], event_id=evt["id"])
        self.assertEqual((again["valid"], again.get("reason")), (False, "already_scanned"))

        resent = er.orders.resend(order["id"])
        self.assertEqual((resent.last_response.status, resent["emailStatus"]), (202, "pending"))  # type: ignore[attr-defined]

        part = er.orders.refund(order["id"], amount=1000)
        self.assertEqual((part["status"], part["amountRefunded"]), ("partially_refunded", 1000))
        self.assertEqual([r["amount"] for r in part["refunds"]], [1000])
        self.assertEqual(
            part["payment"],
            {"paymentIntentId": intent_id, "amount": order["amount"], "currency": order["currency"], "status": "partially_refunded"},
        )
        text = er.orders.export_csv(event_id=evt["id"])
        self.assertTrue(text.endswith("\r\n"), text)
        header, row = csv.reader(io.StringIO(text, newline=""))
        self.assertEqual(header[:2], ["order_id", "created_at"])
        self.assertEqual((row[0], row[5], row[6]), (order["id"], "partially_refunded", "2"))
        self.assertEqual(row[8:], ["10.00", order["currency"].upper()])
        stats = er.events.stats(evt["id"])
        self.assertEqual(
            [(t["tierId"], t["sold"], t["revenue"]) for t in stats["tiers"] if t["sold"]],
            [(tier["id"], 2, 2 * tier["price"] - 1000)],
        )
        self.assertEqual((stats["totals"]["refunded"], stats["scans"]["scanned"]), (1000, 1))
        rest = er.orders.refund(order["id"])
        self.assertEqual((rest["status"], rest["amountRefunded"]), ("refunded", order["amount"]))
        with self.assertRaises(ConflictError) as caught:
            er.orders.refund(order["id"])
        self.assertEqual(caught.exception.code, "order.already_refunded")

    def test_a_session_is_changed_then_cancelled(self) -> None:
        er = client()
        evt = er.events.publish(create_event(er, create_venue(er)["id"])["id"])
        slug = evt["tiers"][1]["slug"]
        session = er.checkout.sessions.create(
            event_id=evt["id"], items=[{"tier": slug, "quantity": 1}], customer_email="buyer@example.com"
        )
        public = EntryRate()  # the buyer's side: no key, only the client secret
        changed = public.checkout.sessions.update(
            session["id"], items=[{"tier": slug, "quantity": 3}], client_secret=session["clientSecret"]
        )
        self.assertEqual(changed["amountTotal"], 3 * evt["tiers"][1]["price"])
        seen = public.checkout.sessions.retrieve(session["id"], client_secret=session["clientSecret"])
        self.assertEqual(seen["id"], session["id"])
        cancelled = public.checkout.sessions.cancel(session["id"], client_secret=session["clientSecret"])
        self.assertEqual(cancelled["status"], "cancelled")
        with self.assertRaises(ConflictError):
            er.checkout.sessions.settle(session["id"])


@needs_stack
class AccountTest(unittest.TestCase):
    def test_venues(self) -> None:
        er = client()
        venue = create_venue(er)
        self.assertEqual(er.venues.retrieve(venue["id"]), venue)
        self.assertIn(venue["id"], [v["id"] for v in er.venues.list(limit=100).auto_paging_iter()])

    def test_webhook_endpoints(self) -> None:
        er = client()
        endpoint = er.webhook_endpoints.create(url="http://127.0.0.1:9/hooks", events=["order.completed"])
        self.assertTrue(endpoint["secret"].startswith("whsec_"))
        listed = er.webhook_endpoints.list(limit=100).data
        self.assertIn(endpoint["id"], [e["id"] for e in listed])
        self.assertNotIn("secret", listed[0])
        deliveries = er.webhook_endpoints.list_deliveries(endpoint["id"])
        self.assertEqual(deliveries.pagination["total"], 0)
        self.assertEqual(er.webhook_endpoints.delete(endpoint["id"]), {"id": endpoint["id"], "deleted": True})
        with self.assertRaises(NotFoundError):
            er.webhook_endpoints.list_deliveries("wh_nosuchendpoint")

    def test_webhook_endpoint_actions(self) -> None:
        er = client()
        endpoint = er.webhook_endpoints.create(url="http://127.0.0.1:9/hooks", events=["*"])
        updated = er.webhook_endpoints.update(endpoint["id"], events=["order.completed"])
        self.assertEqual(updated["events"], ["order.completed"])
        ping = er.webhook_endpoints.test(endpoint["id"])
        self.assertEqual(ping["type"], "ping")
        self.assertIsInstance(ping["attemptLog"], list)
        rotated = er.webhook_endpoints.rotate_secret(endpoint["id"])
        self.assertTrue(rotated["secret"].startswith("whsec_"))
        self.assertNotEqual(rotated["secret"], endpoint["secret"])
        self.assertEqual(er.webhook_endpoints.enable(endpoint["id"])["status"], "enabled")
        with self.assertRaises(NotFoundError):
            er.webhook_endpoints.resend_delivery(endpoint["id"], "we_nosuchdelivery")
        er.webhook_endpoints.delete(endpoint["id"])

    def test_account(self) -> None:
        account = client().account.retrieve()
        self.assertTrue(account["promoterId"].startswith("pr_"))
        self.assertEqual(account["mode"], "test")
        # The suite's promoter is new: no Stripe account is connected to it yet.
        self.assertIsNone(account["stripeAccount"])

    def test_api_keys(self) -> None:
        er = client()
        made = er.api_keys.create(name="sdk-python")
        self.assertTrue(made["secret"].startswith("er_test_"))
        self.assertIn(made["id"], [k["id"] for k in er.api_keys.list(limit=100).data])
        self.assertEqual(EntryRate(made["secret"]).venues.list().last_response.status, 200)  # type: ignore[union-attr]
        self.assertIsNotNone(er.api_keys.revoke(made["id"])["revokedAt"])
        with self.assertRaises(AuthenticationError):
            EntryRate(made["secret"]).venues.list()

    def test_ticket_links_need_no_key(self) -> None:
        answer = EntryRate().ticket_links.create(email="nobody@example.com")
        self.assertEqual(answer.last_response.status, 202)  # type: ignore[attr-defined]
        self.assertTrue(answer["message"])


@needs_stack
class IdempotencyTest(unittest.TestCase):
    def test_the_same_key_replays_and_another_body_is_refused(self) -> None:
        er = client()
        key = str(uuid.uuid4())
        name = unique("Replayed")
        first = er.venues.create(name=name, city="Leeds", timezone="Europe/London", idempotency_key=key)
        again = er.venues.create(name=name, city="Leeds", timezone="Europe/London", idempotency_key=key)
        self.assertEqual(again["id"], first["id"])
        self.assertEqual(again, first)
        self.assertFalse(first.last_response.idempotent_replayed)  # type: ignore[attr-defined]
        self.assertTrue(again.last_response.idempotent_replayed)  # type: ignore[attr-defined]

        with self.assertRaises(IdempotencyError) as caught:
            er.venues.create(name=f"{name} (other)", city="Leeds", timezone="Europe/London", idempotency_key=key)
        self.assertEqual(caught.exception.status, 422)
        self.assertEqual(caught.exception.code, "idempotency.key_reused")
        self.assertIsInstance(caught.exception, InvalidRequestError)


@needs_stack
class ErrorsTest(unittest.TestCase):
    def test_a_typed_404(self) -> None:
        with self.assertRaises(NotFoundError) as caught:
            client().events.retrieve("evt_doesnotexist")
        error = caught.exception
        self.assertEqual((error.status, error.code), (404, "event.not_found"))
        self.assertTrue(error.request_id and error.request_id.startswith("req_"), error.request_id)
        self.assertTrue(error.docs and error.docs.endswith("#event.not_found"), error.docs)
        self.assertEqual(error.body["error"]["requestId"], error.request_id)

    def test_a_400_names_the_param(self) -> None:
        er = client()
        venue = create_venue(er)
        with self.assertRaises(InvalidRequestError) as caught:
            er.events.create(title="Bad doors", venue_id=venue["id"], doors="next friday",
                             tiers=[{"name": "GA", "price": 1000, "stock": 10}])
        self.assertEqual((caught.exception.status, caught.exception.code), (400, "request.invalid"))
        self.assertEqual(caught.exception.param, "doors")
        with self.assertRaises(InvalidRequestError) as caught:
            er.checkout.sessions.create(event_id="evt_x", items=[{"tier": "ga", "quantity": 0}],
                                        customer_email="buyer@example.com")
        self.assertEqual(caught.exception.param, "items[0].quantity")

    def test_an_unknown_key_and_an_unknown_version(self) -> None:
        with self.assertRaises(AuthenticationError) as caught:
            EntryRate("er_test_nosuchkey").events.list()
        self.assertEqual((caught.exception.status, caught.exception.code), (401, "auth.invalid_key"))
        with self.assertRaises(InvalidRequestError) as caught:
            client(api_version="1999-01-01").events.list()
        self.assertEqual(caught.exception.code, "request.unsupported_version")

    def test_payouts_need_a_connected_account(self) -> None:
        with self.assertRaises(ConflictError) as caught:
            client().payouts.list()
        self.assertEqual(caught.exception.code, "payouts.account_not_connected")
