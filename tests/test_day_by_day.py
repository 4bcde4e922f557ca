"""Measures that happen day by day over a story (people rescued, evacuated, sheltered): a
count its sentence dates to one day is that day's question, rival figures for the same day
conflict; an undated count, or one its clause makes a running count ("since Monday",
"bringing the total to 19"), answers the running total. Invented stories."""

from __future__ import annotations

import pytest
from builders import count_of, fact_id, story_graph

from claimrec.cues import is_running_count
from claimrec.lexicon import load_lexicon
from claimrec.models import Evidence

RESCUES = (
    "The operator said eight workers were rescued on Monday.",
    "The operator said 11 workers were rescued today, bringing the total brought out alive "
    "to 19. The inspectorate's log records nine workers rescued on Tuesday.",
    "By Thursday the operator said 25 workers had been rescued since the collapse.",
)


def test_each_day_is_its_own_question(tmp_path) -> None:
    graph = story_graph(tmp_path, *RESCUES)
    today, log = fact_id(graph, "11 workers"), fact_id(graph, "nine workers")
    total = fact_id(graph, "19")
    assert today == log  # the same day's rescues, from two voices
    assert today != total  # that day's event is not the running total
    assert fact_id(graph, "25 workers") == total  # "since the collapse": the running total
    assert fact_id(graph, "eight workers") not in {today, total}  # Monday's own
    status = next(f.status for f in graph.facts if f.id == today)
    assert status == "conflict"


def test_shelter_nights_apart(tmp_path) -> None:
    graph = story_graph(
        tmp_path,
        "The halls in Vellin held 2,800 people last night, up from 1,700 on Sunday night.",
    )
    assert fact_id(graph, "2,800 people") != fact_id(graph, "1,700")
    assert count_of(graph, "2,800 people").measure == "displaced"


def test_one_rescue_day_is_the_story_total(tmp_path) -> None:
    """A story whose rescues are dated to one day only (a sinking) has no day-by-day
    questions: a table's "as of" date does not split its figure from the others."""
    graph = story_graph(
        tmp_path,
        "Latest figures from the coastguard: 187 rescued.",
        "| Figure | Source | As of |\n| --- | --- | --- |\n| 215 rescued | Ministry | 3 March |",
    )
    assert fact_id(graph, "187") == fact_id(graph, "215")


def test_undated_rescues_are_the_total(tmp_path) -> None:
    graph = story_graph(
        tmp_path,
        "Crews rescued 40 people, the agency said.",
        "Officials said 60 people had been rescued in all. The agency said 15 people were "
        "rescued on Sunday and 20 people were rescued on Monday.",
    )
    assert fact_id(graph, "40 people") == fact_id(graph, "60 people")
    assert fact_id(graph, "15 people") != fact_id(graph, "60 people")


LEXICON = load_lexicon()


@pytest.mark.parametrize(
    ("sentence", "quote", "running"),
    [
        ("About 12,000 people have been evacuated since Sunday.", "About 12,000 people", True),
        ("Officials said 11 were rescued today, bringing the total to 19.", "19", True),
        # the running phrase of the next clause is not this count's
        ("Officials said 11 were rescued today, bringing the total to 19.", "11", False),
        ("About 4,300 people were ordered out on Tuesday.", "About 4,300 people", False),
    ],
)
def test_running_count_in_its_clause(sentence: str, quote: str, running: bool) -> None:
    at = sentence.index(quote)
    evidence = Evidence(start=at, end=at + len(quote), quote=quote, sentence=sentence)
    assert is_running_count(evidence, LEXICON.reconcile) is running
