"""Verifying the webhook deliveries EntryRate sends to your endpoint."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Any, Mapping, Optional, Union

from .error import WebhookVerificationError
from .types import WebhookEvent

__all__ = ["verify", "DEFAULT_TOLERANCE"]

DEFAULT_TOLERANCE = 300
_SECRET_PREFIX = "whsec_"


def verify(
    raw_body: Union[bytes, str],
    headers: Mapping[str, Any],
    secret: str,
    tolerance: int = DEFAULT_TOLERANCE,
    *,
    now: Optional[float] = None,
) -> WebhookEvent:
    """The delivered event, once its signatures verify; else ``WebhookVerificationError``.

    ``raw_body`` is the body exactly as received. ``EntryRate-Signature`` (hex HMAC-SHA256 of the
    body, keyed with the whole secret) must match; when ``webhook-signature`` is present, so must
    one of its Standard Webhooks signatures, and ``webhook-timestamp`` must be within ``tolerance``
    seconds of ``now`` (the clock, unless given).
    """
    body = raw_body.encode("utf-8") if isinstance(raw_body, str) else bytes(raw_body)
    found = {str(name).lower(): str(value) for name, value in headers.items()}

    signature = found.get("entryrate-signature", "").strip()
    if not signature:
        raise WebhookVerificationError("No EntryRate-Signature header.")
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature.lower().encode(), expected.encode()):
        raise WebhookVerificationError("EntryRate-Signature does not match the body.")

    if "webhook-signature" in found:
        _verify_standard(body, found, secret, tolerance, time.time() if now is None else now)

    try:
        event = json.loads(body.decode("utf-8"))
    except ValueError as error:
        raise WebhookVerificationError("The body is not JSON.") from error
    if not isinstance(event, dict):
        raise WebhookVerificationError("The body is not a JSON object.")
    return event  # type: ignore[return-value]


def _verify_standard(body: bytes, found: Mapping[str, str], secret: str, tolerance: int, now: float) -> None:
    """Standard Webhooks: ``v1,`` + base64 HMAC-SHA256 of ``{id}.{timestamp}.{body}``, and a fresh timestamp."""
    webhook_id = found.get("webhook-id", "")
    timestamp = found.get("webhook-timestamp", "")
    if not webhook_id or not timestamp:
        raise WebhookVerificationError("webhook-signature needs webhook-id and webhook-timestamp.")
    try:
        sent_at = int(timestamp)
    except ValueError as error:
        raise WebhookVerificationError("webhook-timestamp is not a number of seconds.") from error
    if abs(now - sent_at) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is too far from now: a stale or replayed delivery.")

    encoded = secret[len(_SECRET_PREFIX):] if secret.startswith(_SECRET_PREFIX) else secret
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError) as error:
        raise WebhookVerificationError("The secret is not a whsec_ secret.") from error
    signed = b"%s.%s.%s" % (webhook_id.encode(), timestamp.encode(), body)
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())

    candidates = [part.partition(",") for part in found["webhook-signature"].split()]
    if not any(version == "v1" and hmac.compare_digest(value.encode(), expected) for version, _, value in candidates):
        raise WebhookVerificationError("No webhook-signature matches.")
