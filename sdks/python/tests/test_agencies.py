"""An agency's admin key and the promoter option, against the real stack."""

from __future__ import annotations

import unittest

from entryrate import EntryRate, NotFoundError, PermissionError
from support import KEY, client, future_doors, needs_stack, unique


@needs_stack
class AgencyTest(unittest.TestCase):
    def test_admin_key_acts_for_a_managed_promoter_and_never_another(self) -> None:
        er = client()
        admin = er.api_keys.create(name="Agency admin", kind="admin")
        self.assertEqual(admin["kind"], "admin")
        self.assertIsNone(admin["lastUsedAt"])
        agency = EntryRate(admin["secret"])

        managed = agency.promoters.create(name=unique("Managed"))
        self.assertTrue(managed["id"].startswith("pr_"))
        self.assertTrue((managed["agencyId"] or "").startswith("pr_"))
        self.assertIn(managed["id"], [p["id"] for p in agency.promoters.list(limit=100).data])

        # The client option: every call acts for the managed promoter.
        for_managed = EntryRate(admin["secret"], promoter=managed["id"])
        venue = for_managed.venues.create(name=unique("Thekla"), city="Bristol", timezone="Europe/London")
        event = for_managed.events.create(
            title=unique("Managed night"),
            venue_id=venue["id"],
            doors=future_doors(),
            tiers=[{"name": "Standard", "price": 1500, "stock": 50}],
        )
        # The per-call option does the same; without it the agency's own promoter has no such event.
        self.assertEqual(agency.events.retrieve(event["id"], promoter=managed["id"])["id"], event["id"])
        with self.assertRaises(NotFoundError):
            agency.events.retrieve(event["id"])

        # A secret key naming a promoter not its own, and an admin key naming one outside its agency.
        for call in (
            lambda: EntryRate(KEY).events.list(promoter=managed["id"]),
            lambda: agency.events.list(promoter="pr_demo_strange_brew"),
        ):
            with self.assertRaises(PermissionError) as caught:
                call()
            self.assertEqual(caught.exception.status, 403)
            self.assertEqual(caught.exception.code, "auth.promoter_forbidden")
