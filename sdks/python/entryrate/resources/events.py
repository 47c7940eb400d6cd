"""``er.events``: create, read, change, publish and cancel events."""

from __future__ import annotations

from typing import Any, Dict

from .._response import Page
from ..types import DoorCounts, Event, EventEmbed, EventStats
from ._base import Resource, segment

__all__ = ["Events"]


class Events(Resource):
    def list(self, **params: Any) -> Page[Event]:
        """Your events; filters ``status``, ``city_id``, ``from_``, ``to``, ``q``, and ``page``, ``limit``."""
        return self._list("/v1/events", params)

    def retrieve(self, id_or_slug: str, **options: Any) -> Event:
        """An event by id or slug, with its tiers, scans and lowest price."""
        return self._get(f"/v1/events/{segment(id_or_slug)}", options)

    def stats(self, id_or_slug: str, **options: Any) -> EventStats:
        """Sales per tier and per day (the venue's days), money in minor units, and door counts."""
        return self._get(f"/v1/events/{segment(id_or_slug)}/stats", options)

    def embed(self, id_or_slug: str, **params: Any) -> EventEmbed:
        """The lines that embed the event's checkout (``mode``, ``theme``, ``tier``), and its preview's address."""
        return self._get(f"/v1/events/{segment(id_or_slug)}/embed", params)

    def door_counts(self, id_or_slug: str, **options: Any) -> DoorCounts:
        """Per tier, tickets that may enter and tickets scanned in, and the latest scan."""
        return self._get(f"/v1/events/{segment(id_or_slug)}/door", options)

    def scan_manifest(self, id_or_slug: str, **options: Any) -> Dict[str, Any]:
        """What a scanner downloads before doors: every ticket with its admission, and the keys that check codes offline."""
        return self._get(f"/v1/events/{segment(id_or_slug)}/scan-manifest", options)

    def create(self, **params: Any) -> Event:
        """A draft event: ``title``, ``venue_id``, ``doors``, ``tiers=[{name, price, stock, …}]``, and ``slug``,
        ``currency``, ``hold_minutes``, ``rotating_qr``."""
        return self._post("/v1/events", params)

    def update(self, id: str, **params: Any) -> Event:
        """Changes what is sent; a tier with ``id`` is changed, one without is added."""
        return self._patch(f"/v1/events/{segment(id)}", params)

    def publish(self, id: str, **params: Any) -> Event:
        """Puts the event on sale; ``network=False`` keeps it off the storefront."""
        return self._post(f"/v1/events/{segment(id)}/publish", params)

    def cancel(self, id: str, **options: Any) -> Event:
        return self._post(f"/v1/events/{segment(id)}/cancel", options)
