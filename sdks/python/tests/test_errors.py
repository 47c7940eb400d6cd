"""From an API answer's status and body to the typed error."""

from __future__ import annotations

import unittest

import entryrate
from entryrate import error


def body(code: str, message: str = "Nope.", **extra: str) -> dict:
    return {"error": {"code": code, "message": message, "docs": f"https://entryrate.co.uk/docs#{code}",
                      "requestId": "req_abc123", **extra}}


class ErrorFromResponseTest(unittest.TestCase):
    def test_each_status_has_its_class(self) -> None:
        expected = {
            400: error.InvalidRequestError,
            401: error.AuthenticationError,
            403: error.PermissionError,
            404: error.NotFoundError,
            409: error.ConflictError,
            410: error.APIError,
            422: error.InvalidRequestError,
            429: error.RateLimitError,
            500: error.APIError,
            502: error.APIError,
            503: error.APIError,
        }
        for status, cls in expected.items():
            raised = error.error_from_response(status, body("x.y"))
            self.assertIs(type(raised), cls, status)
            self.assertIsInstance(raised, error.EntryRateError)
            self.assertEqual(raised.status, status)

    def test_fields_come_from_the_body(self) -> None:
        raised = error.error_from_response(400, body("request.invalid", "doors: bad", param="doors"))
        self.assertEqual(raised.code, "request.invalid")
        self.assertEqual(raised.message, "doors: bad")
        self.assertEqual(raised.param, "doors")
        self.assertEqual(raised.request_id, "req_abc123")
        self.assertEqual(raised.docs, "https://entryrate.co.uk/docs#request.invalid")
        self.assertEqual(raised.body["error"]["param"], "doors")
        self.assertEqual(str(raised), "400 request.invalid: doors: bad")

    def test_an_idempotency_error_is_an_invalid_request(self) -> None:
        for status, code in ((422, "idempotency.key_reused"), (400, "idempotency.invalid_key")):
            raised = error.error_from_response(status, body(code))
            self.assertIs(type(raised), error.IdempotencyError, code)
            self.assertIsInstance(raised, error.InvalidRequestError)

    def test_another_422_is_not_an_idempotency_error(self) -> None:
        raised = error.error_from_response(422, body("checkout.amount_unpayable"))
        self.assertIs(type(raised), error.InvalidRequestError)

    def test_a_body_that_is_not_the_api_error_shape(self) -> None:
        raised = error.error_from_response(502, "<html>Bad gateway</html>", {"X-Request-Id": "req_from_header"})
        self.assertIsInstance(raised, error.APIError)
        self.assertIsNone(raised.code)
        self.assertEqual(raised.message, "The API answered HTTP 502.")
        self.assertEqual(raised.request_id, "req_from_header")
        self.assertEqual(raised.body, "<html>Bad gateway</html>")

    def test_connection_and_webhook_errors_are_entryrate_errors(self) -> None:
        self.assertIsNone(error.APIConnectionError("no answer").status)
        self.assertTrue(issubclass(error.WebhookVerificationError, error.EntryRateError))

    def test_re_exported_from_the_package(self) -> None:
        for name in error.__all__:
            self.assertIs(getattr(entryrate, name), getattr(error, name), name)
            self.assertIn(name, entryrate.__all__)


if __name__ == "__main__":
    unittest.main()
