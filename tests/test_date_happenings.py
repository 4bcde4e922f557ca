"""Two days of a one-off event clash only when two voices date one happening of it: its
onset, or one other word of it. A bound ("since Sunday", "by Tuesday") and a later stage
("contained on Friday") are its timeline, never a clash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import story_graph

from claimrec.models import Fact, Graph

PUBLISHED = dt.date(2025, 3, 7)  # a Friday


def graph_of(tmp_path: Path, *articles: str) -> Graph:
    return story_graph(tmp_path, *articles, published=PUBLISHED)


def story_date(graph: Graph) -> Fact:
    """The one-off event's "when" fact: the date fact with the most claims."""
    dates = [f for f in graph.facts if f.key.type == "date"]
    return max(dates, key=lambda f: len(f.claims))


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        pytest.param(
            "The blaze broke out near Varnet on Monday, the fire service said.",
            "Residents said the blaze started near Varnet on Tuesday.",
            True,
            id="two voices, two days for the outbreak",
        ),
        pytest.param(
            "The blaze tore through the Orlan depot on Monday, the fire service said.",
            "The blaze tore through the Orlan depot on Tuesday, residents said.",
            True,
            id="two voices, two days for one verb of the event",
        ),
        pytest.param(
            "The blaze broke out near Varnet on Monday, the fire service said.",
            "The blaze was fully contained on Thursday, the fire service's rival, the "
            "Varnet volunteers, said.",
            False,
            id="the outbreak and the day it was contained",
        ),
        pytest.param(
            "The blaze broke out near Varnet on Monday, the fire service said.",
            "Residents said new fires had started near Varnet since Tuesday.",
            False,
            id="a bound: since a day",
        ),
        pytest.param(
            "The blaze broke out near Varnet on Monday, the fire service said.",
            "The blaze had burned 400 hectares by Wednesday, the Varnet council said.",
            False,
            id="a bound: by a day",
        ),
        pytest.param(
            "The blaze broke out near Varnet on Monday, the fire service said.",
            "The blaze jumped the Orlan river on Wednesday, the Varnet council said.",
            False,
            id="a later stage of the event",
        ),
    ],
)
def test_dates_clash_only_for_one_happening(
    tmp_path: Path, first: str, second: str, conflict: bool
) -> None:
    fact = story_date(graph_of(tmp_path, first, second))
    assert len(fact.claims) >= 2, fact.key
    assert (fact.status == "conflict") is conflict
