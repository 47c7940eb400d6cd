"""The client: settings, the resources, and the one function every call goes through."""

from __future__ import annotations

import json
import os
import time
import uuid
from typing import Any, Dict, Mapping, Optional

from ._convert import encode_body, encode_query
from ._http import RawResponse, send
from ._response import ApiObject, LastResponse
from ._retry import backoff_delay, is_retryable, parse_retry_after
from ._version import __version__
from .error import APIConnectionError, APIError, EntryRateError, error_from_response
from .resources import (
    Account,
    ApiKeys,
    Checkout,
    Events,
    Orders,
    Payouts,
    Promoters,
    Scans,
    TicketLinks,
    Tickets,
    Venues,
    WebhookEndpoints,
)
from .resources._base import RequestOptions

__all__ = ["EntryRate", "DEFAULT_BASE_URL", "DEFAULT_API_VERSION"]

DEFAULT_BASE_URL = "https://api.entryrate.co.uk"
DEFAULT_API_VERSION = "2026-04-25"
_WITH_BODY = ("POST", "PATCH", "PUT")


class EntryRate:
    """A client of the EntryRate API. ``key`` may be left out for the public routes (checkout, ticket links)."""

    def __init__(
        self,
        key: Optional[str] = None,
        base_url: Optional[str] = None,
        api_version: Optional[str] = None,
        max_retries: int = 2,
        timeout: float = 30,
        promoter: Optional[str] = None,
    ) -> None:
        self.key = key
        #: Sent as ``EntryRate-Promoter`` on every call (an agency's admin key acting for a managed
        #: promoter), unless a call passes its own ``promoter=``.
        self.promoter = promoter or None
        self.base_url = (base_url or os.environ.get("ENTRYRATE_API_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.api_version = api_version or DEFAULT_API_VERSION
        self.max_retries = max_retries
        self.timeout = timeout
        self.events = Events(self)
        self.venues = Venues(self)
        self.orders = Orders(self)
        self.tickets = Tickets(self)
        self.scans = Scans(self)
        self.payouts = Payouts(self)
        self.account = Account(self)
        self.webhook_endpoints = WebhookEndpoints(self)
        self.api_keys = ApiKeys(self)
        self.promoters = Promoters(self)
        self.ticket_links = TicketLinks(self)
        self.checkout = Checkout(self)

    def __repr__(self) -> str:
        return f"EntryRate(base_url={self.base_url!r}, api_version={self.api_version!r})"

    def _request(
        self,
        method: str,
        path: str,
        query: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
        options: Optional[RequestOptions] = None,
        accept: Optional[str] = None,
    ) -> Any:
        """Sends one call: headers, idempotency key, retries with backoff, timeout, and errors by status.

        Answers the JSON object, or with ``accept`` (a file's media type, ``text/csv``) the body as text.
        """
        opts: RequestOptions = options or {}
        encoded_query = encode_query(query) if query else ""
        url = f"{self.base_url}{path}" + (f"?{encoded_query}" if encoded_query else "")
        headers = self._headers(method, opts)
        if accept:
            headers["Accept"] = accept
        data = encode_body(body or {}) if method in _WITH_BODY else None
        max_retries = opts.get("max_retries", self.max_retries)
        timeout = opts.get("timeout", self.timeout)

        attempt = 0
        while True:
            wait: Optional[float] = None
            try:
                raw = send(method, url, headers, data, timeout)
            except APIConnectionError as error:
                failure: EntryRateError = error
            else:
                if 200 <= raw.status < 300 and accept:
                    return raw.body.decode("utf-8")
                if 200 <= raw.status < 300:
                    return ApiObject(_json_object(raw), LastResponse(raw.status, raw.headers))
                failure = error_from_response(raw.status, _parsed(raw.body), raw.headers)
                wait = parse_retry_after(raw.headers.get("retry-after"))
            if attempt >= max_retries or not is_retryable(failure):
                raise failure
            time.sleep(backoff_delay(attempt) if wait is None else wait)
            attempt += 1

    def _headers(self, method: str, opts: RequestOptions) -> Dict[str, str]:
        headers = {
            "Accept": "application/json",
            "EntryRate-Version": opts.get("api_version") or self.api_version,
            "User-Agent": f"entryrate-python/{__version__}",
        }
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        promoter = opts.get("promoter") or self.promoter
        if promoter:
            headers["EntryRate-Promoter"] = promoter
        if method in _WITH_BODY:
            headers["Content-Type"] = "application/json"
        if method == "POST":
            # Made once per call, so that every retry of it is the same request to the API.
            headers["Idempotency-Key"] = opts.get("idempotency_key") or str(uuid.uuid4())
        return headers


def _parsed(body: bytes) -> Any:
    """The JSON of an answer, or its text when it is not JSON (a proxy's error page)."""
    text = body.decode("utf-8", errors="replace")
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text


def _json_object(raw: RawResponse) -> Dict[str, Any]:
    parsed = _parsed(raw.body)
    if parsed is None:
        return {}
    if not isinstance(parsed, dict):
        raise APIError(
            f"The API answered HTTP {raw.status} with something other than a JSON object.",
            status=raw.status,
            request_id=raw.headers.get("x-request-id"),
            body=parsed,
            headers=raw.headers,
        )
    return parsed
