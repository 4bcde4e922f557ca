"""Tests for ``claimrec.values``: how a value reads as an interval, when two values can
both hold, and how a person would write them.

The compatibility table is symmetric by construction: every row is checked both ways
round, since ``compatible`` decides whether a fact is in conflict and the order of two
claims must never change that.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import about, count, date_value, exact

from claimrec.models import CountValue, DateValue, LocationValue
from claimrec.values import (
    APPROX_TOLERANCE,
    compatible,
    count_interval,
    dates_compatible,
    label,
    value_key,
)

D = dt.date
INF = float("inf")

AT_LEAST_10K = count(10_000, None)
UP_TO_5K = count(None, 5_000)
NEARLY_5K = count(None, 5_000, approximate=True)
RANGE_10_12K = count(10_000, 12_000)

# ------------------------------------------------------------------------ intervals

INTERVALS: list[tuple[str, CountValue, tuple[float, float]]] = [
    ("exact", exact(12_000), (12_000, 12_000)),
    ("approximate widens by 5%", about(11_000), (10_450, 11_550)),
    ("at least: open above", AT_LEAST_10K, (10_000, INF)),
    ("up to: open below", UP_TO_5K, (-INF, 5_000)),
    ("nearly: open below, top widened", NEARLY_5K, (-INF, 5_250)),
    ("range", RANGE_10_12K, (10_000, 12_000)),
    ("approximate range widens", count(10_000, 12_000, approximate=True), (9_500, 12_600)),
    ("nothing stated", count(None, None), (-INF, INF)),
]


def rows(table: list[tuple]) -> dict:
    """``parametrize`` arguments from a table whose first column names the row."""
    return {"argvalues": [r[1:] for r in table], "ids": [r[0] for r in table]}


@pytest.mark.parametrize(("value", "expected"), **rows(INTERVALS))
def test_count_interval(value: CountValue, expected: tuple[float, float]) -> None:
    assert count_interval(value) == pytest.approx(expected)


def test_default_tolerance_is_five_percent() -> None:
    assert APPROX_TOLERANCE == 0.05


def test_tolerance_is_a_parameter() -> None:
    assert count_interval(about(10_000), tolerance=0.1) == pytest.approx((9_000, 11_000))


# ------------------------------------------------------------------------ compatibility

COUNTS: list[tuple[str, CountValue, CountValue, bool]] = [
    ("same exact figure", exact(12_000), exact(12_000), True),
    ("different exact figures", exact(11_000), exact(12_000), False),
    ("at least 10,000 vs 12,000", AT_LEAST_10K, exact(12_000), True),
    ("at least 10,000 vs 10,000: bounds inclusive", AT_LEAST_10K, exact(10_000), True),
    ("at least 10,000 vs 9,000", AT_LEAST_10K, exact(9_000), False),
    ("approximately 11,000 vs 12,000: beyond 5%", about(11_000), exact(12_000), False),
    ("approximately 11,000 vs 11,400: within 5%", about(11_000), exact(11_400), True),
    ("approximately 11,000 vs 11,550: at the edge", about(11_000), exact(11_550), True),
    ("approximately 11,000 vs 10,400: below 5%", about(11_000), exact(10_400), False),
    ("about 11,000 vs about 12,000: widened intervals touch", about(11_000), about(12_000), True),
    ("about 10,000 vs about 12,000", about(10_000), about(12_000), False),
    ("range contains 11,000", RANGE_10_12K, exact(11_000), True),
    ("range contains its top", RANGE_10_12K, exact(12_000), True),
    ("range excludes 12,500", RANGE_10_12K, exact(12_500), False),
    ("overlapping ranges", RANGE_10_12K, count(11_000, 15_000), True),
    ("disjoint ranges", RANGE_10_12K, count(13_000, 15_000), False),
    ("up to 5,000 vs 6,000", UP_TO_5K, exact(6_000), False),
    ("up to 5,000 vs 4,000", UP_TO_5K, exact(4_000), True),
    ("nearly 5,000 vs 5,200: approximate top", NEARLY_5K, exact(5_200), True),
    ("nearly 5,000 vs 6,000", NEARLY_5K, exact(6_000), False),
    ("open above vs open above", AT_LEAST_10K, count(20_000, None), True),
    ("open below vs open below", UP_TO_5K, count(None, 8_000), True),
    ("open above vs open below, disjoint", AT_LEAST_10K, UP_TO_5K, False),
    ("open above vs open below, overlapping", count(4_000, None), UP_TO_5K, True),
    ("at least vs range", AT_LEAST_10K, count(8_000, 9_000), False),
]


@pytest.mark.parametrize(("a", "b", "expected"), **rows(COUNTS))
def test_count_compatibility(a: CountValue, b: CountValue, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_compatibility_tolerance_is_a_parameter() -> None:
    assert not compatible(about(11_000), exact(12_000))
    assert compatible(about(11_000), exact(12_000), tolerance=0.1)


def day(text: str, d: dt.date | None) -> DateValue:
    return date_value(text, d)


DATES: list[tuple[str, DateValue, DateValue, bool]] = [
    ("same day", day("June 1", D(2024, 6, 1)), day("1 June", D(2024, 6, 1)), True),
    ("different days", day("June 1", D(2024, 6, 1)), day("June 2", D(2024, 6, 2)), False),
    (
        "day inside month",
        day("June 10", D(2024, 6, 10)),
        DateValue(text="June", start=D(2024, 6, 1), end=D(2024, 6, 30), granularity="month"),
        True,
    ),
    (
        "month vs later month",
        DateValue(text="May", start=D(2024, 5, 1), end=D(2024, 5, 31), granularity="month"),
        DateValue(text="June", start=D(2024, 6, 1), end=D(2024, 6, 30), granularity="month"),
        False,
    ),
    ("unresolved vs resolved", day("last month", None), day("June 2", D(2024, 6, 2)), True),
    ("unresolved vs unresolved", day("soon", None), day("next week", None), True),
    (
        "only start resolved",
        DateValue(text="since May", start=D(2024, 5, 1), end=None),
        day("January 1", D(2020, 1, 1)),
        True,
    ),
]


@pytest.mark.parametrize(("a", "b", "expected"), **rows(DATES))
def test_date_compatibility(a: DateValue, b: DateValue, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


@pytest.mark.parametrize(
    "bounds",
    [
        (None, None, D(2024, 1, 1), D(2024, 1, 1)),
        (D(2024, 1, 1), None, D(2020, 1, 1), D(2020, 1, 1)),
        (None, D(2024, 1, 1), D(2030, 1, 1), D(2030, 1, 1)),
        (D(2024, 1, 1), D(2024, 1, 1), None, D(2030, 1, 1)),
    ],
)
def test_dates_with_a_null_bound_are_compatible_with_anything(bounds: tuple) -> None:
    assert dates_compatible(*bounds)


def test_places_never_contradict() -> None:
    assert compatible(LocationValue(entity="ent:kursk"), LocationValue(entity="ent:belgorod"))


# ------------------------------------------------------------------------ labels

LABELS: list[tuple[CountValue | DateValue | LocationValue, str]] = [
    (exact(12_000), "12,000"),
    (AT_LEAST_10K, "at least 10,000"),
    (about(11_000), "about 11,000"),
    (RANGE_10_12K, "10,000-12,000"),
    (UP_TO_5K, "up to 5,000"),
    (NEARLY_5K, "nearly 5,000"),
    (count(None, None), "unknown"),
    (day("June 1", D(2024, 6, 1)), "June 1 (2024-06-01)"),
    (day("last month", None), "last month"),
]


@pytest.mark.parametrize(("value", "expected"), LABELS, ids=[r[1] for r in LABELS])
def test_label(value: CountValue | DateValue | LocationValue, expected: str) -> None:
    assert label(value) == expected


def test_location_label_uses_the_entity_name() -> None:
    place = LocationValue(entity="ent:kursk")
    assert label(place, entity_names={"ent:kursk": "Kursk"}) == "Kursk"
    assert label(place) == "ent:kursk"


# ------------------------------------------------------------------------ value keys

DISTINCT: list[CountValue | DateValue | LocationValue] = [
    exact(10_000),
    about(10_000),
    AT_LEAST_10K,
    count(None, 10_000),
    count(None, 10_000, approximate=True),
    exact(10_000, unit="officers"),
    count(0, 0),
    day("June 1", D(2024, 6, 1)),
    day("June 2", D(2024, 6, 2)),
    LocationValue(entity="ent:kursk"),
]


def test_value_keys_tell_distinct_values_apart() -> None:
    keys = [value_key(v) for v in DISTINCT]
    assert len(set(keys)) == len(keys)


def test_value_key_is_equal_for_equal_values() -> None:
    assert value_key(exact(10_000)) == value_key(count(10_000, 10_000))
