"""The moment a figure speaks for, and figures that are no claim at all: a correction note's
wrong figure is withdrawn, not a rival of the right one; "up from 37" names the earlier
state a figure rose from; a running total hurt "in Monday's clashes" speaks for when it was
reported, not for Monday; a release's "Issued at X on <date>" line dates it. Invented
sentences, each kind with its negative (the figures that must still clash)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import story_graph

from claimrec.cues import in_correction_note, is_earlier, rules_out
from claimrec.datelined import dateline_date
from claimrec.lexicon import Lexicon
from claimrec.models import Evidence, Fact, Graph
from claimrec.pipeline import build

MONDAY = dt.date(2025, 3, 3)
THURSDAY = dt.date(2025, 3, 6)


def said(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def dated_story(folder: Path, *articles: tuple[dt.date, str]) -> Graph:
    """One story of invented articles, each with its own date."""
    corpus = folder / "story"
    corpus.mkdir()
    for i, (day, text) in enumerate(articles):
        header = f"---\npublished: {day.isoformat()}\n---\n"
        (corpus / f"a{i}.txt").write_text(header + text + "\n", encoding="utf-8")
    return build([corpus])


def fact_of(graph: Graph, quote: str) -> Fact:
    claim = next(c for c in graph.claims if c.type == "count" and c.evidence.quote == quote)
    return next(f for f in graph.facts if claim.id in f.claims)


def role_of(graph: Graph, quote: str) -> str:
    claim = next(c for c in graph.claims if c.type == "count" and c.evidence.quote == quote)
    fact = fact_of(graph, quote)
    return next(v.role for v in fact.values if claim.id in v.claims)


# ------------------------------------------------------------------------ cue words


@pytest.mark.parametrize(
    ("sentence", "quote", "earlier"),
    [
        ("Rangers said 42 hikers had been hurt, up from 37.", "37", True),
        ("Rangers said 42 hikers had been hurt, up from 37.", "42", False),
        ("The toll fell to 20, down from the 26 given on Monday.", "26", True),
        ("The toll fell to 20, down from the 26 given on Monday.", "20", False),
        ("Up from the valley came 30 walkers.", "30", False),
    ],
)
def test_up_from_marks_only_the_figure_after_it(
    sentence: str, quote: str, earlier: bool, lexicon: Lexicon
) -> None:
    assert is_earlier(said(sentence, quote), lexicon.reconcile) is earlier


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("A previous edition of the story said 21 climbers were hurt.", True),
        ("Correction: A report on Monday said 21 climbers were hurt.", True),
        ("Editor's note: a previous story put the number of hurt climbers at 21.", True),
        ("The rescue office said 21 climbers were hurt.", False),
        ("Correction officers said: 21 inmates were hurt.", False),
    ],
)
def test_a_correction_note_tells_what_an_earlier_report_said(
    sentence: str, note: bool, lexicon: Lexicon
) -> None:
    assert in_correction_note(sentence, lexicon.reconcile) is note


@pytest.mark.parametrize(
    ("sentence", "ruled_out"),
    [
        ("That figure was wrong.", True),
        ("The correct number was 12.", True),
        ("The office has since withdrawn that figure.", True),
        ("The office now says 25 were hurt.", False),
        ("The guides stand by that count.", False),
    ],
)
def test_the_next_sentence_rules_the_figure_out(
    sentence: str, ruled_out: bool, lexicon: Lexicon
) -> None:
    assert rules_out(sentence, lexicon.reconcile) is ruled_out


# ------------------------------------------------------------------------ correction notes

REPORT = "The Vellmar rescue office said 12 people were injured in the rockfall."


@pytest.mark.parametrize(
    ("note", "withdrawn"),
    [
        pytest.param(
            "Rescuers searched the north face on Monday.\n\n"
            "Editor's note: A previous edition of the story said 21 people were injured "
            "in the rockfall. The correct figure, according to the Vellmar rescue office, "
            "was 12.",
            True,
            id="an earlier version, then the correct figure",
        ),
        pytest.param(
            "Rescuers searched the north face on Monday.\n\n"
            "Correction: An older edition of our story said 21 people were injured "
            "in the rockfall. That figure was wrong.",
            True,
            id="an earlier version, then it was wrong",
        ),
        pytest.param(
            "Rescuers searched the north face on Monday.\n\n"
            "Correction: A report by the Brask guides said 21 people were injured in the "
            "rockfall. The guides stand by that count.",
            False,
            id="a note whose next sentence rules nothing out",
        ),
    ],
)
def test_a_correction_notes_figure_is_withdrawn(tmp_path: Path, note: str, withdrawn: bool) -> None:
    graph = story_graph(tmp_path, REPORT, note)
    assert (role_of(graph, "21 people") == "superseded") is withdrawn
    assert (fact_of(graph, "21 people").status == "conflict") is not withdrawn


# ------------------------------------------------------------------------ the moment


@pytest.mark.parametrize(
    ("later", "conflict"),
    [
        pytest.param(
            "The Dorne home office said 42 officers had been injured in Monday's clashes.",
            False,
            id="a running total dated by its event: it speaks for its report",
        ),
        pytest.param(
            "The Dorne home office said 42 officers had been injured on Monday.",
            True,
            id="a figure dated to Monday: two voices that day",
        ),
    ],
)
def test_a_time_on_a_happening_dates_the_happening(
    tmp_path: Path, later: str, conflict: bool
) -> None:
    graph = dated_story(
        tmp_path,
        (MONDAY, "Nine officers were injured in the clashes, the Dorne police said."),
        (THURSDAY, later),
    )
    assert (fact_of(graph, "Nine officers").status == "conflict") is conflict


@pytest.mark.parametrize(
    ("later", "conflict"),
    [
        pytest.param(
            "The Dorne police said 48 officers had been injured, up from 40.",
            False,
            id="the lower figure is the state it rose from",
        ),
        pytest.param(
            "The Dorne police said 40 officers had been injured.",
            True,
            id="a later, lower figure from another voice",
        ),
    ],
)
def test_up_from_is_no_later_fall(tmp_path: Path, later: str, conflict: bool) -> None:
    graph = dated_story(
        tmp_path,
        (MONDAY, "The Dorne home office said 45 officers had been injured."),
        (THURSDAY, later),
    )
    assert (fact_of(graph, "45 officers").status == "conflict") is conflict


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("PRESS RELEASE No. 4\nIssued at Selm on 4 March 2025, 10:00\n", dt.date(2025, 3, 4)),
        ("STATEMENT\nReleased 4 March 2025\n", dt.date(2025, 3, 4)),
        ("NOTICE\nIssued on the orders of the board on 4 March 2025 by the clerk\n", None),
        ("Issued warnings to 4,000 people on 4 March 2025.\n", None),
    ],
)
def test_an_issue_line_dates_a_release(head: str, day: dt.date | None) -> None:
    assert dateline_date(head + "The river rose overnight.") == day


@pytest.mark.parametrize(
    ("text", "conflict"),
    [
        pytest.param(
            "Sunday's rally in Brenhaven drew a crowd that police put at 8,000. "
            "Organisers said 25,000 people had taken part.",
            True,
            id="the next sentence goes on counting Sunday's rally",
        ),
        pytest.param(
            "Sunday's rally in Brenhaven drew a crowd that police put at 8,000.\n\n"
            "The council met on Monday to discuss the roads.\n\n"
            "Organisers said 25,000 people had taken part in a vigil.",
            False,
            id="a crowd paragraphs away is not that rally's",
        ),
    ],
)
def test_an_undated_crowd_goes_on_counting_the_gathering_before(
    tmp_path: Path, text: str, conflict: bool
) -> None:
    graph = dated_story(tmp_path, (MONDAY, text))
    assert (fact_of(graph, "8,000").status == "conflict") is conflict


@pytest.mark.parametrize(
    ("later", "conflict"),
    [
        pytest.param(
            "Governor Ana Brill said 45,000 people were evacuated before landfall.",
            True,
            id="both counts are of before the event: one moment",
        ),
        pytest.param(
            "Governor Ana Brill said 45,000 people had now been evacuated.",
            False,
            id="a later running total: an update",
        ),
    ],
)
def test_counts_of_before_the_event_speak_for_one_moment(
    tmp_path: Path, later: str, conflict: bool
) -> None:
    graph = dated_story(
        tmp_path,
        (MONDAY, "The Kessel emergency office said 30,000 people were evacuated before landfall."),
        (THURSDAY, later),
    )
    assert (fact_of(graph, "30,000 people").status == "conflict") is conflict
