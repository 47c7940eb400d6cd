"""What the tests share: the stack the harness started (from its environment) and a few builders."""

from __future__ import annotations

import datetime as dt
import json
import os
import unittest
import urllib.parse
import urllib.request
import uuid
from typing import Any, Dict, List, Optional

from entryrate import EntryRate
from entryrate.types import Event, Venue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(os.path.dirname(ROOT))
WEBHOOK_VECTOR = os.path.join(REPO, "sdks", "harness", "webhook-vector.json")

KEY = os.environ.get("ER_KEY", "")
FAULTS_URL = os.environ.get("ER_FAULTS_URL", "")
API_URL_DIRECT = os.environ.get("ER_API_URL_DIRECT", "")
STRIPE_SIM_URL = os.environ.get("ER_STRIPE_SIM_URL", "")
STRIPE_SECRET_KEY = os.environ.get("ER_STRIPE_SECRET_KEY", "")

#: Skips a test or class outside ``sdks/harness/run.ts python``, which starts the stack.
needs_stack = unittest.skipUnless(
    KEY and FAULTS_URL and os.environ.get("ENTRYRATE_API_URL"),
    "needs the stack: run it with `npx tsx sdks/harness/run.ts python`",
)


def client(**options: Any) -> EntryRate:
    """A client of the new promoter, through the fault proxy (ENTRYRATE_API_URL)."""
    return EntryRate(KEY, **options)


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:10]}"


def future_doors(days: int = 30) -> str:
    when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def create_venue(er: EntryRate) -> Venue:
    return er.venues.create(name=unique("Strange Brew"), city="Bristol", timezone="Europe/London")


def create_event(er: EntryRate, venue_id: str, title: Optional[str] = None, **params: Any) -> Event:
    tiers = [{"name": "Early bird", "price": 1200, "stock": 200}, {"name": "Standard", "price": 1800, "stock": 200}]
    return er.events.create(
        title=title or unique("Mura Masa"), venue_id=venue_id, doors=future_doors(), tiers=tiers, **params
    )


def _http(method: str, url: str, body: Optional[bytes] = None, headers: Optional[Dict[str, str]] = None) -> Any:
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def set_faults(*faults: str) -> None:
    """The fault proxy fails the next requests so (``429``, ``503``, ``reset``, ``drop``), and clears its log."""
    body = json.dumps({"next": list(faults)}).encode()
    _http("POST", FAULTS_URL, body, {"Content-Type": "application/json"})


def fault_log() -> List[Dict[str, Any]]:
    """What reached the proxy since the last ``set_faults``: method, path, idempotencyKey, apiVersion, fault, status."""
    return _http("GET", FAULTS_URL)["log"]


def confirm_payment_intent(intent_id: str, payment_method: str = "pm_card_visa") -> Dict[str, Any]:
    """Confirms a PaymentIntent on the stripe-sim, as the buyer's browser would through Stripe.js."""
    body = urllib.parse.urlencode({"payment_method": payment_method}).encode()
    headers = {
        "Authorization": f"Bearer {STRIPE_SECRET_KEY}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    return _http("POST", f"{STRIPE_SIM_URL}/v1/payment_intents/{intent_id}/confirm", body, headers)
