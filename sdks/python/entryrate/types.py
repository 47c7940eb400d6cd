"""The API's objects as the server's mappers answer them, keys as the API names them (camel case)."""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional, TypedDict

__all__ = [
    "Pagination",
    "Tier",
    "Event",
    "TierStats",
    "StatsTotals",
    "SalesDay",
    "ScanCounts",
    "EventStats",
    "EventEmbed",
    "DoorTier",
    "DoorTotals",
    "DoorCounts",
    "Venue",
    "Ticket",
    "Refund",
    "OrderPayment",
    "Order",
    "TicketDetail",
    "ScanReason",
    "ScanPlace",
    "ScanResult",
    "CheckoutSessionItem",
    "Settlement",
    "CheckoutSession",
    "PaymentStart",
    "Payout",
    "StripeAccount",
    "Account",
    "WebhookEndpoint",
    "WebhookEndpointWithSecret",
    "DeletedWebhookEndpoint",
    "WebhookDelivery",
    "WebhookAttempt",
    "WebhookEvent",
    "ApiKey",
    "Promoter",
    "NewApiKey",
    "TicketLinksAnswer",
    "ErrorFields",
    "ErrorBody",
]


class Pagination(TypedDict):
    page: int
    limit: int
    total: int
    pages: int


class Tier(TypedDict):
    id: str
    slug: str
    name: str
    #: Minor units: 1200 is £12.00.
    price: int
    stock: int
    sold: int
    available: int
    maxPerOrder: int
    salesStart: Optional[str]
    salesEnd: Optional[str]


class Event(TypedDict):
    id: str
    slug: str
    title: str
    status: Literal["draft", "live", "cancelled"]
    venueId: str
    doors: str
    currency: str
    network: bool
    rotatingQr: bool
    holdMinutes: int
    lowestPrice: Optional[int]
    #: Tickets accepted at the door so far.
    scans: int
    tiers: List[Tier]
    createdAt: str
    publishedAt: Optional[str]


class TierStats(TypedDict):
    tierId: str
    name: str
    price: int
    stock: int
    #: As the Tier's ``sold``: a refund does not put tickets back on sale.
    sold: int
    #: Seats held by open checkouts.
    held: int
    #: What a buyer can still take: the Tier's ``available``.
    left: int
    #: Paid for the tier minus its pro rata share of its orders' refunds, in minor units.
    revenue: int


class StatsTotals(TypedDict):
    sold: int
    held: int
    left: int
    #: Paid minus refunded: the sum of the tiers' ``revenue``.
    revenue: int
    refunded: int
    orders: int
    scanned: int


class SalesDay(TypedDict):
    #: ``YYYY-MM-DD`` in the venue's time zone.
    date: str
    tickets: int
    #: Paid that day, before refunds, in minor units.
    revenue: int


class ScanCounts(TypedDict):
    scanned: int
    admitted: int


class EventStats(TypedDict):
    eventId: str
    currency: str
    #: The venue's IANA time zone, in which ``sales`` days are counted.
    timezone: str
    tiers: List[TierStats]
    totals: StatsTotals
    #: Only days with orders, oldest first.
    sales: List[SalesDay]
    scans: ScanCounts


class EventEmbed(TypedDict):
    eventId: str
    mode: Literal["inline", "modal", "iframe"]
    theme: Literal["light", "dark", "auto"]
    #: The tier's slug the checkout opens at; None: the tier list.
    tier: Optional[str]
    #: The lines to paste where the tickets should appear.
    snippet: str
    #: A page on another origin holding exactly ``snippet``; None without PREVIEW_URL.
    previewUrl: Optional[str]


class DoorTotals(TypedDict):
    #: Tickets that may enter: issued and not voided by a refund.
    valid: int
    scanned: int


class DoorTier(DoorTotals):
    tierId: str
    name: str


class DoorCounts(TypedDict):
    eventId: str
    tiers: List[DoorTier]
    totals: DoorTotals
    lastScanAt: Optional[str]


class Venue(TypedDict):
    id: str
    name: str
    city: str
    cityId: str
    timezone: str
    createdAt: str


class Ticket(TypedDict):
    """A ticket inside an Order."""

    id: str
    tierId: str
    status: Literal["valid", "void"]
    qrPayload: str


class Refund(TypedDict):
    id: str
    amount: int
    createdAt: str


class OrderPayment(TypedDict):
    paymentIntentId: str
    amount: int
    currency: str
    status: Literal["succeeded", "partially_refunded", "refunded"]


class Order(TypedDict):
    id: str
    status: Literal["paid", "partially_refunded", "refunded"]
    eventId: str
    buyerEmail: str
    amount: int
    amountRefunded: int
    currency: str
    tickets: List[Ticket]
    #: Oldest first.
    refunds: List[Refund]
    #: None for a free order.
    payment: Optional[OrderPayment]
    emailStatus: Literal["none", "pending", "sent", "failed"]
    emailError: Optional[str]
    createdAt: str


class TicketDetail(TypedDict):
    """A ticket as ``tickets.retrieve`` and scans answer it."""

    id: str
    orderId: str
    eventId: str
    tierId: str
    status: Literal["valid", "void"]
    qrPayload: str
    scannedAt: Optional[str]


ScanReason = Literal["already_scanned", "void", "forged", "expired_window", "wrong_event", "not_found"]


class ScanPlace(TypedDict):
    scanId: str
    scannedAt: str
    #: The gate or device, as the scanner named it.
    gate: Optional[str]


class _ScanResultFields(TypedDict):
    valid: bool
    ticket: Optional[TicketDetail]
    scannedAt: Optional[str]
    #: This scan: its id (yours, or one made for it), time and gate.
    scan: ScanPlace
    #: The ticket's admission (its earliest scan); for ``already_scanned``, the scan this one duplicates.
    admission: Optional[ScanPlace]
    #: A later scan this earlier offline one displaced as the admission.
    displaced: Optional[ScanPlace]


class ScanResult(_ScanResultFields, total=False):
    #: Only on a refused scan.
    reason: ScanReason


class CheckoutSessionItem(TypedDict):
    tierId: str
    quantity: int
    unitPrice: int


class Settlement(TypedDict):
    status: Literal["settled", "pending", "failed"]
    nextAttemptAt: Optional[str]
    error: Optional[str]


class CheckoutSession(TypedDict):
    id: str
    status: Literal["open", "complete", "expired", "cancelled"]
    paymentStatus: Literal["unpaid", "paid", "refund_pending", "refunded"]
    eventId: str
    customerEmail: str
    items: List[CheckoutSessionItem]
    amountTotal: int
    currency: str
    expiresAt: str
    clientSecret: str
    url: Optional[str]
    successUrl: Optional[str]
    cancelUrl: Optional[str]
    orderId: Optional[str]
    order: Optional[Order]
    ticketsUrl: Optional[str]
    settlement: Settlement
    createdAt: str


class PaymentStart(TypedDict):
    """What ``checkout.sessions.pay`` answers: a PaymentIntent to confirm, or a free order done."""

    status: Literal["open", "complete"]
    orderId: Optional[str]
    paymentIntentId: Optional[str]
    clientSecret: Optional[str]


class Payout(TypedDict):
    id: str
    amount: int
    currency: str
    status: str
    arrivalDate: str
    createdAt: str


class StripeAccount(TypedDict):
    id: str
    chargesEnabled: bool
    payoutsEnabled: bool
    detailsSubmitted: bool
    country: Optional[str]
    defaultCurrency: Optional[str]


class Account(TypedDict):
    promoterId: str
    name: str
    mode: Literal["test", "live"]
    #: None while no Stripe account is connected.
    stripeAccount: Optional[StripeAccount]


class WebhookEndpoint(TypedDict):
    id: str
    url: str
    events: List[str]
    status: Literal["enabled", "disabled"]
    disabledReason: Optional[str]
    disabledAt: Optional[str]
    createdAt: str


class WebhookEndpointWithSecret(WebhookEndpoint):
    """The answer to a creation or a rotation: the only time the signing secret is shown."""

    secret: str


class DeletedWebhookEndpoint(TypedDict):
    id: str
    deleted: bool


class WebhookDelivery(TypedDict):
    eventId: str
    type: str
    status: Literal["pending", "delivering", "delivered", "failed"]
    attempts: int
    #: Each attempt, newest first.
    attemptLog: List["WebhookAttempt"]
    lastStatusCode: Optional[int]
    lastError: Optional[str]
    lastAttemptAt: Optional[str]
    nextAttemptAt: Optional[str]
    deliveredAt: Optional[str]
    createdAt: str


class WebhookAttempt(TypedDict):
    at: str
    #: What the endpoint answered; None: no answer.
    status: Optional[int]
    error: Optional[str]
    durationMs: int


class WebhookEvent(TypedDict):
    """A webhook delivery's body, as ``webhooks.verify`` answers it."""

    id: str
    type: str
    createdAt: str
    #: The API object the event is about (an Order, a ScanResult, a Payout, an Event).
    data: Dict[str, Any]


class ApiKey(TypedDict):
    id: str
    mode: Literal["test", "live"]
    #: ``admin`` also acts for the promoters its promoter manages (``promoter=``).
    kind: Literal["secret", "admin", "scanner"]
    #: A scanner key's events; None: every event (and for other kinds).
    eventIds: Optional[List[str]]
    name: Optional[str]
    last4: str
    createdAt: str
    revokedAt: Optional[str]
    lastUsedAt: Optional[str]


class NewApiKey(ApiKey):
    """A key just made: the only answer that ever carries its secret."""

    secret: str


class Promoter(TypedDict):
    id: str
    name: str
    #: The promoter that manages this one, or None.
    agencyId: Optional[str]
    createdAt: str


class TicketLinksAnswer(TypedDict):
    message: str


class ErrorFields(TypedDict, total=False):
    code: str
    message: str
    param: str
    docs: str
    requestId: str


class ErrorBody(TypedDict):
    error: ErrorFields
