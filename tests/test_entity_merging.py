"""Entity merging beyond equal names: acronyms, transliterations and name particles, short
forms of organisations, affiliations; and what the text says about names around NER's
mentions (``extract/links.py``).

Three tables: merges over hand-made mentions (no spaCy), links read from a body around
hand-made mentions (no spaCy), and a few sentences through the whole extraction. Every
name is invented.
"""

from __future__ import annotations

import hashlib

import pytest
from builders import (
    APART,
    SAME,
    Corpus,
    Ref,
    entity_of,
    entity_table_of,
    mention,
    row,
)

from claimrec.entities import EntityTable, entity_table
from claimrec.extract import extract_document
from claimrec.extract.links import linked_mentions
from claimrec.lexicon import Lexicon
from claimrec.models import Document, Entity, Extraction, Mention, MentionKind, MentionLink

# ------------------------------------------------------------------------ merges

MERGES = [
    # acronyms
    row(
        "acronym joins its long form across documents",
        {"a": [("Marren Relief Service", "ORG")], "b": [("MRS", "ORG")]},
        ("a", "Marren Relief Service"),
        ("b", "MRS"),
        SAME,
    ),
    row(
        "acronym skips function words",
        {"a": [("Office for Coastal Rescue", "ORG")], "b": [("OCR", "ORG")]},
        ("a", "Office for Coastal Rescue"),
        ("b", "OCR"),
        SAME,
    ),
    row(
        "acronym of the name before a last 'and' conjunct, after a country",
        {"a": [("US Bureau of Tide Safety and Training", "ORG")], "b": [("BTS", "ORG")]},
        ("a", "US Bureau of Tide Safety and Training"),
        ("b", "BTS"),
        SAME,
    ),
    row(
        "acronym of a name with lowercase words",
        {"a": [("Syndicat national des boulangers", "ORG")], "b": [("SNB", "ORG")]},
        ("a", "Syndicat national des boulangers"),
        ("b", "SNB"),
        SAME,
    ),
    row(
        "acronym with two long forms joins neither",
        {
            "a": [("Kestova Rail Authority", "ORG"), ("Kestova Relief Agency", "ORG")],
            "b": [("KRA", "ORG")],
        },
        ("a", "Kestova Rail Authority"),
        ("b", "KRA"),
        APART,
    ),
    row(
        "acronym of another name",
        {"a": [("Marren Water Board", "ORG")], "b": [("KRA", "ORG")]},
        ("a", "Marren Water Board"),
        ("b", "KRA"),
        APART,
    ),
    row(
        "capitalised word is no acronym of a person",
        {"a": [("Nadia Orrin", "PERSON")], "b": [("DW", "ORG")]},
        ("a", "Nadia Orrin"),
        ("b", "DW"),
        APART,
    ),
    # transliterations and particles
    row(
        "transliteration x/ks and a dropped vowel",
        {"a": [("Aleksandr Volkan", "PERSON")], "b": [("Alexander Volkan", "PERSON")]},
        ("a", "Aleksandr Volkan"),
        ("b", "Alexander Volkan"),
        SAME,
    ),
    row(
        "transliteration ou/u and vowels",
        {"a": [("Yunus Tarkanov", "PERSON")], "b": [("Younous Tarkanov", "PERSON")]},
        ("a", "Yunus Tarkanov"),
        ("b", "Younous Tarkanov"),
        SAME,
    ),
    row(
        "article particle and q/k",
        {"a": [("Samir al-Qadiri", "PERSON")], "b": [("Samir Kadiri", "PERSON")]},
        ("a", "Samir al-Qadiri"),
        ("b", "Samir Kadiri"),
        SAME,
    ),
    row(
        "lone surname with its particle joins the full name",
        {"a": [("Nadia al-Faris", "PERSON"), ("Al-Faris", "PERSON")]},
        ("a", "Al-Faris"),
        ("a", "Nadia al-Faris"),
        SAME,
    ),
    row(
        "lone respelled surname joins the full name",
        {"a": [("Karim al-Hashemi", "PERSON"), ("Hashimi", "PERSON")]},
        ("a", "Hashimi"),
        ("a", "Karim al-Hashemi"),
        SAME,
    ),
    row(
        "patronymic dropped",
        {"a": [("Tariq bin Saleh al-Mansur", "PERSON")], "b": [("Tariq al-Mansur", "PERSON")]},
        ("a", "Tariq bin Saleh al-Mansur"),
        ("b", "Tariq al-Mansur"),
        SAME,
    ),
    row(
        "short name of two longer people joins neither",
        {
            "a": [("Tariq bin Saleh al-Mansur", "PERSON")],
            "b": [("Tariq bin Omar al-Mansur", "PERSON")],
            "c": [("Tariq al-Mansur", "PERSON")],
        },
        ("c", "Tariq al-Mansur"),
        ("a", "Tariq bin Saleh al-Mansur"),
        APART,
    ),
    row(
        "different given names, same transliterated surname",
        {"a": [("Yunus Tarkanov", "PERSON")], "b": [("Yusra Tarkanov", "PERSON")]},
        ("a", "Yunus Tarkanov"),
        ("b", "Yusra Tarkanov"),
        APART,
    ),
    row(
        "particle is no name: two people named al-",
        {"a": [("Nadia al-Faris", "PERSON")], "b": [("Nadia al-Bakri", "PERSON")]},
        ("a", "Nadia al-Faris"),
        ("b", "Nadia al-Bakri"),
        APART,
    ),
    row(
        "a capitalised given name that is also a particle stays a name",
        {"a": [("Ben Carrow", "PERSON"), ("Sarah Carrow", "PERSON")]},
        ("a", "Ben Carrow"),
        ("a", "Sarah Carrow"),
        APART,
    ),
    row(
        "lowercase particle: the surname joins",
        {"a": [("Pieter van Doorn", "PERSON"), ("van Doorn", "PERSON")]},
        ("a", "van Doorn"),
        ("a", "Pieter van Doorn"),
        SAME,
    ),
    # generic short forms
    row(
        "the coast guard is the one coast guard of its document",
        {"a": [("Kestovan Coast Guard", "ORG"), ("the coast guard", "GROUP")]},
        ("a", "the coast guard"),
        ("a", "Kestovan Coast Guard"),
        SAME,
    ),
    row(
        "the agency is the one organisation of its document",
        {"a": [("Marren Health Organization", "ORG"), ("agency", "GROUP")]},
        ("a", "agency"),
        ("a", "Marren Health Organization"),
        SAME,
    ),
    row(
        "the union is the one workers' organisation",
        {"a": [("United Ferry Workers", "ORG"), ("Kestrel Lines", "ORG"), ("union", "GROUP")]},
        ("a", "union"),
        ("a", "United Ferry Workers"),
        SAME,
    ),
    row(
        "police in a sentence's first word",
        {"a": [("Marren City Police", "ORG"), ("Police", "GROUP")]},
        ("a", "Police"),
        ("a", "Marren City Police"),
        SAME,
    ),
    row(
        "two fire brigades: the short form joins neither (1)",
        {
            "a": [
                ("Marren Fire Brigade", "ORG"),
                ("Kestova Fire Brigade", "ORG"),
                ("fire brigade", "GROUP"),
            ]
        },
        ("a", "fire brigade"),
        ("a", "Marren Fire Brigade"),
        APART,
    ),
    row(
        "two fire brigades: the short form joins neither (2)",
        {
            "a": [
                ("Marren Fire Brigade", "ORG"),
                ("Kestova Fire Brigade", "ORG"),
                ("fire brigade", "GROUP"),
            ]
        },
        ("a", "fire brigade"),
        ("a", "Kestova Fire Brigade"),
        APART,
    ),
    row(
        "multi-word short form joins the one in the corpus",
        {"a": [("Kestovan Coast Guard", "ORG")], "b": [("coast guard", "GROUP")]},
        ("b", "coast guard"),
        ("a", "Kestovan Coast Guard"),
        SAME,
    ),
    row(
        "one-word short form joins the one in the corpus",
        {"a": [("Marren City Police", "ORG")], "b": [("police", "GROUP")]},
        ("b", "police"),
        ("a", "Marren City Police"),
        SAME,
    ),
    row(
        "two forces in the corpus: the short form of a third document joins neither",
        {
            "a": [("Marren City Police", "ORG")],
            "b": [("Kestova National Police", "ORG")],
            "c": [("police", "GROUP")],
        },
        ("c", "police"),
        ("a", "Marren City Police"),
        APART,
    ),
    row(
        "its own document's force beats the corpus's two",
        {
            "a": [("Marren City Police", "ORG"), ("police", "GROUP")],
            "b": [("Kestova National Police", "ORG")],
        },
        ("a", "police"),
        ("a", "Marren City Police"),
        SAME,
    ),
    row(
        "the agency is not a hospital",
        {"a": [("Saint Halloran Hospital", "ORG"), ("agency", "GROUP")]},
        ("a", "agency"),
        ("a", "Saint Halloran Hospital"),
        APART,
    ),
    row(
        "short form is not the organisation it modifies",
        {"a": [("Marren Police Prefecture", "ORG"), ("police", "GROUP")]},
        ("a", "police"),
        ("a", "Marren Police Prefecture"),
        APART,
    ),
    row(
        "word order of a ministry",
        {"a": [("environment ministry", "GROUP")], "b": [("ministry of the environment", "ORG")]},
        ("a", "environment ministry"),
        ("b", "ministry of the environment"),
        SAME,
    ),
    row(
        "two ministries",
        {"a": [("transport ministry", "GROUP")], "b": [("fisheries ministry", "GROUP")]},
        ("a", "transport ministry"),
        ("b", "fisheries ministry"),
        APART,
    ),
    row(
        "a country's short form is the short form when no other country's is named",
        {"a": [("French transport ministry", "GROUP")], "b": [("transport ministry", "GROUP")]},
        ("a", "French transport ministry"),
        ("b", "transport ministry"),
        SAME,
    ),
    row(
        "two countries' ministries: the bare one joins neither",
        {
            "a": [("French transport ministry", "GROUP")],
            "b": [("transport ministry", "GROUP")],
            "c": [("German transport ministry", "GROUP")],
        },
        ("a", "French transport ministry"),
        ("b", "transport ministry"),
        APART,
    ),
    row(
        "two countries' ministries stay apart",
        {
            "a": [("French transport ministry", "GROUP")],
            "c": [("German transport ministry", "GROUP")],
        },
        ("a", "French transport ministry"),
        ("c", "German transport ministry"),
        APART,
    ),
    row(
        "a country's short form joins the named body of its document",
        {"a": [("Marren Coast Guard", "ORG"), ("Portuguese coast guard", "GROUP")]},
        ("a", "Portuguese coast guard"),
        ("a", "Marren Coast Guard"),
        SAME,
    ),
    # a title for the person
    row(
        "the minister is the one minister of its document",
        {"a": [("Interior Minister Nadia Orrin", "PERSON"), ("minister", "GROUP")]},
        ("a", "minister"),
        ("a", "Interior Minister Nadia Orrin"),
        SAME,
    ),
    row(
        "two ministers: the minister is neither",
        {
            "a": [
                ("Interior Minister Nadia Orrin", "PERSON"),
                ("Prime Minister Ilse Varga", "PERSON"),
                ("minister", "GROUP"),
            ]
        },
        ("a", "minister"),
        ("a", "Interior Minister Nadia Orrin"),
        APART,
    ),
    row(
        "the minister of another document",
        {"a": [("Interior Minister Nadia Orrin", "PERSON")], "b": [("minister", "GROUP")]},
        ("b", "minister"),
        ("a", "Interior Minister Nadia Orrin"),
        APART,
    ),
    # proper short forms
    row(
        "the end of one longer name",
        {"a": [("Kestova Committee of the Blue Lantern", "ORG")], "b": [("Blue Lantern", "ORG")]},
        ("a", "Kestova Committee of the Blue Lantern"),
        ("b", "Blue Lantern"),
        SAME,
    ),
    row(
        "the end of two longer names",
        {
            "a": [("Marren Assembly Plant", "ORG")],
            "b": [("Kestova Assembly Plant", "ORG")],
            "c": [("Assembly Plant", "ORG")],
        },
        ("c", "Assembly Plant"),
        ("a", "Marren Assembly Plant"),
        APART,
    ),
    row(
        "two plants with one head",
        {"a": [("Marren Assembly Plant", "ORG")], "b": [("Kestova Assembly Plant", "ORG")]},
        ("a", "Marren Assembly Plant"),
        ("b", "Kestova Assembly Plant"),
        APART,
    ),
]


@pytest.mark.parametrize(("corpus", "a", "b", "same"), MERGES)
def test_merge(corpus: Corpus, a: Ref, b: Ref, same: bool, lexicon: Lexicon) -> None:
    table = entity_table_of(corpus, lexicon)
    assert (entity_of(table, corpus, a).id == entity_of(table, corpus, b).id) is same


def test_stated_alias_beats_an_ambiguous_acronym(lexicon: Lexicon) -> None:
    corpus: Corpus = {
        "a": [("Kestova Rail Authority", "ORG"), ("Kestova Relief Agency", "ORG"), ("KRA", "ORG")],
        "b": [("KRA", "ORG")],
    }
    link = MentionLink(
        kind="alias", a=mention("Kestova Relief Agency", "ORG"), b=mention("KRA", "ORG")
    )
    table = entity_table_of(corpus, lexicon, {"a": [link]})
    relief = entity_of(table, corpus, ("a", "Kestova Relief Agency"))
    assert entity_of(table, corpus, ("b", "KRA")) == relief
    assert entity_of(table, corpus, ("a", "Kestova Rail Authority")) != relief
    assert relief.name == "Kestova Relief Agency"


def test_affiliation_links_a_person_without_merging(lexicon: Lexicon) -> None:
    corpus: Corpus = {"a": [("Tomas Brandt", "PERSON"), ("Marren Relief Society", "ORG")]}
    link = MentionLink(
        kind="affiliation",
        a=mention("Tomas Brandt", "PERSON"),
        b=mention("Marren Relief Society", "ORG"),
    )
    table = entity_table_of(corpus, lexicon, {"a": [link]})
    person = entity_of(table, corpus, ("a", "Tomas Brandt"))
    body = entity_of(table, corpus, ("a", "Marren Relief Society"))
    assert person.id != body.id
    assert person.affiliation == body.id
    assert body.affiliation is None


def test_name_without_its_country_is_an_alias(lexicon: Lexicon) -> None:
    corpus: Corpus = {
        "a": [("US Bureau of Tide Safety", "ORG")],
        "b": [("Kestova Tide Board", "ORG")],
    }
    table = entity_table_of(corpus, lexicon)
    assert (
        "Bureau of Tide Safety"
        in entity_of(table, corpus, ("a", "US Bureau of Tide Safety")).aliases
    )
    assert entity_of(table, corpus, ("b", "Kestova Tide Board")).aliases == ["Kestova Tide Board"]


def test_no_affiliation_without_a_link(lexicon: Lexicon) -> None:
    corpus: Corpus = {"a": [("Tomas Brandt", "PERSON"), ("Marren Relief Society", "ORG")]}
    table = entity_table_of(corpus, lexicon)
    assert all(e.affiliation is None for e in table.entities)


# ------------------------------------------------------------------------ links from the body


def at(body: str, text: str, kind: MentionKind, nth: int = 0) -> Mention:
    """A mention of the ``nth`` occurrence of ``text`` in ``body``."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Mention(text=text, kind=kind, start=start, end=start + len(text))


def links_of(body: str, ents: list[tuple[str, MentionKind]], lexicon: Lexicon):
    mentions, links = linked_mentions(body, [at(body, t, k) for t, k in ents], lexicon)
    pairs = {(link.kind, link.a.text, link.b.text) for link in links}
    return {m.text for m in mentions}, pairs


LINKS = [
    (
        "The Marren Relief Service (MRS) said forty people were rescued.",
        [("Marren Relief Service", "ORG")],
        {("alias", "Marren Relief Service", "MRS")},
    ),
    (
        "The Marren Relief Service(MRS) said forty people were rescued.",
        [("Marren Relief Service(MRS", "ORG")],
        {("alias", "Marren Relief Service", "MRS")},
    ),
    (
        "The PRESS RELEASE — Syndicat national des boulangers (SNB) called a strike.",
        [],
        {("alias", "Syndicat national des boulangers", "SNB")},
    ),
    (
        "Rescuers from the MRS (Marren Relief Service) arrived.",
        [],
        {("alias", "Marren Relief Service", "MRS")},
    ),
    ("The boat (MRS) sank.", [], set()),
    (
        "Nadia Orrin, a spokeswoman for the Marren Relief Society, said forty had died.",
        [("Nadia Orrin", "PERSON"), ("Marren Relief Society", "ORG")],
        {("affiliation", "Nadia Orrin", "Marren Relief Society")},
    ),
    (
        "Marren Relief Society spokesman Tomas Brandt said forty had died.",
        [("Marren Relief Society", "ORG"), ("Tomas Brandt", "PERSON")],
        {("affiliation", "Tomas Brandt", "Marren Relief Society")},
    ),
    (
        "Kestova's foreign ministry spokesman, Samir al-Qadiri, gave a figure.",
        [("Kestova", "GPE"), ("Samir al-Qadiri", "PERSON")],
        {("affiliation", "Samir al-Qadiri", "Kestova")},
    ),
    (
        "Tomas Brandt of the Marren Relief Society counted forty.",
        [("Tomas Brandt", "PERSON"), ("Marren Relief Society", "ORG")],
        {("affiliation", "Tomas Brandt", "Marren Relief Society")},
    ),
    (
        "Nadia Orrin met the Marren Relief Society on Monday.",
        [("Nadia Orrin", "PERSON"), ("Marren Relief Society", "ORG")],
        set(),
    ),
    (
        "Nadia Orrin, who praised Kestrel Lines, said forty had died.",
        [("Nadia Orrin", "PERSON"), ("Kestrel Lines", "ORG")],
        set(),
    ),
    (
        "Nadia Orrin, who praised the rescue chief of Kestrel Lines, said forty had died.",
        [("Nadia Orrin", "PERSON"), ("Kestrel Lines", "ORG")],
        set(),
    ),
    (
        "Kestova said on Friday that its chief Nadia Orrin had resigned.",
        [("Kestova", "GPE"), ("Nadia Orrin", "PERSON")],
        set(),
    ),
    (
        "Médecins du Lac / Doctors of the Lake said forty were treated.",
        [("Médecins du Lac", "ORG"), ("Doctors of the Lake", "ORG")],
        {("alias", "Médecins du Lac", "Doctors of the Lake")},
    ),
    (
        "The charity Médecins du Lac (Doctors of the Lake) said forty were treated.",
        [("Médecins du Lac", "ORG")],
        {("alias", "Médecins du Lac", "Doctors of the Lake")},
    ),
    (
        "Marren Relief Society (Kestova Lines) said forty were treated.",
        [],
        set(),
    ),
    ("Kestrel/Ardent said forty were laid off.", [("Kestrel", "ORG"), ("Ardent", "ORG")], set()),
]


@pytest.mark.parametrize(("body", "ents", "expected"), LINKS, ids=[r[0][:40] for r in LINKS])
def test_links(body: str, ents, expected: set, lexicon: Lexicon) -> None:
    _, links = links_of(body, ents, lexicon)
    assert links == expected


MENTIONS = [
    # (body, NER's mentions, a mention text that must be there, one that must not)
    ('"I cannot say," Mr Halloran said.', [("Halloran", "PERSON")], "Mr Halloran", "Halloran"),
    (
        "Interior Minister Nadia Orrin said forty had died.",
        [("Nadia Orrin", "PERSON")],
        "Interior Minister Nadia Orrin",
        "Minister Nadia Orrin",
    ),
    (
        "Dr. Ilse Varga said forty had died.",
        [("Ilse Varga", "PERSON")],
        "Dr. Ilse Varga",
        "Ilse Varga",
    ),
    (
        "Relatives of Ilse Varga said forty had died.",
        [("Ilse Varga", "PERSON")],
        "Ilse Varga",
        None,
    ),
    (
        "Ilse Varga opened an inquiry.\nVarga said forty had died.",
        [("Ilse Varga", "PERSON")],
        "Varga",
        None,
    ),
    (
        "The Marren Relief Service(MRS) said so.",
        [("Marren Relief Service(MRS", "ORG")],
        "MRS",
        "Marren Relief Service(MRS",
    ),
]


@pytest.mark.parametrize(
    ("body", "ents", "present", "absent"), MENTIONS, ids=[r[0][:40] for r in MENTIONS]
)
def test_mentions(body: str, ents, present: str, absent: str | None, lexicon: Lexicon) -> None:
    texts, _ = links_of(body, ents, lexicon)
    assert present in texts
    if absent is not None:
        assert absent not in texts


def test_a_month_is_no_recurring_surname(lexicon: Lexicon) -> None:
    texts, _ = links_of(
        "Ilse May spoke on Monday. In May forty had died.", [("Ilse May", "PERSON")], lexicon
    )
    assert texts == {"Ilse May"}


def test_a_common_word_opening_a_sentence_is_no_surname(lexicon: Lexicon) -> None:
    body = "Ilse Frost spoke. Frost damage was lost, she said, and Frost left. A frost was hard."
    mentions, _ = linked_mentions(body, [at(body, "Ilse Frost", "PERSON")], lexicon)
    assert [m.start for m in mentions if m.text == "Frost"] == [body.index("and Frost") + 4]


def test_a_name_inside_a_title_is_dropped(lexicon: Lexicon) -> None:
    body = "Interior Minister Nadia Orrin said forty had died."
    ents = [("Interior", "ORG"), ("Nadia Orrin", "PERSON")]
    texts, links = links_of(body, ents, lexicon)
    assert texts == {"Interior Minister Nadia Orrin"}
    assert links == set()


def test_lone_surname_needs_a_full_name(lexicon: Lexicon) -> None:
    texts, _ = links_of("Varga said forty had died. Varga left.", [("Varga", "PERSON")], lexicon)
    assert texts == {"Varga"}


# ------------------------------------------------------------------------ through extraction


def extract(nlp, lexicon: Lexicon, text: str) -> Extraction:
    doc = Document(
        id="t", path="t.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), body=text
    )
    return extract_document(doc, nlp=nlp, lexicon=lexicon)


def entity_named(table: EntityTable, alias: str) -> Entity:
    return next(e for e in table.entities if alias in e.aliases)


def test_defined_acronym_and_spokesman_through_extraction(nlp, lexicon: Lexicon) -> None:
    text = (
        "The Marren Relief Service (MRS) said 40 people were rescued on Monday. "
        "MRS spokesman Tomas Brandt said 12 people were still missing."
    )
    table = entity_table([extract(nlp, lexicon, text)], lexicon)
    service = entity_named(table, "MRS")
    assert "Marren Relief Service" in service.aliases
    assert entity_named(table, "Tomas Brandt").affiliation == service.id


AFFILIATED = [
    (
        "Kestova Relief Agency director Nadia Orrin said 40 people died.",
        "Nadia Orrin",
        "Kestova Relief Agency",
    ),
    (
        "Nadia Orrin, a spokeswoman for the Kestova Relief Society, said 40 people died.",
        "Nadia Orrin",
        "Kestova Relief Society",
    ),
]


@pytest.mark.parametrize(
    ("text", "person", "body"), AFFILIATED, ids=[r[1] + r[2] for r in AFFILIATED]
)
def test_affiliation_through_extraction(
    nlp, lexicon: Lexicon, text: str, person: str, body: str
) -> None:
    table = entity_table([extract(nlp, lexicon, text)], lexicon)
    assert entity_named(table, person).affiliation == entity_named(table, body).id
    assert entity_named(table, person).id != entity_named(table, body).id
