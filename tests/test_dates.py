"""Tests for ``claimrec.dates.resolve_date``.

The table pins every form the extractor hands over, each with and without a
publication date: the rows without one prove that nothing relative is guessed
from today's date. The property test proves the function never raises.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimrec.dates import resolve_date
from claimrec.models import Granularity

D = dt.date
PUB = D(2024, 10, 20)  # a Sunday: the last day of its ISO week
WED = D(2024, 10, 23)
NONE = None

Row = tuple[str, dt.date | None, dt.date | None, dt.date | None, Granularity]

ABSOLUTE: list[Row] = [
    ("in June 2024", PUB, D(2024, 6, 1), D(2024, 6, 30), "month"),
    ("in June 2024", NONE, D(2024, 6, 1), D(2024, 6, 30), "month"),
    ("June of 2024", NONE, D(2024, 6, 1), D(2024, 6, 30), "month"),
    ("2024", NONE, D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("since 2020", PUB, D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("November 1, 2024", NONE, D(2024, 11, 1), D(2024, 11, 1), "day"),
    ("1 March 2023", NONE, D(2023, 3, 1), D(2023, 3, 1), "day"),
    ("2024-06-01", NONE, D(2024, 6, 1), D(2024, 6, 1), "day"),
    ("2024-06-01", PUB, D(2024, 6, 1), D(2024, 6, 1), "day"),
    ("06/2024", NONE, D(2024, 6, 1), D(2024, 6, 30), "month"),
    ("Tuesday, October 15, 2024", NONE, D(2024, 10, 15), D(2024, 10, 15), "day"),
    ("until March 2025", NONE, D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("early June 2024", NONE, D(2024, 6, 1), D(2024, 6, 10), "month"),
    ("mid-June 2024", NONE, D(2024, 6, 11), D(2024, 6, 20), "month"),
    ("late February 2024", NONE, D(2024, 2, 21), D(2024, 2, 29), "month"),
    ("mid-2024", NONE, D(2024, 5, 1), D(2024, 8, 31), "year"),
    ("winter 2024", NONE, D(2023, 12, 1), D(2024, 2, 29), "season"),
    ("the fall of 2023", NONE, D(2023, 9, 1), D(2023, 11, 30), "season"),
    ("Q3 2024", NONE, D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("the third quarter of 2024", NONE, D(2024, 7, 1), D(2024, 9, 30), "quarter"),
]

# Month or day-month without a year: nearest to published, future days counting double.
YEARLESS: list[Row] = [
    ("by November 1", PUB, D(2024, 11, 1), D(2024, 11, 1), "day"),
    ("by November 1", NONE, None, None, "day"),
    ("in March", PUB, D(2024, 3, 1), D(2024, 3, 31), "month"),
    ("in March", NONE, None, None, "month"),
    ("in January", D(2024, 12, 1), D(2025, 1, 1), D(2025, 1, 31), "month"),
    ("In August,", PUB, D(2024, 8, 1), D(2024, 8, 31), "month"),
    ("Sept. 5", PUB, D(2024, 9, 5), D(2024, 9, 5), "day"),
    ("February 29", D(2025, 3, 1), D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("mid-June", PUB, D(2024, 6, 11), D(2024, 6, 20), "month"),
    ("last March", PUB, D(2024, 3, 1), D(2024, 3, 31), "month"),
    ("next June", PUB, D(2025, 6, 1), D(2025, 6, 30), "month"),
]

RELATIVE: list[Row] = [
    ("next month", D(2024, 10, 20), D(2024, 11, 1), D(2024, 11, 30), "month"),
    ("next month", NONE, None, None, "month"),
    ("starting next month", PUB, D(2024, 11, 1), D(2024, 11, 30), "month"),
    ("next month", D(2024, 12, 31), D(2025, 1, 1), D(2025, 1, 31), "month"),
    ("this month", PUB, D(2024, 10, 1), D(2024, 10, 31), "month"),
    ("early this month", PUB, D(2024, 10, 1), D(2024, 10, 10), "month"),
    ("early this month", NONE, None, None, "month"),
    ("later this month", PUB, D(2024, 10, 20), D(2024, 10, 31), "month"),
    ("earlier this year", PUB, D(2024, 1, 1), D(2024, 10, 20), "year"),
    ("earlier this year", NONE, None, None, "year"),
    ("so far this year", PUB, D(2024, 1, 1), D(2024, 10, 20), "year"),
    ("last year", PUB, D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("last year", NONE, None, None, "year"),
    ("next year", PUB, D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("late last year", PUB, D(2023, 9, 1), D(2023, 12, 31), "year"),
    ("by the end of the year", PUB, D(2024, 9, 1), D(2024, 12, 31), "year"),
    ("this week", PUB, D(2024, 10, 14), D(2024, 10, 20), "week"),
    ("This week,", WED, D(2024, 10, 21), D(2024, 10, 27), "week"),
    ("this week", NONE, None, None, "week"),
    ("last week", PUB, D(2024, 10, 7), D(2024, 10, 13), "week"),
    ("early next week", PUB, D(2024, 10, 21), D(2024, 10, 27), "week"),
    ("earlier this week", WED, D(2024, 10, 21), D(2024, 10, 23), "week"),
    ("this quarter", PUB, D(2024, 10, 1), D(2024, 12, 31), "quarter"),
    ("last quarter", PUB, D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("yesterday", PUB, D(2024, 10, 19), D(2024, 10, 19), "day"),
    ("yesterday", NONE, None, None, "day"),
    ("tonight", PUB, PUB, PUB, "day"),
    ("3 days ago", PUB, D(2024, 10, 17), D(2024, 10, 17), "day"),
    ("about two weeks ago", PUB, D(2024, 9, 30), D(2024, 10, 6), "week"),
    ("a month ago", D(2024, 3, 31), D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("2 years ago", PUB, D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("in two weeks", PUB, D(2024, 10, 28), D(2024, 11, 3), "week"),
    ("in two weeks", NONE, None, None, "week"),
]

WEEKDAYS: list[Row] = [
    ("on Tuesday", WED, D(2024, 10, 22), D(2024, 10, 22), "day"),
    ("on Tuesday", PUB, D(2024, 10, 15), D(2024, 10, 15), "day"),
    ("on Wednesday", WED, WED, WED, "day"),
    ("on Tuesday", NONE, None, None, "day"),
    ("last Wednesday", WED, D(2024, 10, 16), D(2024, 10, 16), "day"),
    ("next Tuesday", WED, D(2024, 10, 29), D(2024, 10, 29), "day"),
    ("next Wednesday", WED, D(2024, 10, 30), D(2024, 10, 30), "day"),
    ("this Friday", WED, D(2024, 10, 25), D(2024, 10, 25), "day"),
]

SEASONS: list[Row] = [
    ("last fall", PUB, D(2023, 9, 1), D(2023, 11, 30), "season"),
    ("last fall", D(2024, 12, 15), D(2024, 9, 1), D(2024, 11, 30), "season"),
    ("last fall", NONE, None, None, "season"),
    ("this fall", PUB, D(2024, 9, 1), D(2024, 11, 30), "season"),
    ("last winter", PUB, D(2023, 12, 1), D(2024, 2, 29), "season"),
    ("this winter", PUB, D(2024, 12, 1), D(2025, 2, 28), "season"),
    ("this winter", D(2025, 1, 10), D(2024, 12, 1), D(2025, 2, 28), "season"),
    ("next spring", PUB, D(2025, 3, 1), D(2025, 5, 31), "season"),
    ("late fall", PUB, None, None, "season"),
    ("winter", PUB, None, None, "season"),
    ("winter", NONE, None, None, "season"),
]

# Durations, vague spans and things dateparser misreads: never a guessed interval.
UNRESOLVED: list[Row] = [
    ("the last 2.5 years", PUB, None, None, "unknown"),
    ("the coming months", PUB, None, None, "unknown"),
    ("just days", PUB, None, None, "unknown"),
    ("five years", PUB, None, None, "unknown"),
    ("the past year", PUB, None, None, "unknown"),
    ("the last year", PUB, None, None, "unknown"),
    ("recent weeks", PUB, None, None, "unknown"),
    ("the third quarter", PUB, None, None, "quarter"),
    ("the 1990s", PUB, None, None, "unknown"),
    ("12", PUB, None, None, "unknown"),
    ("10,000", PUB, None, None, "unknown"),
    ("the 5th", PUB, None, None, "unknown"),
    ("1/2", PUB, None, None, "unknown"),
    ("2023-24", PUB, None, None, "unknown"),
    ("June and July 2024", PUB, None, None, "unknown"),
    ("", PUB, None, None, "unknown"),
    ("next year", D(9999, 6, 1), None, None, "unknown"),
]


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "granularity"),
    ABSOLUTE + YEARLESS + RELATIVE + WEEKDAYS + SEASONS + UNRESOLVED,
)
def test_resolve_date(
    text: str,
    published: dt.date | None,
    start: dt.date | None,
    end: dt.date | None,
    granularity: Granularity,
) -> None:
    value = resolve_date(text, published=published)
    assert (value.start, value.end, value.granularity) == (start, end, granularity)
    assert value.text == text


def test_datetime_published_is_treated_as_its_date() -> None:
    value = resolve_date("yesterday", published=dt.datetime(2024, 10, 20, 23, 59))
    assert (value.start, value.end) == (D(2024, 10, 19), D(2024, 10, 19))


_VOCABULARY = [
    "in", "by", "early", "mid-", "late", "last", "next", "this", "the", "end", "of",
    "earlier", "later", "year", "month", "week", "quarter", "fall", "winter", "June",
    "November", "1", "29", "2024", "9999", "0000", "Tuesday", "ago", "two", "days",
    "Q3", "/", "-", ",", ".", "2.5", "yesterday", "so", "far",
]  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(_VOCABULARY), max_size=6).map(" ".join),
)
_PUBLISHED = st.one_of(st.none(), st.dates())


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS, published=_PUBLISHED)
def test_never_raises_and_intervals_are_ordered(text: str, published: dt.date | None) -> None:
    value = resolve_date(text, published=published)
    assert value.text == text
    if value.start is not None and value.end is not None:
        assert value.start <= value.end
    if published is None and value.start is not None:
        # Only text that states its own year may resolve without an anchor.
        assert resolve_date(text, published=D(2000, 1, 1)).start == value.start
