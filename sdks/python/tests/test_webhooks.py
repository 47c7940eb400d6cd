"""``entryrate.webhooks.verify`` on the delivery the server signs (sdks/harness/webhook-vector.json)."""

from __future__ import annotations

import json
import unittest
from typing import Dict
from unittest import mock

from entryrate import EntryRateError, WebhookVerificationError, webhooks
from support import WEBHOOK_VECTOR

with open(WEBHOOK_VECTOR, encoding="utf-8") as vector_file:
    VECTOR = json.load(vector_file)
SENT_AT = int(VECTOR["headers"]["webhook-timestamp"])
SEED_HEADERS = ("EntryRate-Signature", "EntryRate-Event-Id", "EntryRate-Timestamp")


class VerifyTest(unittest.TestCase):
    def verify(self, body: object = VECTOR["body"], headers: Dict[str, str] = VECTOR["headers"],
               secret: str = VECTOR["secret"], **kwargs: object) -> dict:
        kwargs.setdefault("now", SENT_AT + 10)
        return webhooks.verify(body, headers, secret, **kwargs)  # type: ignore[arg-type]

    def test_the_servers_delivery_verifies_and_answers_the_event(self) -> None:
        event = self.verify()
        self.assertEqual(event["id"], "we_5kq2mhx9")
        self.assertEqual(event["type"], "order.completed")
        self.assertEqual(event["data"]["amount"], 2400)

    def test_bytes_and_headers_in_any_case(self) -> None:
        headers = {name.upper(): value for name, value in VECTOR["headers"].items()}
        self.assertEqual(self.verify(VECTOR["body"].encode(), headers)["id"], "we_5kq2mhx9")

    def test_the_clock_is_read_when_now_is_not_given(self) -> None:
        with mock.patch("entryrate.webhooks.time.time", return_value=SENT_AT + 299):
            self.assertEqual(webhooks.verify(VECTOR["body"], VECTOR["headers"], VECTOR["secret"])["id"], "we_5kq2mhx9")

    def test_a_wrong_secret_fails(self) -> None:
        with self.assertRaises(WebhookVerificationError):
            self.verify(secret="whsec_abcdefghijklmnopqrstuvwxyz012345")

    def test_a_tampered_body_fails(self) -> None:
        with self.assertRaises(WebhookVerificationError):
            self.verify(body=VECTOR["body"].replace("2400", "2"))

    def test_a_stale_timestamp_fails(self) -> None:
        with self.assertRaises(WebhookVerificationError):
            self.verify(now=SENT_AT + 301)
        with self.assertRaises(WebhookVerificationError):
            self.verify(now=SENT_AT - 301)
        self.assertEqual(self.verify(now=SENT_AT + 3600, tolerance=3601)["id"], "we_5kq2mhx9")

    def test_a_wrong_standard_signature_fails_even_with_a_good_hex_one(self) -> None:
        headers = {**VECTOR["headers"], "webhook-signature": "v1,AAAA"}
        with self.assertRaises(WebhookVerificationError):
            self.verify(headers=headers)

    def test_any_of_several_standard_signatures_may_match(self) -> None:
        headers = {**VECTOR["headers"], "webhook-signature": f"v1,AAAA {VECTOR['headers']['webhook-signature']}"}
        self.assertEqual(self.verify(headers=headers)["id"], "we_5kq2mhx9")

    def test_seed_only_headers_verify_with_the_hex_signature(self) -> None:
        headers = {name: VECTOR["headers"][name] for name in SEED_HEADERS}
        self.assertEqual(self.verify(headers=headers, now=SENT_AT + 86_400)["id"], "we_5kq2mhx9")
        with self.assertRaises(WebhookVerificationError):
            self.verify(body=VECTOR["body"] + " ", headers=headers)

    def test_no_signature_fails(self) -> None:
        with self.assertRaises(WebhookVerificationError) as caught:
            self.verify(headers={})
        self.assertIsInstance(caught.exception, EntryRateError)


if __name__ == "__main__":
    unittest.main()
