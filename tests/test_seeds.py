"""Acceptance on the seed corpus: what a reader of the five articles finds.

Expectations are written from reading the articles, independently of the code.
"""

from __future__ import annotations

import pytest
from paths import SEEDS

from claimrec.models import Claim, CountValue, Graph
from claimrec.pipeline import build
from claimrec.store import graph_json

# (document prefix, quote fragment, low, high)
COUNTS = [
    ("000", "at least 10,000 North Korean soldiers", 10000, None),
    ("000", "10,000 North Korean soldiers near", 10000, 10000),
    ("001", "over 500 North Korean soldiers", 500, None),
    ("001", "an estimated 12,000 additional troops", 12000, 12000),
    ("001", "approximately 11,000 North Korean infantry troops", 11000, 11000),
    ("001", "2,600 troops", 2600, 2600),
    ("002", "10,000 to 12,000 North Korean troops", 10000, 12000),
    ("002", "about 4,000 North Korean soldiers", 4000, 4000),
    ("003", "more than 10,000 North Korean troops", 10000, None),
    ("003", "At least 2,600 of these troops", 2600, None),
    ("003", "12,000 men", 12000, 12000),
    ("003", "six North Korean officers", 6, 6),
    ("004", "10,000 soldiers to support", 10000, 10000),
    ("004", "about 3,000 North Koreans", 3000, 3000),
    ("004", "Approximately 10,000 North Korean soldiers", 10000, 10000),
]

NOT_COUNTS = [("003", "KN-23"), ("003", "Article 4"), ("004", "2.5 years"), ("000", "j6yKlnLh5sM")]


def claim_at(graph: Graph, doc_prefix: str, fragment: str, kind: str = "count") -> Claim:
    for claim in graph.claims:
        if claim.doc.startswith(doc_prefix) and claim.type == kind:
            quote, sentence = claim.evidence.quote, claim.evidence.sentence
            start = sentence.find(fragment)
            if start >= 0 and _overlaps(sentence, quote, fragment):
                return claim
    raise AssertionError(f"no {kind} claim at {fragment!r} in {doc_prefix}")


def _overlaps(sentence: str, quote: str, fragment: str) -> bool:
    q = sentence.find(quote)
    f = sentence.find(fragment)
    return q >= 0 and q < f + len(fragment) and f < q + len(quote)


@pytest.mark.parametrize(("doc", "fragment", "low", "high"), COUNTS)
def test_count_bounds(seeds_graph: Graph, doc: str, fragment: str, low, high) -> None:
    value = claim_at(seeds_graph, doc, fragment).value
    assert isinstance(value, CountValue)
    assert (value.low, value.high) == (low, high)


def test_no_extra_counts(seeds_graph: Graph) -> None:
    assert sum(c.type == "count" for c in seeds_graph.claims) == len(COUNTS)


@pytest.mark.parametrize(("doc", "fragment"), NOT_COUNTS)
def test_traps_give_no_count(seeds_graph: Graph, doc: str, fragment: str) -> None:
    for claim in seeds_graph.claims:
        if claim.doc.startswith(doc) and claim.type == "count":
            assert fragment not in claim.evidence.quote


def names(graph: Graph, entity_id: str | None) -> set[str]:
    entity = next((e for e in graph.entities if e.id == entity_id), None)
    return set(entity.aliases) if entity else set()


@pytest.mark.parametrize(
    ("doc", "fragment", "source"),
    [
        ("001", "over 500 North Korean soldiers", "South Korea's intelligence agency"),
        ("001", "approximately 11,000", "Kyrylo Budanov"),
        ("001", "2,600 troops", "Kyrylo Budanov"),
        ("002", "about 4,000", "South Korean military"),
        ("003", "more than 10,000", "Kyrylo Budanov"),
        ("003", "At least 2,600", "Kyrylo Budanov"),
        ("003", "12,000 men", "South Korea's spy agency"),
        ("003", "six North Korean officers", "Ukraine"),
        ("004", "about 3,000 North Koreans", "senior Ukrainian military intelligence official"),
    ],
)
def test_sources(seeds_graph: Graph, doc: str, fragment: str, source: str) -> None:
    claim = claim_at(seeds_graph, doc, fragment)
    assert source in names(seeds_graph, claim.source)


def test_same_source_across_documents(seeds_graph: Graph) -> None:
    agency = {
        claim_at(seeds_graph, d, f).source for d, f in [("001", "over 500"), ("003", "12,000 men")]
    }
    budanov = {
        claim_at(seeds_graph, d, f).source
        for d, f in [("001", "approximately 11,000"), ("003", "At least 2,600")]
    }
    assert len(agency) == 1 and len(budanov) == 1


@pytest.mark.parametrize(
    "same",
    [
        ["Kyrylo Budanov", "Budanov"],
        ["Volodymyr Zelensky", "Zelensky", "Volodymyr Zelenskyy"],
        ["Vladimir Putin", "Putin"],
        ["Kim Jong Un", "Kim Jong-un"],
    ],
)
def test_entities_merged(seeds_graph: Graph, same: list[str]) -> None:
    owners = [{e.id for e in seeds_graph.entities if n in e.aliases} for n in same]
    assert set.intersection(*owners)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Yong-hyun"),
        ("Vladimir Putin", "Volodymyr Zelensky"),
        ("North Korea", "South Korea"),
        ("Kursk", "Donetsk"),
    ],
)
def test_entities_apart(seeds_graph: Graph, a: str, b: str) -> None:
    owner_a = {e.id for e in seeds_graph.entities if a in e.aliases}
    owner_b = {e.id for e in seeds_graph.entities if b in e.aliases}
    assert owner_a and owner_b and not owner_a & owner_b


def test_one_conflict_about_the_total(seeds_graph: Graph) -> None:
    conflicts = [f for f in seeds_graph.facts if f.status == "conflict"]
    assert len(conflicts) == 1
    total = conflicts[0]
    for doc, fragment in [
        ("000", "at least 10,000"),
        ("001", "approximately 11,000"),
        ("002", "10,000 to 12,000"),
        ("003", "12,000 men"),
        ("004", "Approximately 10,000"),
    ]:
        assert claim_at(seeds_graph, doc, fragment).id in total.claims
    assert claim_at(seeds_graph, "003", "At least 2,600").id not in total.claims
    assert total.consensus is not None


def test_kursk_figures_are_one_consistent_fact(seeds_graph: Graph) -> None:
    a = claim_at(seeds_graph, "001", "2,600 troops")
    b = claim_at(seeds_graph, "003", "At least 2,600")
    fact = next(f for f in seeds_graph.facts if a.id in f.claims)
    assert b.id in fact.claims and fact.status == "consistent"


def test_population_figure_not_grouped_with_troops(seeds_graph: Graph) -> None:
    total = next(f for f in seeds_graph.facts if f.status == "conflict")
    for claim in seeds_graph.claims:
        if "20 million" in claim.evidence.quote:
            assert claim.id not in total.claims


@pytest.mark.parametrize(
    ("doc", "fragment", "kind"),
    [
        ("001", "November 1", "date"),
        ("003", "next month", "date"),
        ("002", "June 2024", "date"),
        ("003", "in June", "date"),
        ("001", "in August", "date"),
        ("001", "western Kursk region", "location"),
        ("003", "Kursk region", "location"),
        ("003", "Donetsk region", "location"),
        ("001", "eastern Russia", "location"),
        ("003", "far east", "location"),
    ],
)
def test_dates_and_places(seeds_graph: Graph, doc: str, fragment: str, kind: str) -> None:
    claim_at(seeds_graph, doc, fragment, kind)


def test_build_is_byte_identical(seeds_graph: Graph) -> None:
    assert graph_json(build([SEEDS])) == graph_json(seeds_graph)


def test_evidence_offsets_point_into_the_body(seeds_graph: Graph) -> None:
    bodies = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for claim in seeds_graph.claims:
        ev = claim.evidence
        assert bodies[claim.doc][ev.start : ev.end] == ev.quote
