"""``er.venues``."""

from __future__ import annotations

from typing import Any

from .._response import Page
from ..types import Venue
from ._base import Resource, segment

__all__ = ["Venues"]


class Venues(Resource):
    def list(self, **params: Any) -> Page[Venue]:
        return self._list("/v1/venues", params)

    def retrieve(self, id: str, **options: Any) -> Venue:
        return self._get(f"/v1/venues/{segment(id)}", options)

    def create(self, **params: Any) -> Venue:
        """A venue: ``name``, ``city``, ``timezone`` (IANA, such as ``Europe/London``), and ``city_id``."""
        return self._post("/v1/venues", params)
