"""When a call is tried again, and how long the client waits first."""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime
from typing import Callable, Optional

from .error import APIConnectionError, EntryRateError

__all__ = ["backoff_delay", "parse_retry_after", "is_retryable", "RETRY_AFTER_CAP"]

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
RETRY_AFTER_CAP = 60.0


def backoff_delay(attempt: int, rand: Callable[[], float] = random.random) -> float:
    """Seconds before retry number ``attempt + 1``: 0.5 s doubling to 8 s, jittered to half or all of it."""
    ceiling = min(INITIAL_DELAY * (2 ** attempt), MAX_DELAY)
    return ceiling / 2 + rand() * ceiling / 2


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """``Retry-After`` as seconds (capped at 60), from a number of seconds or an HTTP date; None if unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), RETRY_AFTER_CAP)


def is_retryable(error: EntryRateError) -> bool:
    """No answer, ``409 idempotency.in_progress``, ``429`` and every ``5xx`` are tried again; nothing else."""
    if isinstance(error, APIConnectionError):
        return True
    status = error.status or 0
    return status == 429 or status >= 500 or (status == 409 and error.code == "idempotency.in_progress")
