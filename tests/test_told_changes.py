"""An article that tells a change is not two voices disagreeing: a running total it says
rose ("has climbed to 62") or gives as the update after its lower figure, and a current
state it says follows arrivals or discharges. Two figures set against each other in one
sentence still clash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import story_graph

from claimrec.models import Graph

PUBLISHED = dt.date(2025, 3, 7)


def graph_of(tmp_path: Path, *articles: str) -> Graph:
    return story_graph(tmp_path, *articles, published=PUBLISHED)


def status_of(graph: Graph, quote: str) -> str:
    claim = next(c for c in graph.claims if c.type == "count" and quote in c.evidence.quote)
    return next(f for f in graph.facts if claim.id in f.claims).status


@pytest.mark.parametrize(
    ("text", "conflict"),
    [
        pytest.param(
            "Overnight the confirmed number of dead was 31. "
            "The Orlan coast guard now reports that the toll has climbed to 44.",
            False,
            id="the article says the toll rose",
        ),
        pytest.param(
            "Overnight the confirmed number of dead was 31. "
            "Latest figures from the Orlan coast guard: 44 dead.",
            False,
            id="the higher figure told later as the update",
        ),
        pytest.param(
            "Overnight the confirmed number of dead was 31. "
            "The Orlan coast guard says the toll is 44.",
            True,
            id="two voices, no change told",
        ),
        pytest.param(
            "The confirmed number of dead is 31, but Mayor Wenna Ravn insists that 44 "
            "people have died.",
            True,
            id="two figures set against each other in one sentence",
        ),
    ],
)
def test_a_told_rise_is_no_clash(tmp_path: Path, text: str, conflict: bool) -> None:
    graph = graph_of(tmp_path, text)
    assert (status_of(graph, "31") == "conflict") is conflict


@pytest.mark.parametrize(
    ("later", "conflict"),
    [
        pytest.param(
            "After two admissions and a transfer overnight, the Varnet clinic is now treating "
            "23 patients, director Wenna Ravn said.",
            False,
            id="a state said to follow arrivals and discharges",
        ),
        pytest.param(
            "The Varnet clinic is now treating 23 patients, director Wenna Ravn said.",
            True,
            id="no change told",
        ),
    ],
)
def test_a_state_after_a_change(tmp_path: Path, later: str, conflict: bool) -> None:
    graph = graph_of(
        tmp_path,
        "The Orlan health office said the Varnet clinic is treating 18 patients.",
        later,
    )
    assert (status_of(graph, "18") == "conflict") is conflict


def _two_days(folder: Path, first: str, second: str, days: tuple[str, str]) -> Graph:
    """Two articles published on ``days``."""
    from claimrec.pipeline import build

    corpus = folder / "story"
    corpus.mkdir()
    for name, day, text in (("a0", days[0], first), ("a1", days[1], second)):
        header = f"---\npublished: {day}\n---\n"
        (corpus / f"{name}.txt").write_text(header + text + "\n", encoding="utf-8")
    return build([corpus])


@pytest.mark.parametrize(
    ("days", "conflict"),
    [
        pytest.param(
            ("2025-03-08", "2025-03-15"),
            False,
            id="counts since a day speak for their articles' days, a week apart",
        ),
        pytest.param(
            ("2025-03-08", "2025-03-08"),
            True,
            id="counts since a day told on one day",
        ),
    ],
)
def test_a_count_since_a_day(tmp_path: Path, days: tuple[str, str], conflict: bool) -> None:
    graph = _two_days(
        tmp_path,
        "Since the beginning of the month, hospitals in Orlan have admitted 400 people with "
        "heatstroke, the Varnet medical board said.",
        "Hospitals in Orlan have admitted 520 people with heatstroke since 1 March, the "
        "Orlan health office said.",
        days,
    )
    assert (status_of(graph, "400") == "conflict") is conflict
