"""An earlier event's figures are never the story's toll: a clause a past year opens
("in 2011, when floods killed six") and a bare sentence right after one that counts the
earlier event ("The 2011 floods forced 900 out. Six people died.") tell that event, and so
does a line a past year labels (a timeline's item: "- 2011: the river killed six")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import story_graph

from claimrec.models import Graph

PUBLISHED = dt.date(2025, 3, 7)


def graph_of(tmp_path: Path, *articles: str) -> Graph:
    return story_graph(tmp_path, *articles, published=PUBLISHED)


def scope_of(graph: Graph, quote: str) -> str | None:
    claim = next(c for c in graph.claims if c.type == "count" and quote in c.evidence.quote)
    fact = next(f for f in graph.facts if claim.id in f.claims)
    return fact.key.scope


@pytest.mark.parametrize(
    ("text", "quote", "earlier"),
    [
        pytest.param(
            "The valley was last flooded this badly in 2011, when the river killed nine.",
            "nine",
            True,
            id="a clause a past year opens",
        ),
        pytest.param(
            "The 2011 floods in the valley forced 760 people from their homes. Nine people died.",
            "Nine",
            True,
            id="a bare sentence after the earlier event's",
        ),
        pytest.param(
            "The 2011 floods in the valley forced 760 people from their homes. "
            "This week's flood has killed nine people.",
            "nine",
            False,
            id="a sentence with its own time is the story's",
        ),
        pytest.param(
            "The river burst its banks on Monday, when it killed nine people.",
            "nine",
            False,
            id="a clause a weekday opens is the story's",
        ),
        pytest.param(
            "\n\nPast floods:\n\n- 2011: a mudslide at Orvel buried a school and killed nine.",
            "nine",
            True,
            id="a timeline line a past year labels",
        ),
        pytest.param(
            "\n\nPast floods:\n\n- **1998**: high water at the Orvel weir drowned nine people.",
            "nine",
            True,
            id="a timeline line a bold past year labels",
        ),
        pytest.param(
            "\n\nUpdates:\n\n- 2025: the agency says the river has killed nine people so far.",
            "nine",
            False,
            id="a line labelled by this year is the story's",
        ),
        pytest.param(
            "\n\nUpdates:\n\n- 14:20: officials say the river has killed nine people.",
            "nine",
            False,
            id="a line labelled by a clock time is the story's",
        ),
    ],
)
def test_earlier_event_counts(tmp_path: Path, text: str, quote: str, earlier: bool) -> None:
    graph = graph_of(tmp_path, "Floods hit the Varnet valley on Monday, officials said. " + text)
    assert (scope_of(graph, quote) == "earlier") is earlier


def test_two_earlier_events_tolls_are_no_conflict(tmp_path: Path) -> None:
    """The key does not say which earlier event a figure counts: never compared."""
    graph = graph_of(
        tmp_path,
        "Floods hit the Varnet valley on Monday, officials said. "
        "In 2011, when the river last flooded, it killed nine people, officials said.",
        "In 2004, when the river flooded, it killed 40 people, residents said.",
    )
    earlier = [f for f in graph.facts if f.key.type == "count" and f.key.scope == "earlier"]
    assert earlier and all(f.status != "conflict" for f in earlier)
