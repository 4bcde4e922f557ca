"""Where and when the story's event happened, as one question each: the dates and places of
a one-off event (a fire, a sinking) whatever verb or subject their sentence has, those of a
gathering by its day, and the dates and places that are not the event's (a statement's day,
another event's date, things that only share the event's noun). Invented sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import extraction_of, fact_with, story_graph

from claimrec.models import Graph

PUBLISHED = dt.date(2025, 3, 5)  # a Wednesday


def predicates(nlp, lexicon, text: str, kind: str) -> dict[str, str]:
    """Each date or place quote of one sentence with the predicate it was given."""
    found = extraction_of(nlp, lexicon, text, published=PUBLISHED).claims
    return {c.evidence.quote: c.predicate for c in found if c.type == kind}


# (sentence, kind, a word of the quote, the predicate it dates or locates)
EVENT_VERBS = [
    pytest.param(
        "Since the blaze began on Monday, 12 people have died.",
        "date",
        "Monday",
        "struck",
        id="a date on a clause whose subject is the event, under another trigger",
    ),
    pytest.param(
        "The vessel went down 40 miles southwest of Pelmar on Tuesday.",
        "location",
        "Pelmar",
        "struck",
        id="a phrase of the event with the event's noun as subject",
    ),
    pytest.param(
        "A trawler carrying migrants from Dravik capsized off Cape Lira.",
        "location",
        "Cape Lira",
        "struck",
        id="the event's own place in the same sentence as a background place",
    ),
    pytest.param(
        "The blaze broke out shortly before midnight on Tuesday.",
        "date",
        "Tuesday",
        "struck",
        id="the event noun's own verb dates the event",
    ),
    pytest.param(
        "Eight tenants died after the blaze that swept through Brackley flats early on Tuesday.",
        "date",
        "Tuesday",
        "struck",
        id="a relative clause on the event noun dates the event",
    ),
    pytest.param(
        "Eight tenants died after the blaze that swept through the Brackley flats in north Varna.",
        "location",
        "Varna",
        "struck",
        id="a relative clause on the event noun locates the event",
    ),
    pytest.param(
        "Residents gathered outside the tower on the morning of the fire.",
        "date",
        "morning",
        "struck",
        id="a date phrase that names its event",
    ),
    pytest.param(
        "The rally moved off from Tamsin Square at noon.",
        "location",
        "Tamsin",
        "protested",
        id="a gathering's noun as subject locates the gathering",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a gathering noun as subject of a verb of moving off is read as a "
            "deployment of people, not as the gathering's place",
        ),
    ),
    pytest.param(
        "The demonstration began outside Tamsin Square at noon.",
        "location",
        "Tamsin",
        "protested",
        id="a gathering's noun as subject of a verb of beginning locates the gathering",
    ),
]

NOT_EVENT_VERBS = [
    pytest.param(
        "Prices went down in Velmora on Tuesday.",
        "date",
        "Tuesday",
        id="the event's phrase with another subject",
    ),
    pytest.param(
        "A trawler carrying migrants from Dravik capsized off Cape Lira.",
        "location",
        "Dravik",
        id="a place in a clause on the event's subject is background",
    ),
    pytest.param(
        "The fence by the school on Pell Lane is hung with ribbons left there since the fire.",
        "location",
        "Pell Lane",
        id="an event noun after a preposition of time is not what the place locates",
    ),
    pytest.param(
        "Officials said on Monday that the fire started in a kitchen.",
        "date",
        "Monday",
        id="the day of a statement about the event",
    ),
    pytest.param(
        "Three rescue helicopters were still circling the bay late on Wednesday.",
        "date",
        "Wednesday",
        id="a vessel is a thing: its other verbs are not the sinking",
    ),
    pytest.param(
        "The inquiry into the fire will open on 22 November.",
        "date",
        "November",
        id="another event that names the event",
    ),
]


@pytest.mark.parametrize(("text", "kind", "word", "predicate"), EVENT_VERBS)
def test_event_verbs_date_and_place_the_event(
    nlp, lexicon, text: str, kind: str, word: str, predicate: str
) -> None:
    found = predicates(nlp, lexicon, text, kind)
    assert [p for q, p in found.items() if word in q] == [predicate], found


@pytest.mark.parametrize(("text", "kind", "word"), NOT_EVENT_VERBS)
def test_other_verbs_do_not_date_the_event(nlp, lexicon, text: str, kind: str, word: str) -> None:
    found = predicates(nlp, lexicon, text, kind)
    assert all(
        lexicon.predicates.get(p) is None or not lexicon.predicates[p].once
        for q, p in found.items()
        if word in q
    ), found


# ------------------------------------------------------------------ end to end


def graph_of(tmp_path: Path, *articles: str) -> Graph:
    return story_graph(tmp_path, *articles, published=PUBLISHED)


FIRE = [
    "The blaze started at about 3am on Tuesday at the Kessel tower on Mirren Road.",
    "Twelve people are known to have died after the blaze that swept through the Kessel tower "
    "in east Varna early on Tuesday, police said on Thursday.",
    "The Orlin district council told reporters on Monday that the inquiry into the fire "
    "would open on 22 April.",
]


def test_every_date_of_the_event_is_one_question(tmp_path: Path) -> None:
    graph = graph_of(tmp_path, *FIRE)
    fact = fact_with(graph, "date", "Tuesday", "started")
    assert fact.id == fact_with(graph, "date", "Tuesday", "swept through").id
    assert fact.status == "consistent"


def test_every_place_of_the_event_is_one_question(tmp_path: Path) -> None:
    graph = graph_of(tmp_path, *FIRE)
    fact = fact_with(graph, "location", "Mirren Road")
    assert fact.id == fact_with(graph, "location", "east Varna").id
    assert fact.multi_valued and fact.status != "conflict"


@pytest.mark.parametrize("quote", ["Monday", "22 April", "Thursday"])
def test_other_dates_stay_out_of_the_event(tmp_path: Path, quote: str) -> None:
    graph = graph_of(tmp_path, *FIRE)
    event = fact_with(graph, "date", "Tuesday", "swept through")
    others = [c for c in graph.claims if c.type == "date" and quote in c.evidence.quote]
    assert others and all(c.id not in event.claims for c in others)


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        pytest.param(
            "The blaze began on 3 March.",
            "The blaze began in March, firefighters said.",
            False,
            id="a day and the month it falls in can both be right",
        ),
        pytest.param(
            "The blaze began on Monday night.",
            "The blaze began in the early hours of 3 March.",
            False,
            id="a weekday and the same calendar day",
        ),
        pytest.param(
            "The blaze began in February.",
            "The blaze began in January, firefighters said.",
            False,
            id="two months are too loose to tell one event from another",
        ),
        pytest.param(
            "The blaze began on 3 March.",
            "The blaze began on 1 March, firefighters said.",
            True,
            id="two resolved days of a one-off event cannot both be right",
        ),
    ],
)
def test_dates_of_one_event_conflict_only_when_both_days_are_known(
    tmp_path: Path, first: str, second: str, conflict: bool
) -> None:
    graph = graph_of(tmp_path, first, second)
    dates = [f for f in graph.facts if f.key.type == "date"]
    assert len(dates) == 1, [f.key for f in dates]
    assert (dates[0].status == "conflict") is conflict


def test_a_gatherings_places_are_one_question_per_day(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "About 90,000 people marched across Teravia on Tuesday, the ministry said.\n\n"
        "In Velmora, police counted 30,000 marchers on Tuesday.",
        "On Saturday 1 March, 40,000 people marched in Ostrela.",
    )
    tuesday = fact_with(graph, "location", "Velmora")
    assert tuesday.id == fact_with(graph, "location", "Teravia").id
    assert tuesday.id != fact_with(graph, "location", "Ostrela").id


def test_a_gatherings_dates_on_two_days_are_two_questions(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "About 90,000 people marched across Teravia on Saturday 1 March.",
        "About 70,000 people marched across Teravia on Tuesday 4 March.",
    )
    first = fact_with(graph, "date", "1 March")
    second = fact_with(graph, "date", "4 March")
    assert first.id != second.id
    assert "conflict" not in {first.status, second.status}


def test_another_event_of_its_kind_is_not_the_event(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "The blaze started at about 3am on Tuesday at the Kessel tower.",
        "A similar fire at the Orlin block in Dravik on 12 January killed two people.",
    )
    event = fact_with(graph, "date", "Tuesday", "started")
    earlier = fact_with(graph, "date", "12 January")
    assert earlier.id != event.id and event.status != "conflict"
    assert fact_with(graph, "location", "Dravik").id != fact_with(graph, "location", "Kessel").id


def test_dates_of_earlier_events_of_a_kind_never_clash(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "A similar fire at the Orlin block on 12 January killed two people.",
        "The previous fire broke out at the Corvale tower on 3 February, officials said.",
    )
    earlier = fact_with(graph, "date", "12 January")
    assert earlier.id == fact_with(graph, "date", "3 February").id
    assert earlier.key.scope == "earlier" and earlier.status != "conflict"
