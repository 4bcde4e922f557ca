"""A table row whose later cell names who gives the figure ("| Ostrava | 3,140 | Rescue
board |") is labelled by what it counts, even with a name read as a person's: a row of
its own. A row whose label is the voice ("| Police | 14,000 |") stays a rival estimate of
one question. A row labelled as a total keeps its own row (pooling it with the story's
prose count risks a conflict between two questions). Invented tables."""

from __future__ import annotations

from pathlib import Path

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


def test_total_row_keeps_its_row(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, TABLE.format(label="All counties"), PROSE)
    fact = next(f for f in graph.facts if count_of(graph, "7,020").id in f.claims)
    assert fact.key.scope == "row:all counties"


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
