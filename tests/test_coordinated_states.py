"""Two counts of one state in one sentence, each with its own word for it and joined by a
coordinator ("37 miners injured, as well as six rescue staff hurt"), count two groups: the
group the story counts less often is a question of its own, never a rival to the story's
count of that state; the group the story counts most is its own people and stays with
the counts that name no one. Invented sentences, positive and negative."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, fact_id, story_graph

OTHER = ("Union leaders said more than 70 were hurt.", "Nine miners were injured on Monday.")


@pytest.mark.parametrize(
    ("first", "apart"),
    [
        pytest.param(
            "The final count is 37 miners injured, as well as six rescue staff hurt.",
            True,
            id="as well as",
        ),
        pytest.param(
            "The final count is 37 miners injured, plus six rescue staff hurt.", True, id="plus"
        ),
        pytest.param(
            "The final count is 37 miners injured, along with six rescue staff hurt.",
            True,
            id="along with",
        ),
        pytest.param(
            "The final count is 37 miners injured, and six rescue staff dead.",
            False,
            id="another state: the staff's dead are no group of the hurt",
        ),
        pytest.param(
            "The final count is 37 miners injured on Monday as well as six rescue staff hurt.",
            False,
            id="more than one word before the coordinator",
        ),
    ],
)
def test_the_smaller_group_is_apart(tmp_path: Path, first: str, apart: bool) -> None:
    graph = story_graph(tmp_path, first, *OTHER)
    staff = count_of(graph, "six rescue staff")
    fact = next(f for f in graph.facts if staff.id in f.claims)
    assert (fact.key.unit == "staff") is apart


def test_the_story_s_own_people_stay_with_the_toll(tmp_path: Path) -> None:
    graph = story_graph(
        tmp_path, "The final count is 37 miners injured, as well as six rescue staff hurt.", *OTHER
    )
    assert fact_id(graph, "six rescue staff") != fact_id(graph, "more than 70")
    assert fact_id(graph, "37 miners") == fact_id(graph, "more than 70")
    assert fact_id(graph, "Nine miners") == fact_id(graph, "more than 70")
