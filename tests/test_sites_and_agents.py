"""Counts stated for a site, a unit or an agent answer narrower questions than the total
(issue 10, "the question"), end to end on invented articles: a site named after "at" on
a state or an event noun, "there" pointing back to the paragraph's last place, "the
plant" pointing back to the named plant, and a site named for its town."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, fact_id, location_name, story_graph

from claimrec.cues import is_breakdown
from claimrec.lexicon import load_lexicon
from claimrec.models import Evidence, Graph


def graph_of(tmp_path: Path, *articles: str) -> Graph:
    return story_graph(tmp_path, *articles)


PLACES = [
    pytest.param(
        "Brisco Foods estimated the number of workers on strike at Welby at 645.",
        "645",
        "Welby",
        id="a place on a state phrase's object: on strike at X",
    ),
    pytest.param(
        "Local 88 put its walkout at Brantley, which makes vans, at around 1,900.",
        "1,900",
        "Brantley",
        id="a place on the verb an event noun is the object of",
    ),
    pytest.param(
        "A picket line formed outside Corran Works at dawn. Stewards of Branch 5 say roughly 740 "
        "workers walked out there.",
        "740",
        "Corran Works",
        id="there points back to the paragraph's last place, not to the speaker",
    ),
    pytest.param(
        "The agency said the outbreak had killed 610 people. Kestovia now has more "
        "fatalities than its neighbours combined, at 212.",
        "212",
        "Kestovia",
        id="a named place that has what is counted is where the count holds",
    ),
    pytest.param(
        "Halcyon Motors has recorded 40 deaths among its workers, the union said.",
        "40 deaths",
        None,
        id="negative: an organisation that records a count is no place",
    ),
    pytest.param(
        "Fire crews reached the Castelmar Tower at dawn. Officials said 40 people died in the "
        "tower.",
        "40 people",
        "Castelmar Tower",
        id="the tower: back to the last named tower",
    ),
    pytest.param(
        "Government officials said in Velmar that 300 workers were on strike.",
        "300",
        None,
        id="negative: the place of a statement is not the count's",
    ),
    pytest.param(
        "Staff at Halcyon Motors said 2,000 workers were on strike.",
        "2,000",
        None,
        id="negative: a speaker's organisation is not a site",
    ),
    pytest.param(
        "Volunteers set up a field clinic on Monday. Medics said 28 children were treated "
        "at the clinic.",
        "28 children",
        None,
        id="negative: the centre of a kind, with no name, is no named site",
    ),
]


@pytest.mark.parametrize(("text", "quote", "place"), PLACES)
def test_count_site(tmp_path: Path, text: str, quote: str, place: str | None) -> None:
    assert location_name(graph_of(tmp_path, text), quote) == place


QUESTIONS = [
    pytest.param(
        [
            "Brisco Foods estimated the number of workers on strike at Welby at 645. "
            "Nationwide, 9,500 union members are out on strike, the union says."
        ],
        "645",
        "9,500",
        False,
        id="a site's strikers and the national total are two questions",
    ),
    pytest.param(
        [
            "Picket lines formed at Brisco Foods' Welby Packing plant on Tuesday. The Food "
            "Workers' Guild said about 610 members went on strike at the plant. In a statement, "
            "Brisco Foods estimated the number of workers on strike at Welby at 645."
        ],
        "610",
        "645",
        True,
        id="the plant and the town it is named for: one site, one question",
    ),
    pytest.param(
        [
            "Local 88 put its walkout at Brantley at around 1,900.",
            "Local 40 put its walkout at Castor at around 2,400.",
        ],
        "1,900",
        "2,400",
        False,
        id="two sites' walkouts are two questions",
    ),
]


@pytest.mark.parametrize(("articles", "a", "b", "same"), QUESTIONS)
def test_site_question(tmp_path: Path, articles: list[str], a: str, b: str, same: bool) -> None:
    graph = graph_of(tmp_path, *articles)
    assert (fact_id(graph, a) == fact_id(graph, b)) is same


def test_a_count_across_listed_places_is_no_one_place(tmp_path: Path) -> None:
    """A count stated for a list of places is across them all: not the first one's."""
    graph = graph_of(
        tmp_path,
        "The agency said on Tuesday the fever had reached 2,100 cases recorded in Teravia, "
        "Kestovia and Ostravia. Officials in Teravia said there were 900 cases in Teravia.",
    )
    assert fact_id(graph, "2,100 cases") != fact_id(graph, "900 cases")


def test_a_count_located_in_two_places_is_no_one_place(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "Floods displaced 3,000 people in Teravia and Kestovia on Monday. Officials said "
        "1,000 people were displaced in Teravia on Monday.",
    )
    assert location_name(graph, "3,000 people") is None
    assert location_name(graph, "1,000 people") == "Teravia"


def test_site_conflict_survives_one_unnamed(tmp_path: Path) -> None:
    """Two figures for one site still clash when only one names it, the other saying "the
    plant" (the conflict must not be lost by the site split)."""
    graph = graph_of(
        tmp_path,
        "Picket lines formed at Brisco Foods' Welby Packing plant on Tuesday. The Food Workers' "
        "Guild said about 610 members went on strike at the plant. In a statement, Brisco Foods "
        "estimated the number of workers on strike at Welby at 645.",
    )
    fact = next(f for f in graph.facts if f.id == fact_id(graph, "645"))
    assert fact.status == "conflict"


LAYOFFS = (
    "Where the layoffs stand:\n\n"
    "- Laid off by Halcyon Motors: around 2,100, the bulk of them at its Selm depot, the "
    "company says.\n"
    "- Laid off by Brenmark Motors: 1,400, Brenmark Motors says.\n"
    "- All three companies: roughly 4,000, compared with more than 3,900 on Tuesday."
)
TOTAL = (
    "Together, Halcyon Motors, Brenmark Motors and Oskel Motors laid off over 3,900 workers, "
    "the union said. Brenmark Motors said it had laid off 1,400 workers."
)

AGENTS = [
    pytest.param("around 2,100", "1,400", False, id="two companies' layoffs: two questions"),
    pytest.param(
        "around 2,100", "roughly 4,000", False, id="a company's layoffs are not the total"
    ),
    pytest.param(
        "roughly 4,000", "3,900 workers", True, id="a total across the companies, however named"
    ),
    pytest.param("1,400", "1,400 workers", True, id="'X said it had laid off' is X's, like 'by X'"),
    pytest.param(
        "1,400 workers", "3,900 workers", False, id="one of several agents is not all of them"
    ),
]


@pytest.mark.parametrize(("a", "b", "same"), AGENTS)
def test_agent_question(tmp_path: Path, a: str, b: str, same: bool) -> None:
    graph = graph_of(tmp_path, LAYOFFS, TOTAL)
    assert (fact_id(graph, a) == fact_id(graph, b)) is same


SUBJECTS = [
    pytest.param(
        "- Laid off by Halcyon Motors: around 2,100, the company says.",
        "2,100",
        "Halcyon Motors",
        id="a label's passive agent owns its figure",
    ),
    pytest.param(
        "Brenmark Motors laid off 900 workers on Monday. Halcyon Motors' layoff of some 400 "
        "at Castor Assembly remains in place.",
        "some 400",
        "Halcyon Motors",
        id="an event noun's named possessor is its doer, not the last subject",
    ),
    pytest.param(
        "Brenmark Motors laid off 900 workers on Monday.\n\n- All three companies: roughly 4,000.",
        "4,000",
        None,
        id="negative: an unnamed label lends no earlier subject",
    ),
]


@pytest.mark.parametrize(("text", "quote", "subject"), SUBJECTS)
def test_label_subject(tmp_path: Path, text: str, quote: str, subject: str | None) -> None:
    graph = graph_of(tmp_path, text)
    claim = count_of(graph, quote)
    names = {e.id: e.name for e in graph.entities}
    assert (names.get(claim.subject) if claim.subject else None) == subject


def test_source_is_no_owner_of_deaths(tmp_path: Path) -> None:
    """Negative: only a doer of an agent-owned measure keeps itself as subject when it is
    the source; a police force saying how many died does not own the dead."""
    graph = graph_of(
        tmp_path,
        "The Selm police said 14 people died in the fire.",
        "The Selm hospital said 14 people died in the fire.",
    )
    deaths = [c for c in graph.claims if c.type == "count" and "14 people" in c.evidence.quote]
    facts = {f.id for f in graph.facts for c in deaths if c.id in f.claims}
    assert len(facts) == 1


def _evidence(sentence: str, quote: str) -> Evidence:
    at = sentence.index(quote)
    return Evidence(start=at, end=at + len(quote), quote=quote, sentence=sentence)


BREAKDOWNS = [
    pytest.param(
        "Police put the death toll at 96: 80 men, 13 women and three children.",
        "13 women",
        True,
        id="an item of a breakdown after a total and a colon",
    ),
    pytest.param(
        "The army said 23 hostages were freed on Friday: 15 Velorians, six Ostravians and "
        "two Kestovans.",
        "15 Velorians",
        True,
        id="the first item, a few words after the total",
    ),
    pytest.param(
        "The coroner's tally stands at 38: the 37 passengers killed on the bridge and a "
        "driver, Ivo Masik, who died weeks later.",
        "the 37 passengers killed on the bridge",
        True,
        id="items that open with 'the' or 'a', one with an appositive name",
    ),
    pytest.param(
        "Police put the death toll at 96: 80 men, 13 women and three children.",
        "96",
        False,
        id="negative: the total itself",
    ),
    pytest.param(
        "At 10:30, 300 people had gathered and 40 police stood by.",
        "300 people",
        False,
        id="negative: a clock time is no total",
    ),
    pytest.param(
        "Day 4: 23 hostages freed, 41 prisoners released.",
        "41 prisoners",
        False,
        id="negative: a heading's number is no total",
    ),
    pytest.param(
        "The toll rose to 40 on Monday: police said 12 more died.",
        "12",
        False,
        id="negative: a clause after the colon, no list",
    ),
]


@pytest.mark.parametrize(("sentence", "quote", "part"), BREAKDOWNS)
def test_breakdown_cue(sentence: str, quote: str, part: bool) -> None:
    words = frozenset(load_lexicon().prefilter.number_words)
    assert is_breakdown(_evidence(sentence, quote), words) is part


def test_breakdown_parts_are_never_the_total(tmp_path: Path) -> None:
    """The parts of a total are scope ``part``: never compared with the total, a total from
    another source, or each other."""
    graph = graph_of(
        tmp_path,
        "Police put the death toll at 96: 80 men, 13 women and three children.",
        "The ministry said 130 people died.",
    )
    total, part = fact_id(graph, "96"), fact_id(graph, "80 men")
    assert total == fact_id(graph, "130 people")
    assert part != total
    fact = next(f for f in graph.facts if f.id == part)
    assert fact.key.scope == "part"
    assert fact.status != "conflict"


def test_coordinated_agents_after_a_fronted_date(tmp_path: Path) -> None:
    """A total across companies after a fronted date is not the last-named company's."""
    graph = graph_of(
        tmp_path,
        "Brenmark Motors laid off 900 workers on Monday. Since the stoppage started on June 9, "
        "Halcyon Motors, Brenmark Motors and Oskel Motors have together laid off over 3,900 "
        "workers.",
    )
    assert fact_id(graph, "900 workers") != fact_id(graph, "3,900 workers")
    assert count_of(graph, "3,900 workers").subject != count_of(graph, "900 workers").subject


def test_an_employer_struck_at_still_owns_its_layoffs(tmp_path: Path) -> None:
    """'On strike at X' makes X where a strike is; X still owns the workers it laid off, so
    its layoffs are not pooled with another company's."""
    graph = graph_of(
        tmp_path,
        "Halcyon Motors laid off 2,000 workers on Monday. Union officials said 5,000 workers "
        "were on strike at Halcyon Motors. Brenmark Motors laid off 1,000 workers on Monday.",
    )
    assert fact_id(graph, "2,000 workers") != fact_id(graph, "1,000 workers")
