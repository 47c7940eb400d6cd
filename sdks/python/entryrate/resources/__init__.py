"""One class per resource of the API; the client makes one of each."""

from .account import Account
from .api_keys import ApiKeys
from .checkout import Checkout, CheckoutSessions
from .events import Events
from .orders import Orders
from .payouts import Payouts
from .promoters import Promoters
from .tickets import Scans, TicketLinks, Tickets
from .venues import Venues
from .webhook_endpoints import WebhookEndpoints

__all__ = [
    "Account",
    "ApiKeys",
    "Checkout",
    "CheckoutSessions",
    "Events",
    "Orders",
    "Payouts",
    "Promoters",
    "Scans",
    "TicketLinks",
    "Tickets",
    "Venues",
    "WebhookEndpoints",
]
