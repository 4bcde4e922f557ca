"""Counts in disaster and epidemic stories: which question each toll, patient count or staff
count answers, and the day an undated release speaks for. One invented sentence a row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

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
