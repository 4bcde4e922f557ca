"""Counts in disaster and epidemic stories: which question each toll, patient count or staff
count answers, and the day an undated release speaks for. One invented sentence a row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import STORY_DAY, count_claims, count_of, fact_id, story_graph

from claimrec.datelined import dateline_date
from claimrec.models import Document
from claimrec.read import read_document


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "PRESS RELEASE\nVorsk Relief Council\nSelm, 4 March 2025\n\nThe council said 40 died.",
            dt.date(2025, 3, 4),
        ),
        ("NOTICE OF CORRECTION — 9 May 2024\n\nA story gave the wrong toll.", dt.date(2024, 5, 9)),
        ("Selm (Teravia Wire), Tue 4 Mar 2025\n\nOfficials said 12 died.", dt.date(2025, 3, 4)),
        (
            "VORSK, March 4, 2025 — Officials in the river town said on Tuesday that 300 people"
            " had been evacuated overnight.",
            dt.date(2025, 3, 4),
        ),
        # a first sentence that mentions a date is no dateline
        ("On 4 March 2025 the river rose and 300 people were evacuated.", None),
        # a date far down the article is a later addition, not the article's own day
        ("Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nUpdate, 2 February 2025", None),
        ("Flood in Vorsk\n\nOfficials said 12 died.", None),
    ],
)
def test_dateline_date(head: str, expected: dt.date | None) -> None:
    assert dateline_date(head) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Selm, 4 March 2025\n\nThe council said 40 died.\n", dt.date(2025, 3, 4)),
        # front matter wins over a dateline
        (
            "---\npublished: 2025-03-06\n---\nSelm, 4 March 2025\n\nThe council said 40 died.\n",
            dt.date(2025, 3, 6),
        ),
        ("The council said 40 died.\n", None),
    ],
)
def test_an_undated_article_takes_its_datelines_date(
    tmp_path: Path, text: str, published: dt.date | None
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, root=tmp_path)
    assert isinstance(doc, Document)
    assert doc.published == published


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The count of cases would pass 9,000 this week.", "expected"),
        ("The agency said the count of cases passed 9,000 this week.", "asserted"),
    ],
)
def test_would_is_a_forecast_even_after_a_noun_spelt_like_a_verb_of_saying(
    nlp, lexicon, sentence: str, expected: str
) -> None:
    (claim,) = count_claims(nlp, lexicon, sentence, published=STORY_DAY)
    assert claim.modality == expected


TOLL = "Police in Vorsk said 30 people had died in the fire."


@pytest.mark.parametrize(
    ("forecast", "same"),
    [
        # an expectation with no horizon of its own: the toll as it stands
        ("Rescuers expected the toll to pass 100.", True),
        ("The count of dead would pass 4,000 this week, a Vorsk official said.", True),
        # a possibility, or a forecast to a later day: a question of its own
        ("Rescuers said the toll could pass 100.", False),
        ("Rescuers expected the toll to pass 100 by December.", False),
    ],
)
def test_a_forecast_of_the_toll_now_is_the_tolls_question(
    tmp_path: Path, forecast: str, same: bool
) -> None:
    graph = story_graph(tmp_path, f"{TOLL} {forecast}")
    toll = fact_id(graph, "30 people")
    figure = "4,000" if "4,000" in forecast else "100"
    assert (fact_id(graph, figure) == toll) is same
    assert count_of(graph, figure).modality != "asserted"
