"""Tests for the question a count answers (``reconcile``'s fact key), second pass.

Each table row is one invented sentence or pair of claims and whether they land in one
fact: whose count it is (a subject kept only when the counted phrase names it or the
measure's doer owns it), a table row's label as the place a figure is stated for, a
projection dated after its article as its own question, and a figure its own source
later revised still clashing with an independent figure of its day.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import claim, count, document, entity, exact, time_ref

from claimrec.lexicon import Lexicon
from claimrec.models import Claim, CountValue, Evidence, Fact, Modality
from claimrec.reconcile import reconcile
from claimrec.render.explain import explanation

D = dt.date
TARNIA = "ent:tarnia"  # a country
OSKAR = "ent:oskar-province"  # a province
BUREAU = "ent:tarnia-s-relief-bureau"  # a body that speaks
UNION = "ent:dock-union"
POLICE = "ent:harbour-police"
ENTITIES = [
    entity(TARNIA, "Tarnia", "GPE").model_copy(update={"aliases": ["Tarnia", "Tarnians"]}),
    entity(OSKAR, "Oskar Province", "LOC"),
    entity(BUREAU, "Relief Bureau", "ORG"),
    entity(UNION, "Dock Union", "ORG"),
    entity(POLICE, "Harbour Police", "ORG"),
]
DOCUMENTS = [
    document("a", D(2025, 3, 4)),
    document("b", D(2025, 3, 4)),
    document("c", D(2025, 3, 9)),
]


def said(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def counted(
    cid: str,
    sentence: str,
    quote: str,
    *,
    predicate: str = "killed",
    subject: str | None = None,
    doc: str = "a",
    source: str | None = None,
    value: CountValue | None = None,
    modality: Modality = "asserted",
    time: tuple[dt.date, dt.date] | None = None,
) -> Claim:
    figure = value or exact(
        int("".join(ch for ch in quote.split()[0] if ch.isdigit())), unit="people"
    )
    c = claim(cid, figure, doc=doc, source=source, subject=subject, predicate=predicate)
    return c.model_copy(
        update={
            "evidence": said(sentence, quote),
            "modality": modality,
            "time": time_ref(*time) if time else None,
        }
    )


def facts(claims: list[Claim], lexicon: Lexicon) -> list[Fact]:
    return reconcile(claims, documents=DOCUMENTS, entities=ENTITIES, lexicon=lexicon).facts


def row(name: str, *values: object) -> object:
    return pytest.param(*values, id=name)


# ------------------------------------------------------------------------ whose count

BARE = counted("c0", "The storm killed 300 people, officials said.", "300 people", doc="b")

OWNER = [
    row(
        "the sentence's doer is not whose dead they are",
        counted("c1", "Tarnia's storm killed 310 people.", "310 people", subject=TARNIA),
        True,
    ),
    row(
        "a counted phrase that names the country keeps it",
        counted("c1", "The storm killed 310 Tarnians.", "310 Tarnians", subject=TARNIA),
        False,
    ),
    row(
        "a word inside another word does not name it",
        counted("c1", "The storm killed 310 Tarniansk.", "310 Tarniansk", subject=TARNIA),
        True,
    ),
]


@pytest.mark.parametrize(("other", "same"), OWNER)
def test_whose_count(other: Claim, same: bool, lexicon: Lexicon) -> None:
    assert len(facts([BARE, other], lexicon)) == (1 if same else 2)


@pytest.mark.parametrize(
    ("subject", "kept"),
    [
        row("the sender owns a force", TARNIA, True),
        row("no subject, none kept", None, False),
    ],
)
def test_force_belongs_to_its_sender(subject: str | None, kept: bool, lexicon: Lexicon) -> None:
    sent = counted(
        "c1",
        "Tarnia sent 4,000 soldiers north.",
        "4,000 soldiers",
        predicate="deployed",
        subject=subject,
    )
    [fact] = facts([sent], lexicon)
    assert (fact.key.subject == TARNIA) is kept


# ------------------------------------------------------------------------ table rows

ROWS = [
    row("a province's row", "| Oskar Province | 2,710 | 1,459 |", OSKAR),
    row("a country's row narrows too", "| Tarnia | 2,710 | 1,459 |", TARNIA),
    row("a speaker's row is not a place", "| Relief Bureau | 2,710 | 1,459 |", None),
    row("a date's row is not a place", "| Tuesday 4 March | 2,710 | 1,459 |", None),
    row("prose naming a country does not narrow", "Tarnia counted 2,710 deaths.", None),
]


@pytest.mark.parametrize(("sentence", "place"), ROWS)
def test_table_row_label(sentence: str, place: str | None, lexicon: Lexicon) -> None:
    figure = counted("c1", sentence, "2,710", predicate="killed")
    speaker = counted("c2", "The Relief Bureau said 12 died.", "12 died", source=BUREAU, doc="b")
    by_claim = {c: f.key.location for f in facts([figure, speaker], lexicon) for c in f.claims}
    assert by_claim["c1"] == place


# ------------------------------------------------------------------------ projections

MARCH_20 = (D(2025, 3, 20), D(2025, 3, 20))
MARCH_1 = (D(2025, 3, 1), D(2025, 3, 1))
TODAY = counted("c0", "Some 3,000 people marched today.", "3,000 people", predicate="protest")

PROJECTIONS = [
    row(
        "a figure for a later day is its own question",
        counted(
            "c1",
            "Organisers said 9,000 people will march on March 20.",
            "9,000 people",
            predicate="protest",
            modality="expected",
            time=MARCH_20,
            doc="b",
        ),
        False,
    ),
    row(
        "an undated expectation stays with the count, set aside",
        counted(
            "c1",
            "Organisers expect 9,000 people to march.",
            "9,000 people",
            predicate="protest",
            modality="expected",
            doc="b",
        ),
        True,
    ),
    row(
        "an asserted figure for a later day is no projection",
        counted(
            "c1",
            "Police said 2,900 people marched.",
            "2,900 people",
            predicate="protest",
            time=MARCH_20,
            doc="b",
        ),
        True,
    ),
    row(
        "a past day's expectation stays",
        counted(
            "c1",
            "Organisers had said 9,000 people would march on March 1.",
            "9,000 people",
            predicate="protest",
            modality="expected",
            time=MARCH_1,
            doc="b",
        ),
        True,
    ),
]


@pytest.mark.parametrize(("other", "same"), PROJECTIONS)
def test_projection_for_a_later_day(other: Claim, same: bool, lexicon: Lexicon) -> None:
    found = facts([TODAY, other], lexicon)
    assert len(found) == (1 if same else 2)
    assert all(f.status != "conflict" for f in found)


# ------------------------------------------------------------------------ revised, yet said


def test_a_figure_later_revised_still_clashes_on_its_day(lexicon: Lexicon) -> None:
    """The union says 80,000-100,000 and the police fewer than 20,000 on one day; the
    union's later, smaller figure does not make the first day's pair agree."""
    claims = [
        counted(
            "c1",
            "The Dock Union said 80,000 to 100,000 people marched.",
            "80,000 to 100,000",
            predicate="protest",
            source=UNION,
            value=count(80_000, 100_000, unit="people"),
        ),
        counted(
            "c2",
            "Harbour Police said fewer than 20,000 people marched.",
            "20,000 people",
            predicate="protest",
            source=POLICE,
            doc="b",
            value=count(None, 20_000, unit="people"),
        ),
        counted(
            "c3",
            "The Dock Union now puts the march at 30,000 people.",
            "30,000 people",
            predicate="protest",
            source=UNION,
            doc="c",
        ),
    ]
    [fact] = facts(claims, lexicon)
    assert fact.status == "conflict"
    text = explanation(fact, {UNION: "Dock Union", POLICE: "Harbour Police"})
    assert "80,000-100,000" in text and "up to 20,000" in text
    assert "agree" not in text and "can all be true" not in text


def test_a_set_aside_figure_is_named_in_a_revision(lexicon: Lexicon) -> None:
    """A voice's earlier figure that its latest one replaces is always a revision reason,
    so the fact reads as updated and names both figures."""
    claims = [
        counted(
            "c1",
            "The Dock Union said 80,000 to 100,000 people marched.",
            "80,000 to 100,000",
            predicate="protest",
            source=UNION,
            value=count(80_000, 100_000, unit="people"),
        ),
        counted(
            "c2",
            "The Dock Union said up to 100,000 people marched.",
            "100,000 people",
            predicate="protest",
            source=UNION,
            value=count(None, 100_000, unit="people"),
        ),
        counted(
            "c3",
            "The Dock Union now puts the march at 30,000 people.",
            "30,000 people",
            predicate="protest",
            source=UNION,
            doc="c",
        ),
    ]
    [fact] = facts(claims, lexicon)
    assert fact.status == "updated"
    revised = [r for r in fact.reasons if r.kind == "revision"]
    assert any(r.claims == ["c1", "c3"] for r in revised)


def test_a_consistent_fact_names_values_left_out(lexicon: Lexicon) -> None:
    """Every value is named: a denied figure is said to be left out, never dropped."""
    claims = [
        counted(
            "c1",
            "Police said 46 people were arrested.",
            "46 people",
            predicate="arrested",
            source=POLICE,
        ),
        counted(
            "c2",
            "The union said 46 people were arrested.",
            "46 people",
            predicate="arrested",
            source=UNION,
            doc="b",
        ),
        counted(
            "c3",
            "Police denied that 200 people were arrested.",
            "200 people",
            predicate="arrested",
            source=POLICE,
            modality="negated",
            doc="b",
        ),
    ]
    [fact] = facts(claims, lexicon)
    assert fact.status == "consistent"
    assert "200" in explanation(fact, {})


# ------------------------------------------------------------------------ one gathering a day

CROWD_MONDAY = counted(
    "c0",
    "Police said 3,000 people marched on Monday.",
    "3,000 people",
    predicate="protested",
    source=POLICE,
    time=(D(2025, 3, 3), D(2025, 3, 3)),
)

GATHERINGS = [
    row(
        "another day's crowd is another event",
        counted(
            "c1",
            "Police said 5,000 people marched on Thursday.",
            "5,000 people",
            predicate="protested",
            source=POLICE,
            doc="c",
            time=(D(2025, 3, 6), D(2025, 3, 6)),
        ),
        False,
    ),
    row(
        "the same day's crowd from another voice",
        counted(
            "c1",
            "The union said 9,000 people marched on Monday.",
            "9,000 people",
            predicate="protested",
            source=UNION,
            doc="c",
            time=(D(2025, 3, 3), D(2025, 3, 3)),
        ),
        True,
    ),
    row(
        "a table row's date cell dates its figures",
        counted(
            "c1",
            "| Monday 3 March | Dock Union | 9,000 |",
            "9,000",
            predicate="protested",
            doc="c",
        ),
        True,
    ),
    row(
        "a table row's other date is another event",
        counted(
            "c1",
            "| Thursday 6 March | Dock Union | 9,000 |",
            "9,000",
            predicate="protested",
            doc="c",
        ),
        False,
    ),
]


@pytest.mark.parametrize(("other", "same"), GATHERINGS)
def test_one_gathering_a_day(other: Claim, same: bool, lexicon: Lexicon) -> None:
    found = facts([CROWD_MONDAY, other], lexicon)
    assert len(found) == (1 if same else 2)
    if same:
        assert found[0].key.event_day == D(2025, 3, 3)


def test_a_running_toll_is_one_question_over_days(lexicon: Lexicon) -> None:
    """Deaths are a running total, not a gathering: days form a timeline in one fact."""
    claims = [
        counted("c1", "Police said 12 people died.", "12 people", source=POLICE),
        counted("c2", "Police said 20 people died.", "20 people", source=POLICE, doc="c"),
    ]
    [fact] = facts(claims, lexicon)
    assert fact.key.event_day is None and fact.status == "updated"


def test_a_reprint_speaks_for_its_originals_day(lexicon: Lexicon) -> None:
    documents = [*DOCUMENTS, document("a-reprint", D(2025, 3, 5), copy_of="a")]
    claims = [
        counted(
            "c1",
            "Police said 3,000 people marched.",
            "3,000 people",
            predicate="protested",
            source=POLICE,
        ),
        counted(
            "c2",
            "Police said 3,000 people marched.",
            "3,000 people",
            predicate="protested",
            source=POLICE,
            doc="a-reprint",
        ),
    ]
    result = reconcile(claims, documents=documents, entities=ENTITIES, lexicon=lexicon)
    assert len(result.facts) == 1


@pytest.mark.parametrize(
    ("quote", "kept"),
    [
        row("a counted phrase naming the country", "40 Tarnian workers", True),
        row("a bare counted phrase", "40 workers", False),
    ],
)
def test_whose_count_without_a_measure(quote: str, kept: bool, lexicon: Lexicon) -> None:
    """A count with no measure keeps its subject only when its phrase names it, too."""
    entities = [
        e.model_copy(update={"aliases": [*e.aliases, "Tarnian"]}) if e.id == TARNIA else e
        for e in ENTITIES
    ]
    c = counted("c1", f"In the port, {quote} walked out.", quote, subject=TARNIA)
    c = c.model_copy(update={"measure": "other"})
    result = reconcile([c], documents=DOCUMENTS, entities=entities, lexicon=lexicon)
    assert (result.facts[0].key.subject == TARNIA) is kept


@pytest.mark.parametrize(
    ("sentence", "quote", "scope"),
    [
        row(
            "a rate is its own question",
            "Clinics see 900 new cases a week.",
            "900 new cases",
            "rate",
        ),
        row("new cases are an increment", "Clinics logged 900 new cases.", "900 new cases", "part"),
        row("a total", "Clinics have logged 900 cases in all.", "900 cases", None),
    ],
)
def test_rates_and_increments_are_not_totals(
    sentence: str, quote: str, scope: str | None, lexicon: Lexicon
) -> None:
    total = counted(
        "c0", "Officials said 4,000 cases were recorded.", "4,000 cases", predicate="cases", doc="b"
    )
    found = facts([total, counted("c1", sentence, quote, predicate="cases")], lexicon)
    by_claim = {c: f for f in found for c in f.claims}
    assert by_claim["c1"].key.scope == scope
    assert (by_claim["c0"] is by_claim["c1"]) is (scope is None)


@pytest.mark.parametrize(
    ("predicate", "kept"),
    [
        row("an employer owns its lay-offs", "laid_off", True),
        row("a killer does not own the dead", "killed", False),
    ],
)
def test_doers_that_own_their_count(predicate: str, kept: bool, lexicon: Lexicon) -> None:
    c = counted("c1", "Tarnia cut 600 jobs.", "600 jobs", predicate=predicate, subject=TARNIA)
    [fact] = facts([c], lexicon)
    assert (fact.key.subject == TARNIA) is kept


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        row("a row naming a group", "| Tarnian nationals | 23 |", "row:tarnian nationals"),
        row("a row naming a group in bold", "| **All crew** | **23** |", "row:all crew"),
        row("a row naming who says it", "| Dock Union | 23 |", None),
        row("a row naming a place", "| Oskar Province | 23 |", None),
        row("a row opening with a day", "| Tuesday 4 March | 23 |", None),
        row("prose", "Officials said 23 were freed.", None),
    ],
)
def test_table_row_naming_a_group(sentence: str, scope: str | None, lexicon: Lexicon) -> None:
    c = counted("c1", sentence, "23", predicate="released")
    [fact] = facts([c], lexicon)
    assert fact.key.scope == scope


PROSE_TOLL = counted("p1", "Officials said 19 people were killed.", "19 people", doc="b")


@pytest.mark.parametrize(
    ("sentence", "predicate", "together"),
    [
        row("a row naming only the measure", "| Deaths | 23 |", "killed", True),
        row(
            "a participle and a noun for people", "| Residents evacuated | 23 |", "evacuated", True
        ),
        row("a bold label of the measure", "| **Confirmed deaths** | **23** |", "killed", True),
        row("a total row keeps its row", "| Total killed | 23 |", "killed", False),
        row("a whole of the table's places", "| All districts | 23 |", "evacuated", False),
        row("a kind of people no measure names", "| Tarnian nationals | 23 |", "killed", False),
        row("a label of another measure", "| Injured | 23 |", "killed", False),
    ],
)
def test_table_row_naming_only_its_measure(
    sentence: str, predicate: str, together: bool, lexicon: Lexicon
) -> None:
    """A row whose label only says what its figure counts answers the prose question."""
    prose = counted(
        "p1", "Officials gave a figure of 19 people.", "19 people", doc="b", predicate=predicate
    )
    c = counted("c1", sentence, "23", predicate=predicate)
    keys = {f.key for f in facts([prose, c], lexicon)}
    assert (len(keys) == 1) is together


def test_two_rows_of_one_measure_stay_apart(lexicon: Lexicon) -> None:
    """Two rows that each name only the measure, in one document, split it."""
    crew = counted("c1", "| Crew killed | 23 |", "23")
    riders = counted("c2", "| Passengers killed | 40 |", "40")
    keys = {f.key.scope for f in facts([crew, riders, PROSE_TOLL], lexicon)}
    assert keys == {"row:crew killed", "row:passengers killed", None}


def test_a_row_naming_a_kind_counted_apart_stays_apart(lexicon: Lexicon) -> None:
    """Where prose counts two kinds side by side, a row naming one keeps its label."""
    prose = counted(
        "p1",
        "Police said 19 officers and 40 marchers were injured.",
        "19 officers",
        doc="b",
        predicate="injured",
    )
    prose = prose.model_copy(update={"counted": "officer"})
    other = counted(
        "p2",
        "Police said 19 officers and 40 marchers were injured.",
        "40 marchers",
        doc="b",
        predicate="injured",
    )
    other = other.model_copy(update={"counted": "marcher"})
    c = counted("c1", "| Officers injured | 23 |", "23", predicate="injured")
    [row_fact] = [f for f in facts([prose, other, c], lexicon) if "c1" in f.claims]
    assert row_fact.key.scope == "row:officers injured"
