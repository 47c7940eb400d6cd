"""The errors the client raises: one base class, a subclass per kind of answer."""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Type

__all__ = [
    "EntryRateError",
    "InvalidRequestError",
    "IdempotencyError",
    "AuthenticationError",
    "PermissionError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "APIError",
    "APIConnectionError",
    "WebhookVerificationError",
]


class EntryRateError(Exception):
    """Any failure of a call: the API's stable dotted ``code`` and its fields, when it answered."""

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        param: Optional[str] = None,
        status: Optional[int] = None,
        request_id: Optional[str] = None,
        docs: Optional[str] = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.param = param
        self.status = status
        self.request_id = request_id
        self.docs = docs
        self.body = body
        self.headers: Dict[str, str] = dict(headers or {})

    def __str__(self) -> str:
        where = " ".join(str(part) for part in (self.status, self.code) if part)
        return f"{where}: {self.message}" if where else self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, "
            f"message={self.message!r}, param={self.param!r}, request_id={self.request_id!r})"
        )


class InvalidRequestError(EntryRateError):
    """400: the request is not valid; ``param`` names the field."""


class IdempotencyError(InvalidRequestError):
    """An Idempotency-Key that is not valid (400) or was reused with another request (422)."""


class AuthenticationError(EntryRateError):
    """401: no key, or a key that is unknown or revoked."""


class PermissionError(EntryRateError):  # noqa: A001 - the name the other SDKs use
    """403: the key may not do this."""


class NotFoundError(EntryRateError):
    """404: no such object belongs to you."""


class ConflictError(EntryRateError):
    """409: the object is not in a state that allows this."""


class RateLimitError(EntryRateError):
    """429: too many requests; retried by the client unless ``max_retries`` is 0."""


class APIError(EntryRateError):
    """Any other status, and every 5xx."""


class APIConnectionError(EntryRateError):
    """No answer: the connection failed or timed out (``status`` is None)."""


class WebhookVerificationError(EntryRateError):
    """A webhook delivery whose signature or timestamp does not verify."""


_BY_STATUS: Dict[int, Type[EntryRateError]] = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionError,
    404: NotFoundError,
    409: ConflictError,
    422: InvalidRequestError,
    429: RateLimitError,
}


def error_from_response(status: int, body: Any, headers: Optional[Mapping[str, str]] = None) -> EntryRateError:
    """The error for an API answer of ``status``, from its ``{"error": {...}}`` body (or whatever came)."""
    fields = body.get("error") if isinstance(body, dict) else None
    if not isinstance(fields, dict):
        fields = {}
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    message = fields.get("message")
    if not isinstance(message, str) or not message:
        message = f"The API answered HTTP {status}."
    cls = _BY_STATUS.get(status, APIError)
    code = fields.get("code")
    if cls is InvalidRequestError and isinstance(code, str) and code.startswith("idempotency."):
        cls = IdempotencyError
    return cls(
        message,
        code=code,
        param=fields.get("param"),
        status=status,
        request_id=fields.get("requestId") or lowered.get("x-request-id"),
        docs=fields.get("docs"),
        body=body,
        headers=headers,
    )
