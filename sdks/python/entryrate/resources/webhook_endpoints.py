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

    def update(self, id: str, **params: Any) -> WebhookEndpoint:
        """Changes its ``url``, its ``events``, or both."""
        return self._patch(f"/v1/webhook-endpoints/{segment(id)}", params)

    def test(self, id: str, **options: Any) -> WebhookDelivery:
        """Queues a signed ``ping`` to this endpoint only; the answer is its delivery."""
        return self._post(f"/v1/webhook-endpoints/{segment(id)}/test", options)

    def rotate_secret(self, id: str, **options: Any) -> WebhookEndpointWithSecret:
        """A new signing ``secret``, shown this once; the old one signs nothing more."""
        return self._post(f"/v1/webhook-endpoints/{segment(id)}/rotate-secret", options)

    def enable(self, id: str, **options: Any) -> WebhookEndpoint:
        """Turns a disabled endpoint back on; what waited for it goes out at once."""
        return self._post(f"/v1/webhook-endpoints/{segment(id)}/enable", options)

    def delete(self, id: str, **options: Any) -> DeletedWebhookEndpoint:
        return self._delete(f"/v1/webhook-endpoints/{segment(id)}", options)

    def list_deliveries(self, id: str, **params: Any) -> Page[WebhookDelivery]:
        """The endpoint's delivery log, newest first."""
        return self._list(f"/v1/webhook-endpoints/{segment(id)}/deliveries", params)

    def resend_delivery(self, id: str, delivery_id: str, **options: Any) -> WebhookDelivery:
        """Sends a delivery (named by its ``eventId``) again now, with the same event id."""
        return self._post(f"/v1/webhook-endpoints/{segment(id)}/deliveries/{segment(delivery_id)}/resend", options)
