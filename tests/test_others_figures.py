"""A bare figure followed by "others" ("hauling five more sailors up alive and finding
three others dead") counts people other than those just counted: a group of its own,
never an elided part of the count before it. A bare figure with nothing of the kind after
a partitive ("nine of them died and four were hurt") stays a part. Invented sentences,
positive and negative."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, story_graph


@pytest.mark.parametrize(
    ("text", "quote", "scope"),
    [
        pytest.param(
            "Divers reached the hull on Friday, hauling five more sailors up alive and "
            "finding three others dead, the operator said.",
            "three",
            None,
            id="others",
        ),
        pytest.param(
            "Of the 30 crew, nine of them died and four were hurt.", "four", "part", id="elided"
        ),
    ],
)
def test_others_are_no_part(tmp_path: Path, text: str, quote: str, scope: str | None) -> None:
    graph = story_graph(tmp_path, text)
    claim = count_of(graph, quote)
    assert next(f.key.scope for f in graph.facts if claim.id in f.claims) == scope
