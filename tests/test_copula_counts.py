"""A count whose only verb is a copula and that no measure names ("1,240 are away from the
east mill", "it is 3,020 people") is keyed by the words after it: two such counts answer one
question only when those words say the same, never just because they share a noun. A
copula with a measure ("were on strike") keeps its measure's question. Invented
sentences, positive and negative."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import fact_id, story_graph


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        pytest.param(
            "By noon 640 workers were on a night crew, the guild said.",
            "Union officials said 610 workers were on a night crew.",
            True,
            id="same words after the copula",
        ),
        pytest.param(
            "By noon 640 workers were on a night crew, the guild said.",
            "Union officials said 610 workers were out from the east mill.",
            False,
            id="other words after the copula",
        ),
        pytest.param(
            "It is more than 3,020 people, the guild said.",
            "Fifty-three people are out from this mill, a steward said.",
            False,
            id="a figure as the copula's complement",
        ),
        pytest.param(
            "By noon 640 workers were on strike, the guild said.",
            "Union officials said 610 workers were on strike.",
            True,
            id="a measure: the copula says nothing more",
        ),
    ],
)
def test_copula_counts(tmp_path: Path, first: str, second: str, same: bool) -> None:
    graph = story_graph(tmp_path, first, second)
    quotes = [q for q in ("640 workers", "3,020") if q in first]
    other = [q for q in ("610 workers", "Fifty-three people") if q in second]
    assert (fact_id(graph, quotes[0]) == fact_id(graph, other[0])) is same
