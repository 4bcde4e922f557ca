"""A partitive that names a state only some of a group are in counts everyone in it: a
partitive of a figure of another family of the same measure ("6,000 have fled; of them,
2,100 sleep in shelters": everyone sheltered fled first), and one that opens its sentence
("Of those, nine were in a critical condition") as one after its figure does. A partitive
of a figure for the same question stays a part. Invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, story_graph

from claimrec.models import Graph


def scope_of(graph: Graph, quote: str) -> str | None:
    claim = count_of(graph, quote)
    return next(f.key.scope for f in graph.facts if claim.id in f.claims)


@pytest.mark.parametrize(
    ("text", "quote", "part"),
    [
        pytest.param(
            "Police said 40 people were hurt in the crash. Of those, nine were in a critical "
            "condition.",
            "nine",
            False,
            id="a fronted partitive of a state only some are in",
        ),
        pytest.param(
            "Police said 40 people were hurt in the crash, nine of them in a critical condition.",
            "nine",
            False,
            id="a partitive after its figure, of a state only some are in",
        ),
        pytest.param(
            "Some 6,000 people have fled the Ostrava valley. Of them, 2,100 are sleeping in "
            "shelters.",
            "2,100",
            False,
            id="a fronted partitive of another family of the same measure",
        ),
        pytest.param(
            "Some 6,000 people have fled the Ostrava valley, 2,100 of them sleeping in shelters.",
            "2,100",
            False,
            id="a partitive after its figure, of another family of the same measure",
        ),
        pytest.param(
            "Some 6,000 people have fled the Ostrava valley. Of them, 2,100 fled on foot.",
            "2,100",
            True,
            id="a fronted partitive of the same question stays a part",
        ),
        pytest.param(
            "Twelve people were hurt in the crash, nine of them firefighters.",
            "nine",
            True,
            id="a partitive naming who, of the same question, stays a part",
        ),
    ],
)
def test_partitive_of_a_state_counts_all_in_it(
    tmp_path: Path, text: str, quote: str, part: bool
) -> None:
    assert (scope_of(story_graph(tmp_path, text), quote) == "part") is part
