"""A part set off beside its whole that names its own people after the pronoun ("34 were
treated, 12 of them medics") counts those people: it answers the question "including 19
medics" answers. A part with no noun of its own ("14 of them in hospital") keeps the
whole's people, and a named part is no head for a bare figure in the next sentence to
borrow. Invented sentences, positive and negative."""

from __future__ import annotations

from pathlib import Path

from builders import count_of, fact_id, story_graph

NAMED = "Thirty-four people were treated for burns on Monday, 12 of them firefighters."
INCLUDING = "The health office said 45 people were treated for injuries, including 19 firefighters."


def test_a_named_part_is_its_own_people(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, NAMED, INCLUDING)
    assert count_of(graph, "12").value.unit == "rescuers"
    assert fact_id(graph, "12") == fact_id(graph, "19 firefighters")


def test_a_part_with_no_noun_keeps_the_whole_s(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, "Sixty-two were hurt, 14 of them in hospital.", INCLUDING)
    assert count_of(graph, "14").value.unit == "people"
    assert fact_id(graph, "14") != fact_id(graph, "19 firefighters")


def test_a_named_part_lends_no_head(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, "Forty were hurt, nine of them children. Sixty-two were hurt.")
    assert count_of(graph, "nine").value.unit == "children"
    assert count_of(graph, "Sixty-two").value.unit == "people"
