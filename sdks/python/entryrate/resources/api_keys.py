"""``er.api_keys``: keys of the caller's mode, ``secret``, ``admin`` or ``scanner`` (``kind``), with ``lastUsedAt``."""

from __future__ import annotations

from typing import Any

from .._response import Page
from ..types import ApiKey, NewApiKey
from ._base import Resource, segment

__all__ = ["ApiKeys"]


class ApiKeys(Resource):
    def list(self, **params: Any) -> Page[ApiKey]:
        return self._list("/v1/api-keys", params)

    def create(self, **params: Any) -> NewApiKey:
        """A new key, optionally with a ``name``, a ``kind`` and a scanner key's ``event_ids``; the answer's ``secret`` is shown this once."""
        return self._post("/v1/api-keys", params)

    def revoke(self, id: str, **options: Any) -> ApiKey:
        return self._delete(f"/v1/api-keys/{segment(id)}", options)
