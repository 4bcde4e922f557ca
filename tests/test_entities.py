"""Tests for ``claimrec.entities``: cleaning one name, merging names into entities, and the
promises the graph relies on (content-derived ids, order-free results).

Mentions are built by hand (no spaCy): each row is a small corpus of documents, each a
list of mentions as NER would hand them over, and a pair of mentions that must, or must
not, end up in the same entity. Names are invented so the rows test the rules, not a
list of famous people.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from builders import (
    APART,
    SAME,
    Corpus,
    Ref,
    entity_of,
    entity_table_of,
    extraction,
    mention,
    raw_claim,
    row,
)

from claimrec.entities import EntityTable, clean, entity_table
from claimrec.lexicon import Lexicon, load_lexicon
from claimrec.models import Extraction, MentionKind

# ------------------------------------------------------------------------ clean

CLEAN: list[tuple[str, str]] = [
    ("Zelensky's", "Zelensky"),
    ("Reszke’s", "Reszke"),
    ("Marsh'", "Marsh"),
    ("“Anton Reszke”", "Anton Reszke"),
    ("the Kestovan army", "Kestovan army"),
    ("  Anton\u00a0 Reszke ", "Anton Reszke"),
    ("(Kestova)", "Kestova"),
    ("U.S.", "U.S."),
]


@pytest.mark.parametrize(("text", "expected"), CLEAN, ids=[r[0] for r in CLEAN])
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


# ------------------------------------------------------------------------ naming one mention


def named(
    text: str, kind: str, name: str, type_: str, bug: pytest.MarkDecorator | None = None
) -> object:
    return row(text, text, kind, name, type_, bug=bug)


NAMES = [
    named("President Anton Reszke", "PERSON", "Anton Reszke", "PERSON"),
    named("Lt. Gen. Kyrylo Budanov", "PERSON", "Kyrylo Budanov", "PERSON"),
    named("Mr. Reszke", "PERSON", "Reszke", "PERSON"),
    named("Interior Minister Maria Lindqvist", "PERSON", "Maria Lindqvist", "PERSON"),
    named("Prime Minister Ilse Varga", "PERSON", "Ilse Varga", "PERSON"),
    named("Defense Minister Tomas Brandt", "PERSON", "Tomas Brandt", "PERSON"),
    named("John Smith, CBE", "PERSON", "John Smith", "PERSON"),
    named("Zelensky's", "PERSON", "Zelensky", "PERSON"),
    named("Reszke’s", "PERSON", "Reszke", "PERSON"),
    named("Reszke's peace plan", "PERSON", "Reszke", "PERSON"),
    named("Ukrainian", "NORP", "Ukraine", "GPE"),
    named("Ukrainians", "NORP", "Ukraine", "GPE"),
    named("Kestovan", "NORP", "Kestovan", "NORP"),
    named("U.S.", "GPE", "United States", "GPE"),
    named("the United States", "GPE", "United States", "GPE"),
    named("Kestova's spy agency", "GROUP", "Kestova's intelligence agency", "GROUP"),
    named("Ukrainian spy agency", "GROUP", "Ukraine's intelligence agency", "GROUP"),
    named("Kestova's armed forces", "GROUP", "Kestova's military", "GROUP"),
    named("Russia's western Kestovsk region", "LOC", "Kestovsk", "LOC"),
    named("eastern Ukraine", "LOC", "eastern Ukraine", "LOC"),
    named("North Kestova", "GPE", "North Kestova", "GPE"),
    named("North Kestova", "LOC", "North Kestova", "LOC"),
    named("a senior official", "ANON", "a senior official", "ANON"),
]


@pytest.mark.parametrize(("text", "kind", "name", "type_"), NAMES)
def test_one_mention_names_its_entity(
    text: str, kind: MentionKind, name: str, type_: str, lexicon: Lexicon
) -> None:
    table = entity_table_of({"a": [(text, kind)]}, lexicon)
    [entity] = table.entities
    assert (entity.name, entity.type) == (name, type_)
    assert clean(text) in entity.aliases


# ------------------------------------------------------------------------ merging


MERGES = [
    # titles and possessives
    row(
        "title",
        {"a": [("President Anton Reszke", "PERSON")], "b": [("Anton Reszke", "PERSON")]},
        ("a", "President Anton Reszke"),
        ("b", "Anton Reszke"),
        SAME,
    ),
    row(
        "military ranks",
        {"a": [("Lt. Gen. Kyrylo Budanov", "PERSON")], "b": [("Kyrylo Budanov", "PERSON")]},
        ("a", "Lt. Gen. Kyrylo Budanov"),
        ("b", "Kyrylo Budanov"),
        SAME,
    ),
    row(
        "two-word title",
        {
            "a": [("Interior Minister Maria Lindqvist", "PERSON")],
            "b": [("Maria Lindqvist", "PERSON")],
        },
        ("a", "Interior Minister Maria Lindqvist"),
        ("b", "Maria Lindqvist"),
        SAME,
    ),
    row(
        "possessive",
        {"a": [("Anton Reszke", "PERSON"), ("Reszke's", "PERSON")]},
        ("a", "Anton Reszke"),
        ("a", "Reszke's"),
        SAME,
    ),
    row(
        "possessive of a full name",
        {"a": [("Anton Reszke's", "PERSON")], "b": [("Anton Reszke", "PERSON")]},
        ("a", "Anton Reszke's"),
        ("b", "Anton Reszke"),
        SAME,
    ),
    # transliterations and spelling variants
    row(
        "transliteration volodymir/volodymyr",
        {"a": [("Volodymir Petrenko", "PERSON")], "b": [("Volodymyr Petrenko", "PERSON")]},
        ("a", "Volodymir Petrenko"),
        ("b", "Volodymyr Petrenko"),
        SAME,
    ),
    row(
        "transliteration zelensky/zelenskyy",
        {"a": [("Taras Zelinsky", "PERSON")], "b": [("Taras Zelinskyy", "PERSON")]},
        ("a", "Taras Zelinsky"),
        ("b", "Taras Zelinskyy"),
        SAME,
    ),
    row(
        "transliteration mohammed/muhammad",
        {"a": [("Mohammed Haddad", "PERSON")], "b": [("Muhammad Haddad", "PERSON")]},
        ("a", "Mohammed Haddad"),
        ("b", "Muhammad Haddad"),
        SAME,
    ),
    row(
        "transliteration sergei/sergey",
        {"a": [("Sergei Vasko", "PERSON")], "b": [("Sergey Vasko", "PERSON")]},
        ("a", "Sergei Vasko"),
        ("b", "Sergey Vasko"),
        SAME,
    ),
    row(
        "hyphen or space",
        {"a": [("Lee Ji-won", "PERSON")], "b": [("Lee Ji Won", "PERSON")]},
        ("a", "Lee Ji-won"),
        ("b", "Lee Ji Won"),
        SAME,
    ),
    # lone names
    row(
        "lone surname joins the full name in its document",
        {"a": [("Kyrylo Budanov", "PERSON"), ("Budanov", "PERSON")]},
        ("a", "Budanov"),
        ("a", "Kyrylo Budanov"),
        SAME,
    ),
    row(
        "lone given name joins the full name in its document",
        {"a": [("Maria Lindqvist", "PERSON"), ("Maria", "PERSON")]},
        ("a", "Maria"),
        ("a", "Maria Lindqvist"),
        SAME,
    ),
    row(
        "lone titled surname",
        {"a": [("Anton Reszke", "PERSON"), ("President Reszke", "PERSON")]},
        ("a", "President Reszke"),
        ("a", "Anton Reszke"),
        SAME,
    ),
    row(
        "ambiguous lone name joins neither (1)",
        {"a": [("Elena Marsh", "PERSON"), ("Daniel Marsh", "PERSON"), ("Marsh", "PERSON")]},
        ("a", "Marsh"),
        ("a", "Elena Marsh"),
        APART,
    ),
    row(
        "ambiguous lone name joins neither (2)",
        {"a": [("Elena Marsh", "PERSON"), ("Daniel Marsh", "PERSON"), ("Marsh", "PERSON")]},
        ("a", "Marsh"),
        ("a", "Daniel Marsh"),
        APART,
    ),
    row(
        "lone surname, one full name in the corpus",
        {"a": [("Anton Reszke", "PERSON")], "b": [("Reszke", "PERSON")]},
        ("b", "Reszke"),
        ("a", "Anton Reszke"),
        SAME,
    ),
    row(
        "lone surname, two full names in the corpus (1)",
        {
            "a": [("Elena Marsh", "PERSON")],
            "b": [("Daniel Marsh", "PERSON")],
            "c": [("Marsh", "PERSON")],
        },
        ("c", "Marsh"),
        ("a", "Elena Marsh"),
        APART,
    ),
    row(
        "lone surname, two full names in the corpus (2)",
        {
            "a": [("Elena Marsh", "PERSON")],
            "b": [("Daniel Marsh", "PERSON")],
            "c": [("Marsh", "PERSON")],
        },
        ("c", "Marsh"),
        ("b", "Daniel Marsh"),
        APART,
    ),
    row(
        "own document's full name beats corpus ambiguity",
        {"a": [("Elena Marsh", "PERSON"), ("Marsh", "PERSON")], "b": [("Daniel Marsh", "PERSON")]},
        ("a", "Marsh"),
        ("a", "Elena Marsh"),
        SAME,
    ),
    row(
        "lone surname without any full name, two documents",
        {"a": [("Reszke", "PERSON")], "b": [("Reszke", "PERSON")]},
        ("a", "Reszke"),
        ("b", "Reszke"),
        SAME,
    ),
    # different people who share a token, and look-alike names
    row(
        "shared surname",
        {"a": [("Elena Marsh", "PERSON")], "b": [("Daniel Marsh", "PERSON")]},
        ("a", "Elena Marsh"),
        ("b", "Daniel Marsh"),
        APART,
    ),
    row(
        "shared family name, three tokens",
        {"a": [("Kim Jong-sun", "PERSON")], "b": [("Kim Yong-hyun", "PERSON")]},
        ("a", "Kim Jong-sun"),
        ("b", "Kim Yong-hyun"),
        APART,
    ),
    row(
        "lone family name between two full names",
        {"a": [("Kim Jong-sun", "PERSON"), ("Kim Yong-hyun", "PERSON"), ("Kim", "PERSON")]},
        ("a", "Kim"),
        ("a", "Kim Jong-sun"),
        APART,
    ),
    row(
        "look-alike names",
        {"a": [("Vladimir Kestin", "PERSON")], "b": [("Volodymyr Kostin", "PERSON")]},
        ("a", "Vladimir Kestin"),
        ("b", "Volodymyr Kostin"),
        APART,
    ),
    row(
        "look-alike names, same given name",
        {"a": [("Viktor Orlan", "PERSON")], "b": [("Viktor Orlov", "PERSON")]},
        ("a", "Viktor Orlan"),
        ("b", "Viktor Orlov"),
        APART,
    ),
    row(
        "daniel/daniela",
        {"a": [("Daniel Marsh", "PERSON")], "b": [("Daniela Marsh", "PERSON")]},
        ("a", "Daniel Marsh"),
        ("b", "Daniela Marsh"),
        APART,
    ),
    row(
        "hassan/hussein",
        {"a": [("Hassan Abdel-Rahman", "PERSON")], "b": [("Hussein Abdel-Rahman", "PERSON")]},
        ("a", "Hassan Abdel-Rahman"),
        ("b", "Hussein Abdel-Rahman"),
        APART,
    ),
    row(
        "brandon/brendan",
        {"a": [("Brandon Fitzgerald", "PERSON")], "b": [("Brendan Fitzgerald", "PERSON")]},
        ("a", "Brandon Fitzgerald"),
        ("b", "Brendan Fitzgerald"),
        APART,
    ),
    row(
        "surname tagged as an organisation",
        {"a": [("Chad Weller", "PERSON"), ("Weller", "ORG")]},
        ("a", "Weller"),
        ("a", "Chad Weller"),
        SAME,
    ),
    row(
        "country named like a person's given name (1)",
        {"a": [("Jordan Hale", "PERSON"), ("Jordan", "GPE")], "b": [("Jordan", "GPE")]},
        ("a", "Jordan"),
        ("b", "Jordan"),
        SAME,
    ),
    row(
        "country named like a person's given name (2)",
        {"a": [("Jordan Hale", "PERSON"), ("Jordan", "GPE")]},
        ("a", "Jordan"),
        ("a", "Jordan Hale"),
        APART,
    ),
    # places
    row(
        "North/South countries",
        {"a": [("North Kestova", "GPE")], "b": [("South Kestova", "GPE")]},
        ("a", "North Kestova"),
        ("b", "South Kestova"),
        APART,
    ),
    row(
        "North/South nationalities",
        {"a": [("North Korean", "NORP")], "b": [("South Korean", "NORP")]},
        ("a", "North Korean"),
        ("b", "South Korean"),
        APART,
    ),
    row(
        "North/South regions",
        {"a": [("North Kestova", "LOC")], "b": [("South Kestova", "LOC")]},
        ("a", "North Kestova"),
        ("b", "South Kestova"),
        APART,
    ),
    row(
        "East/West regions",
        {"a": [("East Kestova", "LOC")], "b": [("West Kestova", "LOC")]},
        ("a", "East Kestova"),
        ("b", "West Kestova"),
        APART,
    ),
    row(
        "lowercase direction is part of the place",
        {"a": [("northern Kestovsk", "LOC")], "b": [("Kestovsk", "GPE")]},
        ("a", "northern Kestovsk"),
        ("b", "Kestovsk"),
        SAME,
    ),
    row(
        "region and its name",
        {"a": [("Russia's western Kestovsk region", "LOC")], "b": [("Kestovsk", "GPE")]},
        ("a", "Russia's western Kestovsk region"),
        ("b", "Kestovsk"),
        SAME,
    ),
    row(
        "nationality adjective is its country",
        {"a": [("Ukrainian", "NORP")], "b": [("Ukraine", "GPE")]},
        ("a", "Ukrainian"),
        ("b", "Ukraine"),
        SAME,
    ),
    row(
        "alias U.S.",
        {"a": [("U.S.", "GPE")], "b": [("United States", "GPE")]},
        ("a", "U.S."),
        ("b", "United States"),
        SAME,
    ),
    row(
        "alias America",
        {"a": [("America", "GPE")], "b": [("the United States", "GPE")]},
        ("a", "America"),
        ("b", "the United States"),
        SAME,
    ),
    row(
        "demonym of an alias",
        {"a": [("American", "NORP")], "b": [("U.S.", "GPE")]},
        ("a", "American"),
        ("b", "U.S."),
        SAME,
    ),
    # descriptive group names
    row(
        "synonym in a group name",
        {
            "a": [("Kestova's spy agency", "GROUP")],
            "b": [("Kestova's intelligence agency", "GROUP")],
        },
        ("a", "Kestova's spy agency"),
        ("b", "Kestova's intelligence agency"),
        SAME,
    ),
    row(
        "demonym and synonym in a group name",
        {
            "a": [("Ukrainian spy agency", "GROUP")],
            "b": [("Ukraine's intelligence agency", "GROUP")],
        },
        ("a", "Ukrainian spy agency"),
        ("b", "Ukraine's intelligence agency"),
        SAME,
    ),
    row(
        "unknown demonym stays as written",
        {
            "a": [("Kestovan spy agency", "GROUP")],
            "b": [("Kestova's intelligence agency", "GROUP")],
        },
        ("a", "Kestovan spy agency"),
        ("b", "Kestova's intelligence agency"),
        APART,
    ),
    row(
        "defence/defense",
        {
            "a": [("Kestova's defence ministry", "GROUP")],
            "b": [("Kestova's defense ministry", "GROUP")],
        },
        ("a", "Kestova's defence ministry"),
        ("b", "Kestova's defense ministry"),
        SAME,
    ),
    # anonymous speakers
    row(
        "anonymous speakers in two documents",
        {"a": [("a senior official", "ANON")], "b": [("a senior official", "ANON")]},
        ("a", "a senior official"),
        ("b", "a senior official"),
        APART,
    ),
]


@pytest.mark.parametrize(("corpus", "a", "b", "same"), MERGES)
def test_merge(corpus: Corpus, a: Ref, b: Ref, same: bool, lexicon: Lexicon) -> None:
    table = entity_table_of(corpus, lexicon)
    assert (entity_of(table, corpus, a).id == entity_of(table, corpus, b).id) is same


def test_demonym_from_config_joins_group_names(tmp_path: Path) -> None:
    config = tmp_path / "kestova.yaml"
    config.write_text("demonyms:\n  Kestovan: Kestova\n", encoding="utf-8")
    corpus: Corpus = {
        "a": [("Kestovan spy agency", "GROUP")],
        "b": [("Kestova's intelligence agency", "GROUP")],
        "c": [("Kestovan", "NORP"), ("Kestova", "GPE")],
    }
    table = entity_table_of(corpus, load_lexicon(config))
    assert entity_of(table, corpus, ("a", "Kestovan spy agency")) == entity_of(
        table, corpus, ("b", "Kestova's intelligence agency")
    )
    assert entity_of(table, corpus, ("c", "Kestovan")).id == "ent:kestova"
    assert entity_of(table, corpus, ("c", "Kestova")).id == "ent:kestova"


def test_lone_name_joins_neither_and_the_full_names_stay_apart(lexicon: Lexicon) -> None:
    corpus: Corpus = {
        "a": [("Elena Marsh", "PERSON")],
        "b": [("Daniel Marsh", "PERSON")],
        "c": [("Marsh", "PERSON")],
    }
    table = entity_table_of(corpus, lexicon)
    assert sorted(e.name for e in table.entities) == ["Daniel Marsh", "Elena Marsh", "Marsh"]


# ------------------------------------------------------------------------ entity records

MIXED: Corpus = {
    "a": [
        ("President Anton Reszke", "PERSON"),
        ("Reszke", "PERSON"),
        ("Ukrainian", "NORP"),
        ("U.S.", "GPE"),
        ("a senior official", "ANON"),
        ("Kestova's spy agency", "GROUP"),
    ],
    "b": [
        ("Anton Reszke", "PERSON"),
        ("Ukraine", "GPE"),
        ("United States", "GPE"),
        ("a senior official", "ANON"),
        ("Kestova's intelligence agency", "GROUP"),
        ("eastern Ukraine", "LOC"),
    ],
    "c": [
        ("Elena Marsh", "PERSON"),
        ("Daniel Marsh", "PERSON"),
        ("Marsh", "PERSON"),
        ("Lee Ji-won", "PERSON"),
        ("Russia's western Kestovsk region", "LOC"),
    ],
    "d": [("Lee Ji Won", "PERSON"), ("Marsh", "PERSON"), ("North Kestova", "GPE")],
}


def test_entities_are_sorted_with_content_derived_ids(lexicon: Lexicon) -> None:
    table = entity_table_of(MIXED, lexicon)
    ids = [e.id for e in table.entities]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    named = {e.name: e.id for e in table.entities if e.type != "ANON"}
    assert named == {
        "Anton Reszke": "ent:anton-reszke",
        "Ukraine": "ent:ukraine",
        "United States": "ent:united-states",
        "Kestova's intelligence agency": "ent:kestova-s-intelligence-agency",
        "eastern Ukraine": "ent:eastern-ukraine",
        "Elena Marsh": "ent:elena-marsh",
        "Daniel Marsh": "ent:daniel-marsh",
        "Marsh": "ent:marsh",
        "Lee Ji-won": "ent:lee-ji-won",
        "Kestovsk": "ent:kestovsk",
        "North Kestova": "ent:north-kestova",
    }


def test_anonymous_ids_are_per_document_and_stable(lexicon: Lexicon) -> None:
    first, again = entity_table_of(MIXED, lexicon), entity_table_of(MIXED, lexicon)
    anon = mention("a senior official", "ANON")
    ids = {doc: first.id_of(doc, anon) for doc in ("a", "b")}
    assert all(i is not None and i.startswith("ent:anon-") for i in ids.values())
    assert ids["a"] != ids["b"]
    assert ids == {doc: again.id_of(doc, anon) for doc in ("a", "b")}


def test_aliases_and_mention_counts(lexicon: Lexicon) -> None:
    table = entity_table_of(MIXED, lexicon)
    by_id = {e.id: e for e in table.entities}
    reszke = by_id["ent:anton-reszke"]
    assert set(reszke.aliases) >= {"Anton Reszke", "President Anton Reszke", "Reszke"}
    assert reszke.mentions == 3
    assert reszke.aliases == sorted(reszke.aliases)
    assert set(by_id["ent:united-states"].aliases) >= {"United States", "U.S."}
    assert by_id["ent:ukraine"].type == "GPE"
    assert by_id["ent:ukraine"].mentions == 2


def test_country_level_places(lexicon: Lexicon) -> None:
    table = entity_table_of(MIXED, lexicon)
    assert {"ent:ukraine", "ent:united-states", "ent:eastern-ukraine"} <= table.country_level
    assert "ent:kestovsk" not in table.country_level
    assert "ent:north-kestova" not in table.country_level


def test_adding_a_document_renames_nothing(lexicon: Lexicon) -> None:
    before = {e.id for e in entity_table_of(MIXED, lexicon).entities}
    grown = {**MIXED, "e": [("Ilse Varga", "PERSON"), ("Kestova", "GPE")]}
    after = {e.id for e in entity_table_of(grown, lexicon).entities}
    assert before <= after
    assert after - before == {"ent:ilse-varga", "ent:kestova"}


def test_unknown_mention_has_no_id(lexicon: Lexicon) -> None:
    table = entity_table_of(MIXED, lexicon)
    assert table.id_of("a", None) is None
    assert table.id_of("a", mention("Nobody Here", "PERSON")) is None


def test_mentions_inside_claims_are_entities_too(lexicon: Lexicon) -> None:
    source = mention("Kyrylo Budanov", "PERSON")
    subject = mention("Kestovan", "NORP", start=30)
    table = entity_table(
        [extraction("a", claims=(raw_claim("a", source=source, subject=subject),))], lexicon
    )
    assert table.id_of("a", source) == "ent:kyrylo-budanov"
    assert table.id_of("a", subject) == "ent:kestovan"


def test_a_mention_referenced_by_claims_counts_once(lexicon: Lexicon) -> None:
    source = mention("Kyrylo Budanov", "PERSON")
    claims = (raw_claim("a", source=source), raw_claim("a", source=source))
    table = entity_table([Extraction(doc="a", mentions=(source,), claims=claims)], lexicon)
    [entity] = table.entities
    assert entity.mentions == 1


# ------------------------------------------------------------------------ determinism


def _shuffled(corpus: Corpus, seed: int) -> list[Extraction]:
    rng = random.Random(seed)
    docs = list(corpus.items())
    rng.shuffle(docs)
    out = []
    for doc, mentions in docs:
        order = list(mentions)
        rng.shuffle(order)
        out.append(extraction(doc, *order))
    return out


def _ids(table: EntityTable, corpus: Corpus) -> dict[tuple[str, str], str | None]:
    return {
        (doc, text): table.id_of(doc, mention(text, kind))
        for doc, mentions in corpus.items()
        for text, kind in mentions
    }


def test_same_input_twice_gives_identical_entities(lexicon: Lexicon) -> None:
    first, second = entity_table_of(MIXED, lexicon), entity_table_of(MIXED, lexicon)
    assert first.entities == second.entities
    assert _ids(first, MIXED) == _ids(second, MIXED)
    assert first.country_level == second.country_level


@pytest.mark.parametrize("seed", range(5))
def test_extraction_order_does_not_matter(seed: int, lexicon: Lexicon) -> None:
    reference = entity_table_of(MIXED, lexicon)
    shuffled = entity_table(_shuffled(MIXED, seed), lexicon)
    assert shuffled.entities == reference.entities
    assert _ids(shuffled, MIXED) == _ids(reference, MIXED)
    assert shuffled.country_level == reference.country_level
