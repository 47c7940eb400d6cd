"""``er.webhook_endpoints``."""

from __future__ import annotations

from typing import Any

from .._response import Page
from ..types import DeletedWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret
from ._base import Resource, segment

__all__ = ["WebhookEndpoints"]


class WebhookEndpoints(Resource):
    def list(self, **params: Any) -> Page[WebhookEndpoint]:
        return self._list("/v1/webhook-endpoints", params)

    def create(self, **params: Any) -> WebhookEndpointWithSecret:
        """Subscribes ``url`` to ``events`` (or ``["*"]``); the answer's ``secret`` is shown this once."""
        return self._post("/v1/webhook-endpoints", params)

    def delete(self, id: str, **options: Any) -> DeletedWebhookEndpoint:
        return self._delete(f"/v1/webhook-endpoints/{segment(id)}", options)

    def list_deliveries(self, id: str, **params: Any) -> Page[WebhookDelivery]:
        """The endpoint's delivery log, newest first."""
        return self._list(f"/v1/webhook-endpoints/{segment(id)}/deliveries", params)
