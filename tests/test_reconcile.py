"""Tests for ``claimrec.reconcile``: which claims form one fact, and each fact's status.

Claims, documents and entities are built by hand (no spaCy). The status table holds
one small fact per row; the tests after it pin what the status table cannot show:
edges, revisions, independence, consensus, and that ids and results do not depend on
the order the claims arrive in.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from builders import about, claim, count, date_value, document, entity, exact, time_ref

from claimrec.lexicon import Lexicon
from claimrec.models import Claim, CountValue, Edge, Fact, FactKey, LocationValue, Modality
from claimrec.reconcile import reconcile
from claimrec.render.explain import explanation
from claimrec.values import compatible, count_interval

D = dt.date
INF = float("inf")

KESTOVA = "ent:kestova"  # a country: the usual subject
NOVARIA = "ent:novaria"  # another country
VORSK = "ent:vorsk"  # a region: narrower than a country
LESNO = "ent:lesno"  # another region
MINISTRY = "ent:kestova-s-defense-ministry"
AGENCY = "ent:novaria-s-intelligence-agency"
RESZKE = "ent:anton-reszke"
WIRE = "ent:wire-service"
OFFICIAL_1 = "ent:anon-a-senior-official-111111"
OFFICIAL_2 = "ent:anon-a-senior-official-222222"

ENTITIES = [
    entity(KESTOVA, "Kestova", "GPE"),
    entity(NOVARIA, "Novaria", "GPE"),
    entity(VORSK, "Vorsk", "LOC"),
    entity(LESNO, "Lesno", "LOC"),
    entity(MINISTRY, "Kestova's defense ministry", "GROUP"),
    entity(AGENCY, "Novaria's intelligence agency", "GROUP"),
    entity(RESZKE, "Anton Reszke", "PERSON"),
    entity(WIRE, "Wire Service", "ORG"),
    entity(OFFICIAL_1, "a senior official", "ANON"),
    entity(OFFICIAL_2, "a senior official", "ANON"),
]
COUNTRY_LEVEL = frozenset({KESTOVA, NOVARIA})

# Two articles a day on October 1 and 2, one on October 3, one undated, and a wire copy.
DOCUMENTS = [
    document("oct1-a", D(2024, 10, 1)),
    document("oct1-b", D(2024, 10, 1)),
    document("oct2-a", D(2024, 10, 2)),
    document("oct2-b", D(2024, 10, 2)),
    document("oct3", D(2024, 10, 3)),
    document("undated"),
    document("oct1-a-reprint", D(2024, 10, 1), copy_of="oct1-a"),
]

JUNE = time_ref(D(2024, 6, 1), D(2024, 6, 30))
JUNE_10 = time_ref(D(2024, 6, 10), D(2024, 6, 10))
SEPTEMBER = time_ref(D(2024, 9, 1), D(2024, 9, 30))
UNRESOLVED = JUNE.model_copy(update={"start": None, "end": None, "text": "last month"})


def people(n: int) -> CountValue:
    return exact(n, unit="people")


def killed(cid: str, value: CountValue, doc: str, source: str | None) -> Claim:
    return claim(cid, value, doc=doc, source=source, predicate="killed")


def with_modality(c: Claim, modality: Modality) -> Claim:
    return c.model_copy(update={"modality": modality})


def vague(c: Claim) -> Claim:
    assert isinstance(c.value, CountValue)
    return c.model_copy(update={"value": c.value.model_copy(update={"vague": True})})


def run(
    claims: list[Claim], lexicon: Lexicon, *, documents: list = DOCUMENTS
) -> tuple[list[Fact], list[Edge]]:
    result = reconcile(
        claims,
        documents=documents,
        entities=ENTITIES,
        lexicon=lexicon,
        country_level=COUNTRY_LEVEL,
    )
    return result.facts, result.edges


def one_fact(claims: list[Claim], lexicon: Lexicon) -> tuple[Fact, list[Edge]]:
    found, edges = run(claims, lexicon)
    assert len(found) == 1, [f.key for f in found]
    return found[0], edges


def pairs(edges: list[Edge], kind: str) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in edges if e.kind == kind}


def row(name: str, *values: object, bug: pytest.MarkDecorator | None = None) -> object:
    """One table row, named; ``bug`` marks a row that asserts behaviour the code lacks."""
    return pytest.param(*values, id=name, marks=[bug] if bug else [])


# ------------------------------------------------------------------------ status

STATUS = [
    row("one claim", [claim("c1", exact(10_000), doc="oct1-a")], "single"),
    row(
        "same figure, two sources",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(10_000), doc="oct1-b", source=AGENCY),
        ],
        "consistent",
    ),
    row(
        "different figures, same day",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct1-b", source=AGENCY),
        ],
        "conflict",
    ),
    row(
        "compatible hedges: at least 10,000 and 12,000",
        [
            claim("c1", count(10_000, None), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct1-b", source=AGENCY),
        ],
        "consistent",
    ),
    row(
        "approximately 11,000 and 11,400: within 5%",
        [
            claim("c1", about(11_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(11_400), doc="oct1-b", source=AGENCY),
        ],
        "consistent",
    ),
    row(
        "approximately 11,000 and 12,000: beyond 5%",
        [
            claim("c1", about(11_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct1-b", source=AGENCY),
        ],
        "conflict",
    ),
    row(
        "range contains the figure",
        [
            claim("c1", count(10_000, 12_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(11_000), doc="oct1-b", source=AGENCY),
        ],
        "consistent",
    ),
    row(
        "up to 5,000 and 6,000",
        [
            claim("c1", count(None, 5_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(6_000), doc="oct1-b", source=AGENCY),
        ],
        "conflict",
    ),
    row(
        "same source revises its figure in a later article",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct2-a", source=MINISTRY),
        ],
        "updated",
    ),
    row(
        "same source, two figures on one day",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct1-b", source=MINISTRY),
        ],
        "updated",
    ),
    row(
        "same source, one article undated: no order, no revision",
        [
            claim("c1", exact(10_000), doc="undated", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct2-a", source=MINISTRY),
        ],
        "updated",
    ),
    row(
        "rising toll on later days",
        [
            killed("c1", people(100), "oct1-a", AGENCY),
            killed("c2", people(150), "oct2-a", MINISTRY),
            killed("c3", people(180), "oct3", RESZKE),
        ],
        "updated",
    ),
    row(
        "toll falling on a later day",
        [
            killed("c1", people(150), "oct1-a", AGENCY),
            killed("c2", people(100), "oct2-a", MINISTRY),
        ],
        "conflict",
    ),
    row(
        "two tolls for one day",
        [
            killed("c1", people(100), "oct1-a", AGENCY),
            killed("c2", people(150), "oct1-b", MINISTRY),
        ],
        "conflict",
    ),
    row(
        "rising toll, undated article",
        [
            killed("c1", people(100), "oct1-a", AGENCY),
            killed("c2", people(150), "undated", MINISTRY),
        ],
        "conflict",
    ),
    row(
        "rising figure that is not a toll",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY),
            claim("c2", exact(12_000), doc="oct2-a", source=MINISTRY),
        ],
        "updated",
    ),
    row(
        "times that do not overlap",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY, time=JUNE),
            claim("c2", exact(12_000), doc="oct1-b", source=MINISTRY, time=SEPTEMBER),
        ],
        "updated",
    ),
    row(
        "times that overlap",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY, time=JUNE),
            claim("c2", exact(12_000), doc="oct1-b", source=MINISTRY, time=JUNE_10),
        ],
        "conflict",
    ),
    row(
        "one time unresolved",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY, time=JUNE),
            claim("c2", exact(12_000), doc="oct1-b", source=MINISTRY, time=UNRESOLVED),
        ],
        "conflict",
    ),
    row(
        "one time missing",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY, time=JUNE),
            claim("c2", exact(12_000), doc="oct1-b", source=MINISTRY),
        ],
        "updated",
    ),
    row(
        "several places",
        [
            claim("c1", LocationValue(entity=VORSK), doc="oct1-a", source=AGENCY),
            claim("c2", LocationValue(entity=LESNO), doc="oct1-b", source=MINISTRY),
        ],
        "consistent",
    ),
    row(
        "one-off event on two dates",
        [
            claim("c1", date_value("June 1", D(2024, 6, 1)), predicate="signed", doc="oct1-a"),
            claim("c2", date_value("June 2", D(2024, 6, 2)), predicate="signed", doc="oct1-b"),
        ],
        "conflict",
    ),
    row(
        "one-off event, one date unresolved",
        [
            claim("c1", date_value("June 1", D(2024, 6, 1)), predicate="signed", doc="oct1-a"),
            claim("c2", date_value("last week"), predicate="signed", doc="oct1-b"),
        ],
        "consistent",
    ),
    row(
        # (two days of a recurring event are two questions: test_event_where_when.py)
        "recurring event, one day stated twice",
        [
            claim("c1", date_value("June 1", D(2024, 6, 1)), predicate="protested", doc="oct1-a"),
            claim("c2", date_value("Saturday", D(2024, 6, 1)), predicate="protested", doc="oct1-b"),
        ],
        "consistent",
    ),
    row(
        "a denial contradicts nothing",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY),
            with_modality(claim("c2", exact(12_000), doc="oct1-b", source=MINISTRY), "negated"),
        ],
        "consistent",
    ),
    row(
        "a planned figure contradicts nothing",  # a projected toll is its own question
        [
            claim("c1", people(100), doc="oct1-a", source=AGENCY),
            with_modality(claim("c2", people(600), doc="oct1-b", source=MINISTRY), "possible"),
        ],
        "consistent",
    ),
    row(
        "a vague quantity contradicts nothing",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY),
            vague(claim("c2", count(2_000, 9_000), doc="oct1-b", source=MINISTRY)),
        ],
        "consistent",
    ),
    row(
        "a projection does not revise an asserted figure",
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct1-b", source=AGENCY),
            with_modality(claim("c3", exact(20_000), doc="oct2-a", source=MINISTRY), "possible"),
        ],
        "conflict",
    ),
]


@pytest.mark.parametrize(("claims", "status"), STATUS)
def test_status(claims: list[Claim], status: str, lexicon: Lexicon) -> None:
    fact, edges = one_fact(claims, lexicon)
    assert fact.status == status
    assert fact.claims == sorted(c.id for c in claims)
    assert bool(pairs(edges, "contradicts")) is (status == "conflict")
    assert explanation(fact, {})  # worded by the renderer, from the reasons


def test_single_claim(lexicon: Lexicon) -> None:
    fact, edges = one_fact([claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY)], lexicon)
    assert (fact.status, fact.independent_sources, edges) == ("single", 1, [])
    [value] = fact.values
    assert (value.claims, value.sources, value.documents) == (["c1"], [MINISTRY], ["oct1-a"])


# ------------------------------------------------------------------------ revisions


def test_revision_sets_the_earlier_claim_aside(lexicon: Lexicon) -> None:
    earlier = claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY)
    later = claim("c2", exact(12_000), doc="oct2-a", source=MINISTRY)
    fact, edges = one_fact([later, earlier], lexicon)
    assert fact.status == "updated"
    assert [r.kind for r in fact.reasons] == ["revision"]
    assert fact.claims == ["c1", "c2"]  # set aside, not dropped
    assert {v.label: v.role for v in fact.values} == {"10,000": "revised", "12,000": "stated"}
    assert fact.consensus is None
    assert pairs(edges, "contradicts") == set()


def test_a_compatible_update_is_no_revision(lexicon: Lexicon) -> None:
    fact, _ = one_fact(
        [
            claim("c1", count(10_000, None), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct2-a", source=MINISTRY),
        ],
        lexicon,
    )
    assert (fact.status, fact.reasons) == ("consistent", [])


def test_a_revision_sets_aside_only_the_sources_own_claim(lexicon: Lexicon) -> None:
    fact, edges = one_fact(
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(10_000), doc="oct2-b", source=AGENCY),
            claim("c3", exact(12_000), doc="oct2-a", source=MINISTRY),
        ],
        lexicon,
    )
    assert fact.status == "conflict"
    assert [r.kind for r in fact.reasons if r.kind == "revision"] == ["revision"]
    assert {v.label: v.role for v in fact.values} == {"10,000": "stated", "12,000": "stated"}
    assert pairs(edges, "contradicts") == {("c2", "c3")}


# ------------------------------------------------------------------------ tolls and times


def test_rising_toll_conflicts_only_within_one_day(lexicon: Lexicon) -> None:
    fact, edges = one_fact(
        [
            killed("c1", people(100), "oct1-a", AGENCY),
            killed("c2", people(150), "oct2-a", MINISTRY),
            killed("c3", people(200), "oct2-b", RESZKE),
        ],
        lexicon,
    )
    assert fact.status == "conflict"
    assert pairs(edges, "contradicts") == {("c2", "c3")}


def test_claims_at_different_times_share_a_fact(lexicon: Lexicon) -> None:
    fact, edges = one_fact(
        [
            claim("c1", exact(10_000), doc="oct1-a", source=AGENCY, time=JUNE),
            claim("c2", exact(12_000), doc="oct1-b", source=MINISTRY, time=SEPTEMBER),
        ],
        lexicon,
    )
    assert (fact.status, len(fact.values)) == ("updated", 2)
    assert [r.kind for r in fact.reasons] == ["update"]
    assert pairs(edges, "contradicts") == set()


# ------------------------------------------------------------------------ places


def test_places_are_multi_valued(lexicon: Lexicon) -> None:
    fact, edges = one_fact(
        [
            claim("c1", LocationValue(entity=VORSK), doc="oct1-a", source=AGENCY),
            claim("c2", LocationValue(entity=LESNO), doc="oct1-b", source=MINISTRY),
            claim("c3", LocationValue(entity=VORSK), doc="oct2-a", source=RESZKE),
        ],
        lexicon,
    )
    assert (fact.status, fact.multi_valued) == ("consistent", True)
    assert {v.label: v.claims for v in fact.values} == {"Vorsk": ["c1", "c3"], "Lesno": ["c2"]}
    assert pairs(edges, "corroborates") == {("c1", "c3")}
    assert pairs(edges, "contradicts") == set()


# ------------------------------------------------------------------------ independence


INDEPENDENCE = [
    row("unattributed, one article", [("c1", "oct1-a", None)], 1),
    row(
        "unattributed, article and its reprint",
        [("c1", "oct1-a", None), ("c2", "oct1-a-reprint", None)],
        1,
    ),
    row("unattributed, two articles", [("c1", "oct1-a", None), ("c2", "oct1-b", None)], 2),
    row(
        "unattributed, reprint and another article",
        [("c1", "oct1-a", None), ("c2", "oct1-a-reprint", None), ("c3", "oct1-b", None)],
        2,
    ),
    row(
        "one named source in two outlets",
        [("c1", "oct1-a", MINISTRY), ("c2", "oct1-b", MINISTRY)],
        1,
    ),
    row("two named sources", [("c1", "oct1-a", MINISTRY), ("c2", "oct1-b", AGENCY)], 2),
    row(
        "two named sources in one article",
        [("c1", "oct1-a", MINISTRY), ("c2", "oct1-a", AGENCY)],
        2,
    ),
    row(
        "anonymous officials in two articles",
        [("c1", "oct1-a", OFFICIAL_1), ("c2", "oct1-b", OFFICIAL_2)],
        2,
    ),
    row(
        "anonymous official in an article and its reprint",
        [("c1", "oct1-a", OFFICIAL_1), ("c2", "oct1-a-reprint", OFFICIAL_2)],
        1,
    ),
]


@pytest.mark.parametrize(("specs", "voices"), INDEPENDENCE)
def test_independent_sources(
    specs: list[tuple[str, str, str | None]], voices: int, lexicon: Lexicon
) -> None:
    claims = [claim(cid, exact(10_000), doc=doc, source=src) for cid, doc, src in specs]
    fact, edges = one_fact(claims, lexicon)
    assert fact.independent_sources == voices
    assert fact.status == ("single" if len(claims) == 1 else "consistent")
    assert len(pairs(edges, "corroborates")) == voices - 1


def test_same_number_from_two_named_sources_corroborates(lexicon: Lexicon) -> None:
    fact, edges = one_fact(
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(10_000), doc="oct1-b", source=AGENCY),
        ],
        lexicon,
    )
    assert (fact.status, fact.independent_sources) == ("consistent", 2)
    [value] = fact.values
    assert value.sources == sorted([MINISTRY, AGENCY])
    assert value.documents == ["oct1-a", "oct1-b"]
    assert pairs(edges, "corroborates") == {("c1", "c2")}


def test_a_denial_does_not_corroborate(lexicon: Lexicon) -> None:
    _, edges = one_fact(
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            with_modality(claim("c2", exact(10_000), doc="oct1-b", source=AGENCY), "negated"),
        ],
        lexicon,
    )
    assert pairs(edges, "corroborates") == set()


# ------------------------------------------------------------------------ conflicts


def test_conflict_has_contradicts_edges_and_a_consensus(lexicon: Lexicon) -> None:
    fact, edges = one_fact(
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(10_000), doc="oct1-b", source=RESZKE),
            claim("c3", exact(12_000), doc="oct1-b", source=AGENCY),
        ],
        lexicon,
    )
    assert fact.status == "conflict"
    assert fact.consensus == exact(10_000)
    assert (fact.consensus_support, fact.consensus_voices, fact.no_consensus) == (2, 3, None)
    assert pairs(edges, "corroborates") == {("c1", "c2")}
    contradicts = pairs(edges, "contradicts")
    assert contradicts and all("c3" in pair for pair in contradicts)
    assert {v.label: v.sources for v in fact.values} == {
        "10,000": sorted([MINISTRY, RESZKE]),
        "12,000": [AGENCY],
    }


def test_disagreeing_values_contradict_their_nearest_clashing_neighbour(lexicon: Lexicon) -> None:
    """Each value links to the nearest value above it that it clashes with: every value in
    the conflict has an edge, and edges grow with the values, not with their square."""
    _, edges = one_fact(
        [
            claim("c1", exact(10_000), doc="oct1-a", source=MINISTRY),
            claim("c2", exact(12_000), doc="oct1-b", source=AGENCY),
            claim("c3", exact(14_000), doc="oct1-b", source=RESZKE),
        ],
        lexicon,
    )
    assert pairs(edges, "contradicts") == {("c1", "c2"), ("c2", "c3")}


CONSENSUS = [
    row(
        "two exact voices against one",
        [exact(10_000), exact(10_000), exact(12_000)],
        (10_000, 10_000),
    ),
    row(
        "figure inside a range",
        [count(10_000, 12_000), exact(11_000), exact(15_000)],
        (11_000, 11_000),
    ),
    row(
        "two approximate voices against one",
        [about(11_000), about(11_000), exact(12_000)],
        (10_450, 11_550),
    ),
    row(
        "two ranges against one",
        [count(10_000, 12_000), count(10_000, 12_000), exact(15_000)],
        (10_000, 12_000),
    ),
    row(
        "two upper bounds against a lower bound",
        [count(None, 5_000), count(None, 5_000), count(10_000, None)],
        (-INF, 5_000),
    ),
]


@pytest.mark.parametrize(("values", "interval"), CONSENSUS)
def test_consensus(
    values: list[CountValue], interval: tuple[float, float], lexicon: Lexicon
) -> None:
    sources = [MINISTRY, AGENCY, RESZKE]
    claims = [
        claim(f"c{i}", v, doc="oct1-a", source=s)
        for i, (v, s) in enumerate(zip(values, sources, strict=True))
    ]
    fact, _ = one_fact(claims, lexicon)
    assert fact.status == "conflict"
    assert fact.consensus is not None
    assert count_interval(fact.consensus) == pytest.approx(interval)
    # the consensus agrees with the majority and not with the outvoted value
    assert compatible(fact.consensus, values[0])
    assert not compatible(fact.consensus, values[-1])


def test_consensus_counts_only_asserted_values(lexicon: Lexicon) -> None:
    fact, _ = one_fact(
        [
            claim("c1", people(100), doc="oct1-a", source=AGENCY),
            claim("c2", people(100), doc="oct1-a", source=RESZKE),
            claim("c3", people(200), doc="oct1-b", source=MINISTRY),
            with_modality(claim("c4", people(200), doc="oct1-b", source=WIRE), "possible"),
            with_modality(claim("c5", people(200), doc="oct1-b", source=OFFICIAL_2), "possible"),
        ],
        lexicon,
    )
    assert fact.status == "conflict"
    assert fact.consensus == people(100)


# ------------------------------------------------------------------------ grouping

GROUPING = [
    row("same question", claim("c1", exact(10_000)), claim("c2", exact(12_000)), True),
    row(
        "predicates of one family (deployed, stationed)",
        claim("c1", exact(10_000)),
        claim("c2", exact(12_000), predicate="stationed"),
        True,
    ),
    row(
        "different predicate families",
        claim("c1", exact(10_000)),
        claim("c2", exact(10_000), predicate="killed"),
        False,
    ),
    row(
        "different words counted, one measure",
        claim("c1", exact(10_000)),
        claim("c2", exact(10_000, unit="officers")),
        True,
    ),
    row(
        "different units, no measure",
        claim("c1", exact(10_000), measure="other"),
        claim("c2", exact(10_000, unit="officers"), measure="other"),
        False,
    ),
    row(
        "different subjects",
        claim("c1", exact(10_000)),
        claim("c2", exact(10_000), subject=NOVARIA),
        False,
    ),
    row(
        "subject and no subject",
        claim("c1", exact(10_000)),
        claim("c2", exact(10_000), subject=None),
        False,
    ),
    row(
        "narrower place",
        claim("c1", exact(10_000)),
        claim("c2", exact(10_000), location=VORSK),
        False,
    ),
    row(
        "two narrower places",
        claim("c1", exact(10_000), location=LESNO),
        claim("c2", exact(10_000), location=VORSK),
        False,
    ),
    row(
        "a country-level place does not narrow",
        claim("c1", exact(10_000)),
        claim("c2", exact(12_000), location=NOVARIA),
        True,
    ),
    row(
        "count and date",
        claim("c1", exact(10_000)),
        claim("c2", date_value("June 1", D(2024, 6, 1))),
        False,
    ),
    row(
        "places of one deployment",
        claim("c1", LocationValue(entity=VORSK)),
        claim("c2", LocationValue(entity=LESNO)),
        True,
    ),
]


@pytest.mark.parametrize(("a", "b", "same"), GROUPING)
def test_grouping(a: Claim, b: Claim, same: bool, lexicon: Lexicon) -> None:
    found, _ = run([a, b], lexicon)
    assert len(found) == (1 if same else 2)


def test_fact_key(lexicon: Lexicon) -> None:
    found, _ = run(
        [
            claim("c1", exact(10_000), location=VORSK, predicate="stationed"),
            claim("c2", exact(10_000), location=NOVARIA, predicate="deployed"),
        ],
        lexicon,
    )
    assert sorted((f.key for f in found), key=lambda k: str(k.location)) == [
        FactKey(type="count", subject=KESTOVA, predicate="deployment", measure="force"),
        FactKey(
            type="count", subject=KESTOVA, predicate="deployment", measure="force", location=VORSK
        ),
    ]


# ------------------------------------------------------------------------ determinism

CORPUS = [
    claim("c01", exact(10_000), doc="oct1-a", source=MINISTRY),
    claim("c02", exact(12_000), doc="oct1-b", source=AGENCY),
    claim("c03", exact(10_000), doc="oct1-a-reprint", source=MINISTRY),
    claim("c04", exact(10_000), doc="oct2-b", source=RESZKE),
    claim("c05", exact(9_000), doc="oct1-a", location=VORSK),
    claim("c06", LocationValue(entity=VORSK), doc="oct1-a", source=MINISTRY),
    claim("c07", LocationValue(entity=LESNO), doc="oct2-a", source=AGENCY),
    killed("c08", people(100), "oct1-a", AGENCY),
    killed("c09", people(150), "oct2-a", MINISTRY),
    killed("c10", people(170), "oct2-b", WIRE),
    claim("c11", exact(500, unit="officers"), doc="oct3", source=OFFICIAL_1, measure="other"),
    claim("c12", exact(600, unit="officers"), doc="oct3", source=OFFICIAL_1, measure="other"),
    claim("c13", date_value("June 1", D(2024, 6, 1)), predicate="signed", doc="oct1-a"),
]


def test_same_input_twice_gives_identical_facts(lexicon: Lexicon) -> None:
    assert run(CORPUS, lexicon) == run(CORPUS, lexicon)


@pytest.mark.parametrize("seed", range(5))
def test_claim_order_does_not_matter(seed: int, lexicon: Lexicon) -> None:
    reference, reference_edges = run(CORPUS, lexicon)
    shuffled = list(CORPUS)
    random.Random(seed).shuffle(shuffled)
    found, edges = run(shuffled, lexicon)
    assert found == reference
    assert set(edges) == set(reference_edges)


def test_facts_are_sorted_by_content_derived_id(lexicon: Lexicon) -> None:
    found, _ = run(CORPUS, lexicon)
    ids = [f.id for f in found]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids) == 6
    assert all(i.startswith("fact:") for i in ids)
    assert {f.status for f in found} == {"single", "consistent", "conflict", "updated"}


def test_fact_id_depends_only_on_its_key(lexicon: Lexicon) -> None:
    [alone], _ = run([claim("c1", exact(10_000), doc="oct1-a")], lexicon)
    grown, _ = run(
        [
            claim("c2", exact(12_000), doc="oct1-b", source=AGENCY),
            claim("c1", exact(10_000), doc="oct1-a"),
            killed("c3", people(5), "oct1-a", None),
        ],
        lexicon,
    )
    assert alone.id in {f.id for f in grown}
    assert next(f for f in grown if f.id == alone.id).claims == ["c1", "c2"]


def test_cycle_collection_is_restored_after_reconcile(lexicon: Lexicon) -> None:
    import gc

    assert gc.isenabled()
    run(CORPUS, lexicon)
    assert gc.isenabled()
