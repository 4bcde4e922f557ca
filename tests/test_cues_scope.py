"""Tests for the scope cues of the second reconcile pass: a rate ("40 a day") and an
increment named inside the counted phrase ("56 new cases"). One invented sentence per
row, positive and negative."""

from __future__ import annotations

import pytest

from claimrec.cues import is_part_in_phrase, is_rate
from claimrec.lexicon import Lexicon
from claimrec.models import Evidence


def said(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


@pytest.mark.parametrize(
    ("sentence", "quote", "rate"),
    [
        ("Clinics in Orvel are seeing 300 new patients a week.", "300 new patients", True),
        ("About 40 boats a day cross the strait.", "About 40 boats a day", True),
        ("Some 1,200 people per day fled the valley.", "1,200 people", True),
        ("The camp took in 1,150 refugees, against 470 the week before.", "470", False),
        ("Orvel counted 300 patients a week ago.", "300 patients", False),
        ("Orvel has counted 300 patients since March.", "300 patients", False),
        ("A day later, 300 patients had been seen.", "300 patients", False),
    ],
)
def test_rate(sentence: str, quote: str, rate: bool, lexicon: Lexicon) -> None:
    assert is_rate(said(sentence, quote), lexicon.reconcile) is rate


@pytest.mark.parametrize(
    ("sentence", "quote", "part"),
    [
        ("The ministry reported 56 new cases on Friday.", "56 new cases", True),
        ("Another clinic logged 12 newly infected patients.", "12 newly infected patients", True),
        ("The new toll stands at 310 dead.", "310 dead", False),
        ("Officials gave a new figure: 4,200 cases in all.", "4,200 cases", False),
    ],
)
def test_part_in_phrase(sentence: str, quote: str, part: bool, lexicon: Lexicon) -> None:
    assert is_part_in_phrase(said(sentence, quote), lexicon.reconcile) is part
