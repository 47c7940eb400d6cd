"""The EntryRate API client: ``EntryRate(key).events.list(status="live")``."""

from . import error, types, webhooks
from ._client import DEFAULT_API_VERSION, DEFAULT_BASE_URL, EntryRate
from ._response import ApiObject, LastResponse, Page
from ._version import __version__
from .error import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ConflictError,
    EntryRateError,
    IdempotencyError,
    InvalidRequestError,
    NotFoundError,
    PermissionError,
    RateLimitError,
    WebhookVerificationError,
)

__all__ = [
    "__version__",
    "EntryRate",
    "DEFAULT_API_VERSION",
    "DEFAULT_BASE_URL",
    "ApiObject",
    "LastResponse",
    "Page",
    "error",
    "types",
    "webhooks",
]
__all__ += error.__all__
