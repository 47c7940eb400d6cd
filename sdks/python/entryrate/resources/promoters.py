"""``er.promoters``: the promoters yours manages, as an agency (its admin keys act for them)."""

from __future__ import annotations

from typing import Any

from .._response import Page
from ..types import Promoter
from ._base import Resource

__all__ = ["Promoters"]


class Promoters(Resource):
    def create(self, **params: Any) -> Promoter:
        """A promoter managed by the caller's promoter (``name``)."""
        return self._post("/v1/promoters", params)

    def list(self, **params: Any) -> Page[Promoter]:
        return self._list("/v1/promoters", params)
