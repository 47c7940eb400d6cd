"""``er.tickets``, ``er.scans`` and ``er.ticket_links``."""

from __future__ import annotations

from typing import Any

from ..types import ScanResult, TicketDetail, TicketLinksAnswer
from ._base import Resource, segment

__all__ = ["Tickets", "Scans", "TicketLinks"]


class Tickets(Resource):
    def retrieve(self, id: str, **options: Any) -> TicketDetail:
        return self._get(f"/v1/tickets/{segment(id)}", options)


class Scans(Resource):
    def create(self, **params: Any) -> ScanResult:
        """Scans what a door scanner read (``payload``), optionally only for ``event_id``; a scan made offline
        carries its ``scan_id``, ``scanned_at`` and ``gate``."""
        return self._post("/v1/scans", params)


class TicketLinks(Resource):
    def create(self, **params: Any) -> TicketLinksAnswer:
        """Mails a fresh ticket page link for every order bought with ``email`` (public: no key needed)."""
        return self._post("/v1/ticket-links", params)
