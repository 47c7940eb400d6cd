"""``er.account``: who you are, and the state of your Stripe Connect account."""

from __future__ import annotations

from typing import Any

from ..types import Account as AccountObject
from ._base import Resource

__all__ = ["Account"]


class Account(Resource):
    def retrieve(self, **options: Any) -> AccountObject:
        """``stripeAccount`` is None while no Stripe account is connected."""
        return self._get("/v1/account", options)
