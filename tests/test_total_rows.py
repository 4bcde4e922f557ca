"""A table row labelled as the sum of the rows above ("| Total |", "| All counties |") is
the table's whole, the story's count, never a row of its own; and a row whose later cell
names who gives the figure is labelled by what it counts, even with a name read as a
person's. Invented tables, positive and negative."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, fact_id, story_graph

TABLE = """Officials say 9,400 people have been evacuated from the Corvel valley.

## Evacuations by county

| County | Evacuated | Source |
| --- | --- | --- |
| Ostrava | 3,140 | Rescue board |
| Tembley | 2,200 | Rescue board |
| **{label}** | **7,020** | Rescue board |
"""
PROSE = "About 7,310 residents were evacuated overnight, the rescue board said."


@pytest.mark.parametrize(
    ("label", "scope"),
    [
        ("All counties", None),
        ("Total", None),
        ("Overall", None),
        ("Upper valley", "row:upper valley"),
        ("All residents", "row:all residents"),
    ],
)
def test_total_row_scope(tmp_path: Path, label: str, scope: str | None) -> None:
    graph = story_graph(tmp_path, TABLE.format(label=label), PROSE)
    fact = next(f for f in graph.facts if count_of(graph, "7,020").id in f.claims)
    assert fact.key.scope == scope


def test_total_row_joins_the_story_count(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, TABLE.format(label="All counties"), PROSE)
    assert fact_id(graph, "7,020") == fact_id(graph, "About 7,310")


def test_row_with_a_source_column(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, TABLE.format(label="All counties"), PROSE)
    fact = next(f for f in graph.facts if count_of(graph, "3,140").id in f.claims)
    assert fact.key.scope == "row:ostrava"
    assert fact_id(graph, "3,140") != fact_id(graph, "About 7,310")


VOICES = """Marchers filled the Ferrand boulevard on Saturday.

| Who | Marchers |
| --- | --- |
| Police | 14,000 |
| Stewards | 52,000 |
"""


def test_row_of_who_says_what_stays_one_question(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, VOICES)
    assert fact_id(graph, "14,000") == fact_id(graph, "52,000")
