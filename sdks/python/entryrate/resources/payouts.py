"""``er.payouts``: read-only, from your Stripe Connect account."""

from __future__ import annotations

from typing import Any

from .._response import Page
from ..types import Payout
from ._base import Resource

__all__ = ["Payouts"]


class Payouts(Resource):
    def list(self, **params: Any) -> Page[Payout]:
        """Newest first; filters ``status``, ``arrival_from``, ``arrival_to``, and ``page``, ``limit``."""
        return self._list("/v1/payouts", params)
