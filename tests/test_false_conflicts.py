"""Tests for false conflicts and found ones: figures that answer another question (a
breakdown of a total, a time word belonging to a neighbouring figure) and the real clash
they used to hide or fake. One invented sentence per row, positive and negative."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import claim, document, entity, exact, extraction_of

from claimrec.cues import is_earlier, is_scenario
from claimrec.lexicon import Lexicon
from claimrec.models import Claim, Evidence, Fact
from claimrec.reconcile import reconcile

D = dt.date
BUREAU = "ent:relief-bureau"
COUNCIL = "ent:harbour-council"
ENTITIES = [entity(BUREAU, "Relief Bureau", "ORG"), entity(COUNCIL, "Harbour Council", "ORG")]
DOCUMENTS = [document("a", D(2025, 3, 4)), document("b", D(2025, 3, 4))]


def said(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def figure(
    cid: str,
    sentence: str,
    quote: str,
    n: int,
    *,
    doc: str = "a",
    source: str | None = BUREAU,
    predicate: str = "released",
    offset: int = 0,
) -> Claim:
    c = claim(cid, exact(n, unit="people"), doc=doc, source=source, predicate=predicate)
    ev = said(sentence, quote)
    return c.model_copy(
        update={
            "evidence": ev.model_copy(update={"start": ev.start + offset, "end": ev.end + offset})
        }
    )


def facts(claims: list[Claim], lexicon: Lexicon) -> list[Fact]:
    return reconcile(claims, documents=DOCUMENTS, entities=ENTITIES, lexicon=lexicon).facts


def fact_of(cid: str, found: list[Fact]) -> Fact:
    return next(f for f in found if cid in f.claims)


# ------------------------------------------------------------------------ earlier: whose time word


@pytest.mark.parametrize(
    ("sentence", "quote", "earlier"),
    [
        ("The bureau counted nine freed, five at dusk and four earlier.", "nine", False),
        ("The bureau counted nine freed, five at dusk and four earlier.", "four", True),
        ("Officials initially said 40 had drowned, and later 65.", "65", False),
        ("Officials initially said 40 had drowned, and later 65.", "40", True),
        ("Earlier that morning a bulletin had listed 17 bodies.", "17", True),
        ("The council said 70 had been found, more than reported earlier.", "70", True),
    ],
)
def test_time_word_belongs_to_nearest_figure(
    sentence: str, quote: str, earlier: bool, lexicon: Lexicon
) -> None:
    assert is_earlier(said(sentence, quote), lexicon.reconcile) is earlier


# ------------------------------------------------------------------------ breakdowns

FREED = "The bureau counted nine freed on Tuesday, five at dusk and four earlier."
TALLY = "The bureau put the figure at 40: 31 men, 7 women and two children."


def breakdown(sentence: str, quotes: list[tuple[str, int]]) -> list[Claim]:
    return [figure(f"c{i}", sentence, q, n) for i, (q, n) in enumerate(quotes)]


BREAKDOWNS = [
    pytest.param(
        TALLY,
        [("40", 40), ("31 men", 31), ("7 women", 7), ("two children", 2)],
        {"c1", "c2", "c3"},
        id="a total then its parts after a colon",
    ),
    pytest.param(
        FREED,
        [("nine", 9), ("five", 5), ("four", 4)],
        {"c1", "c2"},
        id="a day's total then its parts",
    ),
    pytest.param(
        "The bureau freed 12 on Monday, 5 on Tuesday and 4 on Friday.",
        [("12", 12), ("5", 5), ("4", 4)],
        set(),
        id="figures that do not add up are no breakdown",
    ),
    pytest.param(
        "Ships brought 40, 31 and 9 people.",
        [("40", 40), ("31", 31), ("9", 9)],
        {"c1", "c2"},
        id="a list adding up to the first is read as its parts",
    ),
    pytest.param(
        "The bureau freed 40 and 40.",
        [("40", 40), ("40 and", 40)],
        set(),
        id="one figure is no breakdown",
    ),
]


@pytest.mark.parametrize(("sentence", "quotes", "parts"), BREAKDOWNS)
def test_breakdown_parts(
    sentence: str, quotes: list[tuple[str, int]], parts: set[str], lexicon: Lexicon
) -> None:
    found = facts(breakdown(sentence, quotes), lexicon)
    marked = {c for f in found if f.key.scope == "part" for c in f.claims}
    assert marked == parts


def test_part_of_a_breakdown_is_no_rival_total(lexicon: Lexicon) -> None:
    """Two children in a breakdown of 40 never clash with another voice's 41 that day."""
    parts = breakdown(TALLY, [("40", 40), ("31 men", 31), ("7 women", 7), ("two children", 2)])
    other = figure("d", "The council raised it to 41.", "41", 41, doc="b", source=COUNCIL)
    found = facts([*parts, other], lexicon)
    assert fact_of("c3", found).status != "conflict"


def test_two_voices_give_two_day_totals(lexicon: Lexicon) -> None:
    """A day's total from one voice and another's differ: a conflict the time word of a
    listed part must not hide."""
    ours = breakdown(FREED, [("nine", 9), ("five", 5), ("four", 4)])
    theirs = figure(
        "d",
        "The council's tally for the whole day was eleven.",
        "eleven",
        11,
        doc="b",
        source=COUNCIL,
    )
    assert fact_of("d", facts([*ours, theirs], lexicon)).status == "conflict"


# ------------------------------------------------------------------------ whose count: "by X"


def extracted_subjects(nlp, lexicon: Lexicon, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    claims = extraction_of(nlp, lexicon, text).claims
    return {
        c.evidence.quote: (c.subject.text if c.subject else None)
        for c in claims
        if c.type == "count"
    }


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        ("- Laid off by Corvena: around 2,150, the company says.", "around 2,150", "Corvena"),
        ("About 600 workers were laid off by Tessmark on Monday.", "About 600 workers", "Tessmark"),
        ("Tessmark said about 600 workers were laid off on Monday.", "about 600 workers", None),
    ],
)
def test_passive_doer_owns_the_count(nlp, lexicon: Lexicon, text: str, quote: str, subject) -> None:  # type: ignore[no-untyped-def]
    assert extracted_subjects(nlp, lexicon, text).get(quote) == subject


# ------------------------------------------------------------------------ one question, any wording


def extracted_predicates(nlp, lexicon: Lexicon, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    claims = extraction_of(nlp, lexicon, text).claims
    return {c.evidence.quote: c.predicate for c in claims if c.type == "count"}


@pytest.mark.parametrize(
    ("text", "quote", "residence"),
    [
        ("The landlord said 260 tenants lived in the Harlow terrace.", "260 tenants", True),
        ("Neighbours described the block as home to 500 people.", "500 people", True),
        ("About 40 people live on the upper floors.", "About 40 people", True),
        ("The landlord said 260 tenants were in the Harlow terrace.", "260 tenants", False),
        ("Neighbours said 500 people had gone home.", "500 people", False),
    ],
)
def test_people_living_somewhere_is_one_question(  # type: ignore[no-untyped-def]
    nlp, lexicon: Lexicon, text: str, quote: str, residence: bool
) -> None:
    assert (extracted_predicates(nlp, lexicon, text).get(quote) == "resided") is residence


# ------------------------------------------------------------------------ "N of them": part or all


def in_text(cid: str, text: str, sentence: str, quote: str, n: int, predicate: str) -> Claim:
    """A claim whose sentence stands at its place in ``text`` (offsets as in a document)."""
    return figure(cid, sentence, quote, n, predicate=predicate, offset=text.index(sentence))


PARTITIVES = [
    pytest.param(
        "Police believe 300 people were in the block. Cameras show 220 of them escaping.",
        None,
        False,
        id="of everyone there: the whole escape count",
    ),
    pytest.param(
        "Police believe 300 Velorians were in the block. Cameras show 220 of them escaping.",
        "ent:velor",
        True,
        id="of a named group: a part",
    ),
    pytest.param(
        "Police believe 300 people were in the block. The lifts broke. Cameras show 220 of "
        "them escaping.",
        None,
        True,
        id="a sentence between: no antecedent, still a part",
    ),
]


@pytest.mark.parametrize(("text", "owner", "part"), PARTITIVES)
def test_partitive_of_everyone_counts_the_whole(
    text: str, owner: str | None, part: bool, lexicon: Lexicon
) -> None:
    first, *_, last = [s.strip() + "." for s in text.split(".") if s.strip()]
    whole = in_text("w", text, first, first.split()[2] + " " + first.split()[3], 300, "be")
    whole = whole.model_copy(update={"subject": owner, "measure": "other"})
    escaped = in_text("e", text, last, "220 of them", 220, "survived")
    escaped = escaped.model_copy(update={"subject": None})
    found = facts([whole, escaped], lexicon)
    assert (fact_of("e", found).key.scope == "part") is part


# ------------------------------------------------------------------------ an undated repeat

UNDATED_DOCS = [*DOCUMENTS, document("c", D(2025, 3, 9)), document("u")]


@pytest.mark.parametrize(
    ("undated", "status"),
    [
        pytest.param(90, "updated", id="repeats a dated figure: speaks for its day"),
        pytest.param(70, "conflict", id="a figure found nowhere else: may be any day"),
    ],
)
def test_undated_repeat_speaks_for_its_day(undated: int, status: str, lexicon: Lexicon) -> None:
    toll = [
        figure("a", "The bureau said 90 people died.", "90", 90, predicate="killed"),
        figure("c", "The bureau said 95 people died.", "95", 95, doc="c", predicate="killed"),
        figure(
            "u",
            f"The council said {undated} people died.",
            str(undated),
            undated,
            doc="u",
            source=COUNCIL,
            predicate="killed",
        ),
    ]
    found = reconcile(toll, documents=UNDATED_DOCS, entities=ENTITIES, lexicon=lexicon).facts
    assert fact_of("u", found).status == status


# ------------------------------------------------------------------------ a scenario is no count


@pytest.mark.parametrize(
    ("sentence", "quote", "scenario"),
    [
        ("The director called 2.1 million a worst case he did not expect.", "2.1 million", True),
        ("Under the best-case scenario only 300 would be infected.", "300", True),
        ("The worst-case figure of 40,000 cases was dropped.", "40,000 cases", True),
        ("The agency counted 2,100 cases, the worst week so far.", "2,100 cases", False),
        ("In the worst case the ward had 90 patients.", "90 patients", False),
    ],
)
def test_scenario_is_a_projection(
    sentence: str, quote: str, scenario: bool, lexicon: Lexicon
) -> None:
    assert is_scenario(said(sentence, quote), lexicon.reconcile) is scenario


# ------------------------------------------------------------------------ a group apart


def killed(cid: str, n: int, unit: str, *, doc: str = "a", predicate: str = "killed") -> Claim:
    c = claim(cid, exact(n, unit=unit), doc=doc, source=BUREAU, predicate=predicate)
    return c.model_copy(update={"subject": None})


@pytest.mark.parametrize(
    ("claims", "apart"),
    [
        pytest.param(
            [
                killed("t1", 1200, "people"),
                killed("t2", 1200, "people", doc="b"),
                killed("t3", 1250, "people", doc="b"),
                killed("g", 60, "prisoners", doc="b"),
            ],
            True,
            id="captives' dead beside an attack's toll: their own group",
        ),
        pytest.param(
            [
                killed("t1", 17, "people", predicate="injured"),
                killed("t2", 22, "people", doc="b", predicate="injured"),
                killed("g", 24, "prisoners", predicate="injured"),
                killed("g2", 40, "prisoners", doc="b", predicate="injured"),
            ],
            False,
            id="a riot's hurt inmates: the story's own victims",
        ),
    ],
)
def test_status_group_dead_are_a_group_apart(
    claims: list[Claim], apart: bool, lexicon: Lexicon
) -> None:
    found = facts(claims, lexicon)
    assert (fact_of("g", found).id != fact_of("t1", found).id) is apart


# ------------------------------------------------------------------------ a list label's doer


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        (
            "- On strike: about 9,000 Velor Union members.\n"
            "- Laid off by Corvena: some 1,450, mainly at its Dalby works, the firm says.\n",
            "some 1,450",
            "Corvena",
        ),
        (
            "- On strike: about 9,000 Velor Union members.\n"
            "- Laid off: some 1,450, mainly at its Dalby works, the firm says.\n",
            "some 1,450",
            None,
        ),
    ],
)
def test_list_label_names_the_doer(  # type: ignore[no-untyped-def]
    nlp, lexicon: Lexicon, text: str, quote: str, subject: str | None
) -> None:
    assert extracted_subjects(nlp, lexicon, text).get(quote) in (
        {subject} if subject else {None, "Velor Union"}
    )


@pytest.mark.parametrize(
    ("predicate", "apart"),
    [
        pytest.param("laid_off", True, id="layoffs a company reports are its own"),
        pytest.param("killed", False, id="a toll its reporter counts is not the reporter's"),
    ],
)
def test_doer_that_reports_its_own_count(predicate: str, apart: bool, lexicon: Lexicon) -> None:
    mine = claim(
        "m", exact(2300, unit="workers"), source=BUREAU, subject=BUREAU, predicate=predicate
    )
    theirs = claim(
        "t",
        exact(1865, unit="workers"),
        doc="b",
        source=COUNCIL,
        subject=COUNCIL,
        predicate=predicate,
    )
    found = facts([mine, theirs], lexicon)
    assert (fact_of("m", found).id != fact_of("t", found).id) is apart
