"""A dateline that gives the sender's street address before its place and date ("12 rue
des Lilas, Orvenne — 4 March 2025, 18:00") still dates an article with no date in its
metadata; a first line that is a sentence about a date never does. Invented heads."""

from __future__ import annotations

import datetime as dt

import pytest

from claimrec.datelined import dateline_date

DAY = dt.date(2025, 3, 4)


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("NOTICE — Union of weavers\n12 rue des Lilas, Orvenne — 4 March 2025, 18:00\n", DAY),
        ("Statement\n5 via Corta, Tovik — March 4, 2025\n", DAY),
        ("Statement\n40 Quillon Lane, Selm, 4 March 2025\n", DAY),
        ("12 people died on 4 March 2025 in Selm.\n", None),
        ("Statement\n3 killed and injured in Selm, 4 March 2025\n", None),
    ],
)
def test_dateline_after_an_address(head: str, day: dt.date | None) -> None:
    assert dateline_date(head + "The river rose overnight.") == day
