"""Who said each count, by kind of construction (issue 9, item 5): a table's column and
bracketed sources, a numbered situation report's issuer, a figure owned by its giver
("the board's 23"), a pronoun owner of a figure ("its count"), a label naming whose
news follows, "I" and "we" inside a quotation, "citing X", and clauses on a noun that
are no reporting aside. One invented sentence or short text per case, positive and
negative; every name and figure here is made up."""

from __future__ import annotations

import hashlib

import pytest
from builders import extractions_of

from claimrec.entities import entity_table
from claimrec.extract import extract_document
from claimrec.extract.issuer import issuer
from claimrec.lexicon import Lexicon
from claimrec.models import Document


def source_of(nlp, lexicon: Lexicon, text: str, quote: str) -> str | None:
    """The source as written of the one count whose quote holds ``quote``."""
    (extraction,) = extractions_of(nlp, lexicon, (text,))
    found = {c.evidence.quote: c.source.text if c.source else None for c in extraction.claims}
    match = [q for q in found if quote in q]
    assert match, found
    return found[match[0]]


TABLE = """# The storm in figures

| Figure | KFA | Other |
|---|---|---|
| Deaths | 27 | 31 (Velk Relief Society) |
| Evacuated | 320,000 | 410,000 (Velk governor) |

| Region | Deaths | Injured |
|---|---|---|
| North | 12 | 40 |
"""

# (text, quote in the count, expected source as written, or None)
KINDS = [
    # a column header that is only a name gives the column's figures
    (TABLE, "27", "KFA"),
    (TABLE, "320,000", "KFA"),
    # a bracketed name after a figure in a cell is that figure's own source
    (TABLE, "31", "Velk Relief Society"),
    (TABLE, "410,000", "Velk governor"),
    # ... while headers that say what is counted name no one
    (TABLE, "12", None),
    # a figure owned by its giver, inside someone else's sentence
    (
        "Greta Holm said at least 30 people were held, more than the bureau's 23.",
        "23",
        "bureau",
    ),
    ("Greta Holm said at least 30 people were held.", "30 people", "Greta Holm"),
    # a figure noun owned by the body in a compound ("the police toll")
    ("The police toll is 11.", "11", "police"),
    ("The flood toll is 11.", "11", None),
    # a report noun "of" a body names its author; "a total of N people" names no one
    (
        "The overnight bulletin of the Civil Defence Agency puts the toll at 19 dead.",
        "19 dead",
        "Civil Defence Agency",
    ),
    ("A total of 830 residents of nine villages have been evacuated.", "830 residents", None),
    # "its figure" in the object of a clause: the clause's subject
    (
        "The rescue service is sticking to its figure of 130 injured.",
        "130 injured",
        "rescue service",
    ),
    # a label naming whose figures follow
    ("The overnight police toll: nine dead.", "nine dead", "police"),
    ("**15:10** — KFA update: 21 confirmed dead, 35 missing.", "35", "KFA"),
    ("**15:10** — Harbour update: 21 confirmed dead, 35 missing.", "35", None),
    # "citing X" when the verb's subject is no one ("an earlier version said")
    (
        "A first draft of the item said 14 people had died, citing a hospital nurse.",
        "14 people",
        "hospital nurse",
    ),
    # a clause on a noun ("of which 52 were confirmed by X") is no aside for the sentence
    (
        "Some 400 suspected cases have been notified since May, of which 52 have been "
        "confirmed by the Orsa Central Laboratory.",
        "400",
        None,
    ),
    # "their" on a figure noun: the plural speaker earlier in the sentence
    (
        "Inspectors said 40 new cases had been found; by Friday, their tally stood at 120 cases.",
        "120 cases",
        "Inspectors",
    ),
    # "it" right after a named speaker is that speaker, however NER typed the name
    (
        "Velk Rail said 30 were hurt. It said 200 people were aboard.",
        "200 people",
        "Velk Rail",
    ),
    # ... a titled person is never "it"; "it" that is no speaker leaves no source
    ("Dr Ann Sor said 12 died. It said 40 people were saved.", "40 people", None),
    ("Mara Kovet put the number at 23. Later it rose to 29 people.", "29 people", None),
    # a coordinated verb of saying with its own subject is its speaker's alone
    (
        "Mayor Ilse Varn said about 12,000 residents had left, but police put the number at 9,500.",
        "9,500",
        "police",
    ),
    (
        "Mayor Ilse Varn said about 12,000 residents had left.",
        "12,000 residents",
        "Mayor Ilse Varn",
    ),
    # a reporting clause closing the sentence after a comma, whatever the parser hung on it
    (
        "Guards held 40 people and 12 officers were hurt as crowds gathered in the square, "
        "the Orsk Interior Bureau said.",
        "40 people",
        "Orsk Interior Bureau",
    ),
    ("After Kestrel Mining reported earnings, 300 members left the union.", "300 members", None),
    # a body doing what its figure counts gives the figure; people acting give none
    (
        "The Velk Health Bureau said 300 cases were found.\n\nThe bureau has sent 40 "
        "nurses to the camp.",
        "40 nurses",
        "The Velk Health Bureau",
    ),
    ("Harbour Police arrested 12 people.", "12 people", "Harbour Police"),
    ("Volunteers rescued 50 people.", "50 people", None),
    ("Orlen Motors laid off 600 workers.", "600 workers", None),
    # a figure set beside its report noun is the report's author's
    (
        "- Missing: about 60, the same estimate the brigade has given since Monday.",
        "about 60",
        "brigade",
    ),
    # those who run a named body speak for it; a town's officials are no body's
    (
        "Harbour Front organisers said 80,000 people marched.",
        "80,000 people",
        "Harbour Front",
    ),
    ("Organisers of the march said 900 people came.", "900 people", "Organisers"),
    # a name NER takes for a body after a title is the person "she" points back to
    (
        'Chief executive Wenna Dorl said the offer was "well received". She added that '
        "300 contractors would be let go by May.",
        "300 contractors",
        "Wenna Dorl",
    ),
    # a sentence about a body's figures is no statement the next quote carries
    (
        'Pay talks failed, company spokesman Orri Vant told reporters. "Around 9,000 people '
        'clocked in. The union numbers are fiction."',
        "9,000 people",
        "Orri Vant",
    ),
    # a quotation no verb of saying attributes is the person its paragraph named before it
    (
        'A passenger, Ruta Senn, 52, was going home. "I was in the last coach. There were '
        'maybe forty people in it."',
        "forty people",
        "Ruta Senn",
    ),
    # ... and a word set in quotation marks is no one's quotation
    (
        'Ruta Senn is a doctor. The "official" list has 40 people on it.',
        "40 people",
        None,
    ),
    # "we" and "I" in a quotation are its speaker, not the organisation named before
    (
        'Velk Water Board said 300 wells were dry. "We have treated 12 patients," said '
        "its field nurse, Lina Qvist.",
        "12 patients",
        "Lina Qvist",
    ),
    (
        'Nurse Ada Ferren: "I saw 25 children in the queue."',
        "25 children",
        "Nurse Ada Ferren",
    ),
]


@pytest.mark.parametrize(("text", "quote", "expected"), KINDS)
def test_source_by_kind(nlp, lexicon, text: str, quote: str, expected: str | None) -> None:
    assert source_of(nlp, lexicon, text, quote) == expected


def test_its_count_is_the_organisation_that_spoke_before(nlp, lexicon) -> None:
    text = (
        "The Velk Water Board now estimates that 340 residents were moved. "
        "Its injured count is up to 93."
    )
    assert source_of(nlp, lexicon, text, "93") == "Velk Water Board"


# (body, issuer named in the heading, or None)
HEADINGS = [
    # a numbered situation report speaks for the agency heading it
    (
        "KESTRIAN RELIEF AGENCY\nSITUATION REPORT No. 4 — FLOODS\n\nSome 300 people left.",
        "KESTRIAN RELIEF AGENCY",
    ),
    # a comma after the issuer's name says where it is
    (
        "WATER BOARD OF ORSK, REPUBLIC OF VELKA\nPRESS RELEASE: FLOODS\n\nSome 300 people left.",
        "WATER BOARD OF ORSK",
    ),
    # a news story is no release
    ("Velk floods: the latest\n\nSome 300 people left.", None),
]


@pytest.mark.parametrize(("body", "name"), HEADINGS)
def test_heading_issuer(lexicon, body: str, name: str | None) -> None:
    found = issuer(body, lexicon)
    assert (found.text if found else None) == name


def test_a_release_speaks_for_its_issuer_through_unnamed_data(nlp, lexicon) -> None:
    text = (
        "WATER BOARD OF ORSK, REPUBLIC OF VELKA\nPRESS RELEASE: FLOODS\n\n"
        "The Water Board of Orsk informs the public.\n\n"
        "According to the information available to the board, 30 residents were moved."
    )
    assert source_of(nlp, lexicon, text, "30 residents") == "The Water Board of Orsk"


RELEASE = (
    "**FOR IMMEDIATE RELEASE**\n\n"
    "Orsk, 3 May — The Velk Dockers' Guild began a strike today.\n\n"
    "The guild is calling on members to march on Saturday. It expects at least 9,000 "
    "people to attend."
)


def test_a_release_naming_no_issuer_is_its_outlets(nlp, lexicon) -> None:
    """A release whose heading names no one speaks for its publisher, named in its body."""
    doc = Document(
        id="d0",
        path="d0.txt",
        sha256=hashlib.sha256(RELEASE.encode()).hexdigest(),
        body=RELEASE,
        outlet="Velk Dockers' Guild",
    )
    extraction = extract_document(doc, nlp=nlp, lexicon=lexicon)
    (claim,) = [c for c in extraction.claims if c.type == "count"]
    assert claim.source is not None and claim.source.text == "Velk Dockers' Guild"
    assert issuer(RELEASE, lexicon) is None  # without its metadata, no one
    assert issuer("Some 300 people left.", lexicon, "Velk Dockers' Guild") is None


# (documents, how many entities their counts' sources are)
PLACED = [
    # an office named with its state's formal name is the office a story names without it
    (
        (
            "CIVIL DEFENCE OFFICE OF THE REPUBLIC OF VELKA\nPRESS RELEASE: FLOODS\n\n"
            "Some 300 people left their homes.",
            "The Civil Defence Office said 400 people were evacuated.",
        ),
        1,
    ),
    # ... but of two states' offices of one name, the bare name is neither's
    (
        (
            "CIVIL DEFENCE OFFICE OF THE REPUBLIC OF VELKA\nPRESS RELEASE: FLOODS\n\n"
            "Some 300 people left their homes.",
            "CIVIL DEFENCE OFFICE OF THE REPUBLIC OF ORLENIA\nPRESS RELEASE: FLOODS\n\n"
            "Some 500 people left their homes.",
            "The Civil Defence Office said 400 people were evacuated.",
        ),
        3,
    ),
]


@pytest.mark.parametrize(("texts", "count"), PLACED)
def test_an_office_of_a_state_is_one_entity(
    nlp, lexicon, texts: tuple[str, ...], count: int
) -> None:
    extractions = extractions_of(nlp, lexicon, texts)
    table = entity_table(extractions, lexicon)
    ids = {table.id_of(e.doc, c.source) for e in extractions for c in e.claims if c.type == "count"}
    assert None not in ids
    assert len(ids) == count, ids
