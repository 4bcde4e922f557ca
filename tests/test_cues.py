"""Tests for ``claimrec.cues``: the words next to a figure that place it in scope and time.
One invented sentence per row, positive and negative."""

from __future__ import annotations

import pytest

from claimrec.cues import is_earlier, is_hedged_past, is_part, is_withdrawn, states_update
from claimrec.lexicon import Lexicon
from claimrec.models import Evidence


def said(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


@pytest.mark.parametrize(
    ("sentence", "quote", "part"),
    [
        ("Kestova sent another 3,000 troops to the border.", "3,000 troops", True),
        ("The first contingent of 1,500 soldiers landed at Orvel.", "1,500 soldiers", True),
        ("Twelve were hurt, nine of them firefighters.", "nine of them", True),
        ("Officials said 400 more troops would follow.", "400 more troops", True),
        ("An additional 200 medics arrived.", "200 medics", True),
        ("Nine of its own nurses have died.", "Nine of its own nurses", True),
        ("More than 3,000 troops crossed the river.", "More than 3,000 troops", False),
        ("Some 10,000 or more people marched.", "10,000 or more people", False),
        ("Kestova has sent 12,000 troops in all.", "12,000 troops", False),
    ],
)
def test_part_of(sentence: str, quote: str, part: bool, lexicon: Lexicon) -> None:
    assert is_part(said(sentence, quote), lexicon.reconcile) is part


@pytest.mark.parametrize(
    ("sentence", "quote", "withdrawn"),
    [
        (
            "Late on Friday the harbour police withdrew an initial tally of 35 bodies.",
            "35 bodies",
            True,
        ),
        ("The figure is 58, not the 60 it announced on Monday.", "60", True),
        ("The ministry revised down from 900 its estimate of the crowd.", "900", True),
        ("The ministry revised its estimate down to 700.", "700", False),
        ("The coast guard said 60 bodies were found.", "60 bodies", False),
    ],
)
def test_withdrawn(sentence: str, quote: str, withdrawn: bool, lexicon: Lexicon) -> None:
    assert is_withdrawn(said(sentence, quote), lexicon.reconcile) is withdrawn


@pytest.mark.parametrize(
    ("sentence", "quote", "hedged"),
    [
        ("As many as 40 people might have been killed.", "40 people", True),
        ("Up to 40 people may have drowned, rescuers said.", "40 people", True),
        ("The toll could rise to 40 people.", "40 people", False),
        ("Officials fear 40 people may die.", "40 people", False),
    ],
)
def test_hedged_past(sentence: str, quote: str, hedged: bool, lexicon: Lexicon) -> None:
    assert is_hedged_past(said(sentence, quote), lexicon.reconcile) is hedged


@pytest.mark.parametrize(
    ("sentence", "quote", "update"),
    [
        ("The agency revised the toll to 31.", "31", True),
        ("The toll now stands at 31.", "31", True),
        ("The agency said 31 people died.", "31 people", False),
    ],
)
def test_states_update(sentence: str, quote: str, update: bool, lexicon: Lexicon) -> None:
    assert states_update(said(sentence, quote), lexicon.reconcile) is update


@pytest.mark.parametrize(
    ("sentence", "quote", "earlier"),
    [
        ("A wire report earlier in the day said 26 bodies had been pulled out.", "26 bodies", True),
        ("Police initially counted 40 marchers.", "40 marchers", True),
        ("Police counted 40 marchers.", "40 marchers", False),
    ],
)
def test_earlier(sentence: str, quote: str, earlier: bool, lexicon: Lexicon) -> None:
    assert is_earlier(said(sentence, quote), lexicon.reconcile) is earlier
