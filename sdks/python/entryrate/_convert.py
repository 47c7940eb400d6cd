"""From Python's keyword arguments to the API's JSON and query strings."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Dict, List, Mapping, Tuple
from urllib.parse import urlencode

__all__ = ["camel_case", "camelize", "encode_body", "encode_query"]


def camel_case(name: str) -> str:
    """``venue_id`` is ``venueId``; a name without underscores (``venueId``, ``q``) stays as it is."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def camelize(value: Any) -> Any:
    """Turns every dict key into camel case, into nested dicts and lists."""
    if isinstance(value, Mapping):
        return {camel_case(str(k)): camelize(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [camelize(v) for v in value]
    return value


def _instant(value: Any) -> str:
    # The API wants an offset on every instant: a naive datetime is taken as UTC.
    if isinstance(value, _dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=_dt.timezone.utc)
        return aware.isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _given(params: Mapping[str, Any]) -> Dict[str, Any]:
    # A keyword argument left at None was not given; deeper down, None is JSON's null (a PATCH
    # sends `salesStart: null` to open a tier's window).
    return {k: v for k, v in params.items() if v is not None}


def encode_body(params: Mapping[str, Any]) -> bytes:
    """The JSON body of a POST or PATCH; datetimes become ISO 8601 instants."""
    return json.dumps(camelize(_given(params)), default=_instant, separators=(",", ":")).encode("utf-8")


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _instant(value)
    return str(value)


def encode_query(params: Mapping[str, Any]) -> str:
    """``?status=live&limit=50``: camel-cased names; lists repeat their name; None is left out."""
    pairs: List[Tuple[str, str]] = []
    fields: Dict[str, Any] = camelize(_given(params))
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, _query_value(item)))
    return urlencode(pairs)
