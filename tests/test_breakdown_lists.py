"""Figures after a total that add up to it are its breakdown only when they are listed,
each joined to the one before by a comma or "and" ("at 40: 31 men, 7 women and two
children"); a figure that happens to add up but is given as a reason in another clause
("cut that figure to 21, as two patients had been listed twice") is no part.
Invented sentences, positive and negative."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, story_graph

from claimrec.models import Graph


def _scope(graph: Graph, quote: str) -> str | None:
    claim = count_of(graph, quote)
    return next(f.key.scope for f in graph.facts if claim.id in f.claims)


@pytest.mark.parametrize(
    ("text", "quote", "scope"),
    [
        pytest.param(
            "Police put the figure at 43: 34 men, 7 women and two children.",
            "34 men",
            "part",
            id="a listed breakdown",
        ),
        pytest.param(
            "Rebels freed nine captives, five in the morning and four later.",
            "four",
            "part",
            id="items with words of their own",
        ),
        pytest.param(
            "The clinic, which on Monday said it was treating 23 workers from the plant, "
            "cut that figure on Tuesday to 21, as two patients had been listed twice.",
            "21",
            None,
            id="a reason, not an item",
        ),
    ],
)
def test_breakdown_is_a_list(tmp_path: Path, text: str, quote: str, scope: str | None) -> None:
    assert _scope(story_graph(tmp_path, text), quote) == scope
