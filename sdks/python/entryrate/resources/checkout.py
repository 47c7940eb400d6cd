"""``er.checkout.sessions``: a buyer's checkout, from your server or a browser (with the client secret)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..types import CheckoutSession, PaymentStart
from ._base import Resource, segment

if TYPE_CHECKING:
    from .._client import EntryRate

__all__ = ["Checkout", "CheckoutSessions"]


class CheckoutSessions(Resource):
    def create(self, **params: Any) -> CheckoutSession:
        """Holds the tickets: ``event_id``, ``items=[{"tier": slug, "quantity": 2}]``, ``customer_email``,
        and (with a secret key) ``success_url``, ``cancel_url``."""
        return self._post("/v1/checkout/sessions", params)

    def retrieve(self, id: str, **params: Any) -> CheckoutSession:
        """With the promoter's key, or ``client_secret``; a complete session carries its order."""
        return self._get(f"/v1/checkout/sessions/{segment(id)}", params)

    def update(self, id: str, **params: Any) -> CheckoutSession:
        """Replaces an open session's ``items``."""
        return self._post(f"/v1/checkout/sessions/{segment(id)}", params)

    def pay(self, id: str, **params: Any) -> PaymentStart:
        """The PaymentIntent to confirm (``paymentIntentId``, ``clientSecret``), or a free order done."""
        return self._post(f"/v1/checkout/sessions/{segment(id)}/payment", params)

    def cancel(self, id: str, **params: Any) -> CheckoutSession:
        return self._post(f"/v1/checkout/sessions/{segment(id)}/cancel", params)

    def settle(self, id: str, **options: Any) -> CheckoutSession:
        """Asks the worker to settle the session with Stripe again, after it gave up."""
        return self._post(f"/v1/checkout/sessions/{segment(id)}/settle", options)


class Checkout:
    """``er.checkout``: holds ``sessions``."""

    def __init__(self, client: "EntryRate") -> None:
        self.sessions = CheckoutSessions(client)
