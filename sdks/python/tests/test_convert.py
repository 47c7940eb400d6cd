"""Keyword arguments to the API's camel-case JSON and query strings."""

from __future__ import annotations

import datetime as dt
import json
import unittest

from entryrate._convert import camel_case, camelize, encode_body, encode_query


class CamelCaseTest(unittest.TestCase):
    def test_snake_case_becomes_camel_case(self) -> None:
        self.assertEqual(camel_case("venue_id"), "venueId")
        self.assertEqual(camel_case("max_per_order"), "maxPerOrder")
        self.assertEqual(camel_case("customer_email"), "customerEmail")

    def test_names_without_underscores_stay(self) -> None:
        self.assertEqual(camel_case("q"), "q")
        self.assertEqual(camel_case("venueId"), "venueId")

    def test_a_trailing_underscore_frees_a_python_keyword(self) -> None:
        self.assertEqual(camel_case("from_"), "from")

    def test_nested_dicts_and_lists_are_converted(self) -> None:
        given = {"venue_id": "vn_1", "tiers": [{"max_per_order": 4, "sales_start": None}], "x": {"a_b": [1]}}
        self.assertEqual(
            camelize(given),
            {"venueId": "vn_1", "tiers": [{"maxPerOrder": 4, "salesStart": None}], "x": {"aB": [1]}},
        )


class EncodeTest(unittest.TestCase):
    def test_body_leaves_out_arguments_left_at_none_but_keeps_nested_nulls(self) -> None:
        body = json.loads(encode_body({"amount": None, "tiers": [{"id": "t_1", "sales_end": None}]}))
        self.assertEqual(body, {"tiers": [{"id": "t_1", "salesEnd": None}]})

    def test_body_sends_datetimes_as_instants(self) -> None:
        aware = dt.datetime(2026, 5, 2, 19, 0, tzinfo=dt.timezone.utc)
        naive = dt.datetime(2026, 5, 2, 19, 0)
        body = json.loads(encode_body({"doors": aware, "other": naive}))
        self.assertEqual(body, {"doors": "2026-05-02T19:00:00Z", "other": "2026-05-02T19:00:00Z"})

    def test_query_is_camel_case_with_booleans_spelt_out(self) -> None:
        query = encode_query({"status": "live", "city_id": "bristol", "limit": 50, "q": None, "network": True})
        self.assertEqual(query, "status=live&cityId=bristol&limit=50&network=true")

    def test_query_repeats_a_list(self) -> None:
        self.assertEqual(encode_query({"ids": ["a", "b"]}), "ids=a&ids=b")

    def test_query_escapes_values(self) -> None:
        self.assertEqual(encode_query({"q": "Mura Masa & co"}), "q=Mura+Masa+%26+co")


if __name__ == "__main__":
    unittest.main()
