"""What every resource shares: splitting per-call options from the API's fields, and one helper per verb."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Mapping, Tuple, TypedDict
from urllib.parse import quote

from .._response import ApiObject, Page

if TYPE_CHECKING:
    from .._client import EntryRate

__all__ = ["RequestOptions", "Resource", "segment", "split_options"]


class RequestOptions(TypedDict, total=False):
    """Per-call options, given as keyword arguments beside the API's fields."""

    idempotency_key: str
    api_version: str
    #: Seconds.
    timeout: float
    max_retries: int
    #: The promoter (``pr_…``) this call acts for, sent as ``EntryRate-Promoter``; replaces the client's.
    promoter: str


_OPTION_NAMES = frozenset(RequestOptions.__annotations__)


def split_options(params: Mapping[str, Any]) -> Tuple[Dict[str, Any], RequestOptions]:
    """Keyword arguments into the API's fields and the per-call options (those left at None dropped)."""
    fields = {k: v for k, v in params.items() if k not in _OPTION_NAMES}
    options: Dict[str, Any] = {k: v for k, v in params.items() if k in _OPTION_NAMES and v is not None}
    return fields, options  # type: ignore[return-value]


def segment(value: str) -> str:
    """An id or slug as one path segment."""
    return quote(str(value), safe="")


class Resource:
    """A group of API operations; each method is one line over ``EntryRate._request``."""

    def __init__(self, client: "EntryRate") -> None:
        self._client = client

    def _call(self, method: str, path: str, params: Mapping[str, Any]) -> Any:
        fields, options = split_options(params)
        if method in ("GET", "DELETE"):
            return self._client._request(method, path, query=fields, options=options)
        return self._client._request(method, path, body=fields, options=options)

    def _get(self, path: str, params: Mapping[str, Any]) -> Any:
        return self._call("GET", path, params)

    def _get_text(self, path: str, params: Mapping[str, Any], accept: str) -> str:
        """A GET whose answer is a file of type ``accept`` (``text/csv``): its text."""
        fields, options = split_options(params)
        text: str = self._client._request("GET", path, query=fields, options=options, accept=accept)
        return text

    def _post(self, path: str, params: Mapping[str, Any]) -> Any:
        return self._call("POST", path, params)

    def _patch(self, path: str, params: Mapping[str, Any]) -> Any:
        return self._call("PATCH", path, params)

    def _delete(self, path: str, params: Mapping[str, Any]) -> Any:
        return self._call("DELETE", path, params)

    def _list(self, path: str, params: Mapping[str, Any]) -> Page[Any]:
        query, options = split_options(params)

        def fetch(page: Any) -> Page[Any]:
            answer: ApiObject = self._client._request("GET", path, query={**query, "page": page}, options=options)
            return Page(answer["data"], answer["pagination"], answer.last_response, fetch)

        return fetch(query.get("page"))
