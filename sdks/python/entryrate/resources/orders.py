"""``er.orders``: read, refund and resend orders."""

from __future__ import annotations

from typing import Any

from .._response import Page
from ..types import Order
from ._base import Resource, segment

__all__ = ["Orders"]


class Orders(Resource):
    def list(self, **params: Any) -> Page[Order]:
        """Your orders; filters ``event_id``, ``status``, ``buyer_email``, ``q``, and ``page``, ``limit``."""
        return self._list("/v1/orders", params)

    def export_csv(self, **params: Any) -> str:
        """Every order passing the list's filters (not one page), newest first, as CSV text.

        A header row, then a row per order; ``amount`` and ``amount_refunded`` in major units (``12.00``).
        """
        return self._get_text("/v1/orders/export", params, "text/csv")

    def retrieve(self, id: str, **options: Any) -> Order:
        return self._get(f"/v1/orders/{segment(id)}", options)

    def refund(self, id: str, **params: Any) -> Order:
        """Refunds ``amount`` (minor units), or all that is left when it is not given."""
        return self._post(f"/v1/orders/{segment(id)}/refund", params)

    def resend(self, id: str, **params: Any) -> Order:
        """Mails the tickets again, to a corrected ``email`` if given."""
        return self._post(f"/v1/orders/{segment(id)}/resend", params)
