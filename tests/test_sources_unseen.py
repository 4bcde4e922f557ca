"""Sources on news claimrec was not built against (issue 9, items 5 and 6): the reporting
forms of releases, live blogs, wire copy and features, and one entity per voice across
the names a source goes by. One invented sentence (or short text) per case, positive and
negative; every name and figure here is made up."""

from __future__ import annotations

import pytest
from builders import extractions_of

from claimrec.entities import entity_table
from claimrec.extract.issuer import issuer
from claimrec.lexicon import Lexicon


def sources(nlp, lexicon: Lexicon, *texts: str) -> dict[str, tuple[str | None, str | None]]:
    """Quote of every count -> (source as written, source entity id), documents in order."""
    extractions = extractions_of(nlp, lexicon, texts)
    table = entity_table(extractions, lexicon)
    return {
        c.evidence.quote: (c.source.text if c.source else None, table.id_of(e.doc, c.source))
        for e in extractions
        for c in e.claims
        if c.type == "count"
    }


def source_text(nlp, lexicon: Lexicon, text: str, quote: str) -> str | None:
    found = sources(nlp, lexicon, text)
    match = [q for q in found if quote in q]
    assert match, found
    return found[match[0]][0]


# ------------------------------------------------------------------ reporting forms

# (text, quote in the count, expected source as written, or None)
FORMS = [
    # "it" after a source that gave a figure with a verb of tallying is that source
    (
        "Kestrel Mining initially estimated the number of trapped workers at 17 on Monday. "
        "A day later it raised that estimate to 21.",
        "21",
        "Kestrel Mining",
    ),
    # a statement noun owned by its speaker: "X repeated its claim that ..."
    (
        "The Selm Dockers' Union has reiterated its assertion that 40 men were aboard.",
        "40 men",
        "Selm Dockers' Union",
    ),
    # "X's total stands at"
    ("The Selm Coast Guard's total now stands at 410 evacuated.", "410", "Selm Coast Guard"),
    # "the hospital ... corrected that figure to N": a verb of correcting is a verb of saying
    (
        "Orlen City Hospital said on Monday it was treating 30 patients. The hospital "
        "corrected that figure on Tuesday to 26.",
        "26",
        "Orlen City Hospital",
    ),
    # a bare "the company" in a later paragraph: the company that gave a figure before,
    # even one NER takes for a person ("operator X")
    (
        "Six workers were freed on Friday, plant operator Ravel Dunmore said.\n\n"
        "In all, 40 workers have been freed since the blast, according to the company.",
        "40 workers",
        "Ravel Dunmore",
    ),
    # a live-blog entry labelled with its source
    (
        "Coastal Relief Society: the shelters held 900 people last night.",
        "900 people",
        "Coastal Relief Society",
    ),
    (
        "The latest from the regional health authority: 37 people treated for burns.",
        "37 people",
        "regional health authority",
    ),
    ("Update from the Orlen fire brigade: 12 people rescued.", "12 people", "Orlen fire brigade"),
    # a name modifying a body's noun names the body, even one NER takes for a person
    ("The Orlen fire brigade said 12 people were rescued.", "12 people", "Orlen fire brigade"),
    # the speaker of a verb of saying it is the complement of ("X continues to put ...")
    (
        "Some 900 people have left. Mayor Orla Venn keeps putting the number at 1,400 people.",
        "1,400 people",
        "Orla Venn",
    ),
    # a quotation running over sentences, its speaker named where it closes
    (
        'The roof fell at noon. "Twelve miners were in the tunnel. Nobody came for hours," '
        "Mara Kovet said.",
        "Twelve miners",
        "Mara Kovet",
    ),
    (
        'Ivo Dren is 40.\n\n"We were seven in the truck. Then two more men squeezed aboard, '
        'so nine people," he told reporters by phone.',
        "two more men",
        "Ivo Dren",
    ),
    # ... but a quotation closed before the speaker's sentence is not his
    (
        'Mara Kovet spoke later. "Twelve miners were in the tunnel." The fire spread, she said.',
        "Twelve miners",
        None,
    ),
    # an unnamed spokesperson speaks with their organisation's voice
    (
        "A spokesperson for the Orlen Health Board said 300 people were treated.",
        "300 people",
        "Orlen Health Board",
    ),
    (
        "An Orlen Fire Service spokesman said 300 people were evacuated.",
        "300 people",
        "Orlen Fire Service",
    ),
    (
        "The Orlen Health Board said 40 people died. Its spokeswoman later said 300 people "
        "were treated.",
        "300 people",
        "Orlen Health Board",
    ),
    # ... an official, a source or a named spokesperson speaks for themselves
    (
        "An official at the Orlen Health Board said 300 people were treated.",
        "300 people",
        "official",
    ),
    ("A senior spokesman said 300 people were treated.", "300 people", "senior spokesman"),
    # a labelled quotation runs on: its later sentences are the label's speaker's
    (
        'Dr Ulla Venk: "Most are very cold. Three miners have burns to the legs."',
        "Three miners",
        "Dr Ulla Venk",
    ),
    # ... but a headline's label does not run into the body
    ("Orlen Red Cross: 300 dead in floods\n\nSome 40 people were rescued.", "40 people", None),
    # people at the scene and bodies of any kind speak
    ("Stewards told the Post that 40 fans were crushed.", "40 fans", "Stewards"),
    ("The league's figures show that 40 fans were hurt.", "40 fans", "league"),
    # a body's toll is the body's figure; a place's toll counts its people, no one's figure
    ("The health ministry's death toll rose to 300 on Monday.", "300", "health ministry"),
    ("Orlen's death toll rose to 300 on Monday.", "300", None),
    # a list introduced by its source speaks for it, to the list's end
    (
        "The Orlen Health Board gave these figures:\n\n- 300 people treated for burns\n"
        "- 40 people in intensive care",
        "40 people",
        "Orlen Health Board",
    ),
    (
        "According to the Orlen Health Board:\n\n1. 300 people were treated for burns.",
        "300 people",
        "Orlen Health Board",
    ),
    (
        "The Orlen Health Board gave these figures:\n\n- 300 people treated for burns\n\n"
        "Some 20 people were missing on Monday.",
        "20 people",
        None,
    ),
    ("Key figures:\n\n- 300 people treated for burns", "300 people", None),
    # labels that name no one: a figure label, news from a place
    ("Dead: about 80 people, the majority in Orlen.", "80 people", None),
    ("The latest from Orlen: 37 people treated for burns.", "37 people", None),
    # "it" still needs an organisation that spoke: a person's figure leaves it unresolved
    ("Mara Kovet put the number at 23. Later it rose to 29 people.", "29 people", None),
]


@pytest.mark.parametrize(("text", "quote", "expected"), FORMS)
def test_reporting_forms(nlp, lexicon, text: str, quote: str, expected: str | None) -> None:
    assert source_text(nlp, lexicon, text, quote) == expected


# ------------------------------------------------------------------ releases


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a heading naming the statement's topic after its issuer
        (
            "KESTREL MINING PLC — STATEMENT ON THE FIRE AT ORLEN PIT\n\nOrlen, 3 May\n\nText.",
            "KESTREL MINING PLC",
        ),
        # ... or before it: the topic is never the issuer
        ("STATEMENT ON THE FIRE AT ORLEN PIT — Kestrel Mining\n\nText.", "Kestrel Mining"),
        # a release that says so only by its closing line
        (
            "Orlen Port Authority\nOrlen, 3 May\n\nSome 300 people left.\n\nENDS\n",
            "Orlen Port Authority",
        ),
        # ... whose heading is a headline: no issuer named
        ("Six miners rescued at Orlen\n\nSome 300 people left.\n\nENDS\n", None),
        # a news story is no release, whatever its heading
        ("Kestrel Mining — fire at Orlen pit\n\nSome 300 people left.", None),
    ],
)
def test_release_issuer(lexicon, body: str, name: str | None) -> None:
    found = issuer(body, lexicon)
    assert (found.text if found else None) == name


def test_a_statement_speaks_for_its_issuer_across_documents(nlp, lexicon) -> None:
    found = sources(
        nlp,
        lexicon,
        "KESTREL MINING PLC — STATEMENT ON THE FIRE AT ORLEN PIT\n\n"
        "Some 84 employees were underground at the time. Twenty-three remain unaccounted for.",
        "Kestrel Mining said 29 miners were trapped.",
    )
    assert {entity for _, entity in found.values()} == {"ent:kestrel-mining"}, found


# ------------------------------------------------------------------ one entity per voice

# (documents, quotes whose sources must be one entity)
ONE_VOICE = [
    # a country's possessive before an organisation's name
    (
        (
            "Fires forced 900 people out, Orlenia's Office of Civil Defence (OCD) said.",
            "The Office of Civil Defence said 1,200 people had left.",
        ),
        ["900 people", "1,200 people"],
    ),
    # a generic description and the same description narrowed
    (
        (
            "Twenty people were treated, according to the regional health authority.",
            "The health authority said 41 people were treated.",
        ),
        ["Twenty people", "41 people"],
    ),
    # a company's registered name and its name in the news
    (
        (
            "Some 300 workers were laid off, Ravel Motors Ltd said.",
            "Ravel Motors said 200 workers were laid off.",
        ),
        ["300 workers", "200 workers"],
    ),
    # a company's first word, in the document that names it in full
    (
        ("Ravel Motors said 300 workers were laid off. Ravel said 200 more would go in May.",),
        ["300 workers", "200"],
    ),
]


@pytest.mark.parametrize(("texts", "quotes"), ONE_VOICE)
def test_one_entity_per_voice(nlp, lexicon, texts: tuple[str, ...], quotes: list[str]) -> None:
    found = sources(nlp, lexicon, *texts)
    ids = {found[q][1] for q in found if any(x in q for x in quotes)}
    assert len(ids) == 1 and None not in ids, found


# (documents, two quotes whose sources must stay two entities)
APART = [
    # a town and its hospital: a place's name begins the hospital's, it is not its short name
    (
        ("Orlen said 40 people were evacuated. Orlen City Hospital said 12 people were treated.",),
        ("40 people", "12 people"),
    ),
    # a bare "police" that two narrower forces end: neither
    (
        (
            "Border police said 30 people were detained.",
            "City police said 12 people were detained.",
        ),
        ("30 people", "12 people"),
    ),
]


@pytest.mark.parametrize(("texts", "pair"), APART)
def test_different_voices_stay_apart(
    nlp, lexicon, texts: tuple[str, ...], pair: tuple[str, str]
) -> None:
    found = sources(nlp, lexicon, *texts)
    a, b = (next(found[q][1] for q in found if x in q) for x in pair)
    assert a is not None and b is not None and a != b, found


@pytest.mark.xfail(
    strict=True,
    reason="NER leaves an unknown country's possessive out of the name it tags, so two "
    "countries' offices of one name are written alike as sources",
)
def test_two_countries_offices_of_one_name(nlp, lexicon) -> None:
    found = sources(
        nlp,
        lexicon,
        "Orlenia's Office of Civil Defence said 900 people left.",
        "Ravelia's Office of Civil Defence said 1,200 people left.",
    )
    assert found["900 people"][1] != found["1,200 people"][1], found


# ------------------------------------------------------------------ people by their age


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("For three days Ivo Dren, 41, kept count by one lamp.", ["Ivo Dren"]),
        ("He met Edda Korvin Brodek, 71.", ["Edda Korvin Brodek"]),
        # a place and a date, a name and a year, a single word: no one
        ("The Dunmore Colliery, 12 January, was closed.", []),
        ("The Velka Hills, 2019, saw fires.", []),
        ("In Orlen, 38, people waited.", []),
    ],
)
def test_a_name_given_with_an_age_is_a_person(nlp, text: str, names: list[str]) -> None:
    from claimrec.extract.people import aged_names

    assert [s.text for s in aged_names(nlp(text))] == names


def test_a_person_introduced_with_an_age_speaks_and_is_one_entity(nlp, lexicon) -> None:
    found = sources(
        nlp,
        lexicon,
        'For three days Ivo Dren, 38, waited underground.\n\n"There were eleven miners in '
        'the chamber. Then two more men crawled in," he said.\n\nDren said 8 men were hurt.',
    )
    assert {found[q] for q in ("eleven miners", "two more men")} == {
        ("Ivo Dren", "ent:ivo-dren")
    }, found
    assert found["8 men"][1] == "ent:ivo-dren", found
