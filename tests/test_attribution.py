"""Attribution: who each count is attributed to, one reporting form per invented sentence."""

from __future__ import annotations

import pytest
from builders import count_claims, extraction_of

from claimrec.extract.datelines import dateline, mask_datelines
from claimrec.extract.issuer import issuer
from claimrec.extract.table_sources import source_at, table_sources
from claimrec.models import RawClaim


def source_of(nlp, lexicon, text: str, quote: str) -> str | None:
    """The source text of the count whose quote contains ``quote``."""
    found = [c for c in count_claims(nlp, lexicon, text) if quote in c.evidence.quote]
    assert found, [c.evidence.quote for c in count_claims(nlp, lexicon, text)]
    return found[0].source.text if found[0].source else None


# (text, quote of the count, expected source text or None)
FORMS = [
    # a verb of saying, in every position
    ("At least 300 people were killed, Mira Dovan said.", "300 people", "Mira Dovan"),
    ("At least 300 people were killed, said Mira Dovan.", "300 people", "Mira Dovan"),
    ("Mira Dovan told lawmakers that 300 people were killed.", "300 people", "Mira Dovan"),
    (
        "In a statement, the Valdor Red Cross said 300 people were killed.",
        "300 people",
        "Valdor Red Cross",
    ),
    ("The Telmar Courier reported that 300 people were killed.", "300 people", "Telmar Courier"),
    # "according to", with a person in apposition
    (
        "According to the interior minister, Lena Varga, 300 people were killed.",
        "300 people",
        "Lena Varga",
    ),
    (
        "About 180 inmates joined the riot, which began at dinner in the east wing, prison "
        "spokesman Ori Vale told reporters.",
        "180 inmates",
        "Ori Vale",
    ),
    (
        'The union put the crowd at 9,000. "They can say what they like," Ilse Marek said. '
        '"We lost 14 colleagues last year."',
        "14 colleagues",
        "Ilse Marek",
    ),
    (
        "Forty people died, according to a statement from the Valdor Red Cross.",
        "Forty people",
        "Valdor Red Cross",
    ),
    (
        "Citing hospital records, Osric Pell said 300 people were killed.",
        "300 people",
        "Osric Pell",
    ),
    # verbs of tallying: the subject gives the figure, however the number attaches
    ("The Valdor Red Cross put the toll at 300 dead people.", "300", "Valdor Red Cross"),
    (
        "The Valdor Red Cross estimated that 300 people were killed.",
        "300 people",
        "Valdor Red Cross",
    ),
    ("Police counted 300 people at the march.", "300 people", "Police"),
    # a report noun: its author is the source
    ("Valdor Red Cross figures show 300 people were killed.", "300 people", "Valdor Red Cross"),
    ("The Valdor Red Cross's count stood at 300 people killed.", "300", "Valdor Red Cross"),
    ("By the Telmar Union's count, 300 people were arrested.", "300 people", "Telmar Union"),
    (
        "Tallies of 300 deaths published by the Valdor Red Cross are too low, Osric Pell said.",
        "300",
        "Valdor Red Cross",
    ),
    (
        "The Valdor Red Cross's own bulletin warned that 300 people were killed.",
        "300 people",
        "Valdor Red Cross",
    ),
    (
        "Osric Pell said the toll was lower than the 300 deaths the Valdor Red Cross recorded.",
        "300 deaths",
        "Valdor Red Cross",
    ),
    (
        "Osric Pell spoke once the Valdor Aid League had retracted its tally of 300 deaths.",
        "300 deaths",
        "Valdor Aid League",
    ),
    # a classifier noun before the name
    ("The charity Oxfam said 300 people were killed.", "300 people", "Oxfam"),
    (
        "The newspaper Telmar Post reported that 300 people were killed.",
        "300 people",
        "Telmar Post",
    ),
    # two statements in one sentence
    (
        "The prefecture reported 300 protesters; organisers said 900 protesters.",
        "300 protesters",
        "prefecture",
    ),
    (
        "A study by Valdor scientists projected that 300 people would be killed.",
        "300 people",
        "Valdor scientists",
    ),
    # nested speech: the outermost speaker is the one the text quotes
    (
        "Mira Dovan said survivors had told her that 300 people were killed.",
        "300 people",
        "Mira Dovan",
    ),
    # an inserted reporting clause
    (
        "For three weeks, Mira Dovan said, 300 people have been killed every day.",
        "300 people",
        "Mira Dovan",
    ),
    ("- Arrested: 300 people, police say.", "300 people", "police"),
    # a gapped second statement, and a named figure in apposition
    ("In Telmar, police counted 300 protesters and unions 900 protesters.", "900", "unions"),
    ("In Telmar, police counted 300 protesters and unions 900 protesters.", "300", "police"),
    (
        "The first independent figure: Telmar Counts, a polling firm, says 300 people marched.",
        "300 people",
        "Telmar Counts",
    ),
    (
        "Ilse Marek gave another breakdown: 21 guards injured and 4 missing.",
        "21 guards",
        "Ilse Marek",
    ),
    # a headline's speaker label
    ("Red Cross: 300 people killed in the floods.", "300 people", "Red Cross"),
    ("Interior Minister Lena Varga: 300 people were killed.", "300 people", "Lena Varga"),
    ("Dead: 300 people, the Valdor Red Cross says.", "300 people", "Valdor Red Cross"),
    ("Update, 2 May: 300 people were killed in the floods.", "300 people", None),
    # a subordinate clause with its own object is no aside
    (
        "The strike began after Valdor Motors reported earnings, and 300 workers were killed.",
        "300 workers",
        None,
    ),
    (
        "Structural engineers warned that 300 people were killed.",
        "300 people",
        "Structural engineers",
    ),
    (
        "Neighbours drew up a register that they say proves 300 people were killed.",
        "300 people",
        "Neighbours",
    ),
    # no source
    ("Some 300 people were killed in the quake.", "300 people", None),
    ("In January, 300 people were killed in the quake.", "300 people", None),
    ("Flooding killed 300 people in the valley.", "300 people", None),
]


@pytest.mark.parametrize(("text", "quote", "source"), FORMS)
def test_source_forms(nlp, lexicon, text: str, quote: str, source: str | None) -> None:
    assert source_of(nlp, lexicon, text, quote) == source


@pytest.mark.xfail(
    strict=True, reason="NER misses the name and the parser splits it ('Now' as an adverb)"
)
def test_unknown_name_after_a_classifier_noun(nlp, lexicon) -> None:
    text = "The charity Relief Now said 300 people were killed."
    assert source_of(nlp, lexicon, text, "300 people") == "Relief Now"


@pytest.mark.parametrize(
    "text",
    [
        "In January, officials said 300 people were killed.",
        "Revised figures said 300 people were killed.",
        "It said 300 people were killed.",
    ],
)
def test_never_a_date_common_noun_or_unresolved_pronoun(nlp, lexicon, text: str) -> None:
    got = source_of(nlp, lexicon, text, "300 people")
    assert got not in {"January", "Revised", "figures", "It", "it"}


def test_speech_does_not_carry_to_a_new_thing(nlp, lexicon) -> None:
    text = "Mira Dovan said 300 people were killed. The river killed 5,000 people in May."
    assert source_of(nlp, lexicon, text, "5,000 people") is None


def test_speaker_continues_into_the_next_sentence(nlp, lexicon) -> None:
    text = "Mira Dovan said 300 people were killed. The toll could rise to 500."
    assert [c.source.text if c.source else None for c in count_claims(nlp, lexicon, text)] == [
        "Mira Dovan",
        "Mira Dovan",
    ]


@pytest.mark.parametrize(
    ("text", "quote", "source"),
    [
        # a bare description points back to the organisation named with that noun
        (
            "The Valdor interior ministry said 300 people were killed. "
            "On Friday the ministry said 500 people were displaced.",
            "500 people",
            "Valdor interior ministry",
        ),
        # a bare title points back to the person named with it
        (
            "Interior Minister Maria Lindqvist visited the camp. "
            "By the minister's count, 500 people were displaced.",
            "500 people",
            "Maria Lindqvist",
        ),
        # ... or the organisation described with it
        (
            "Valdor Analytics, an independent firm, counts the march. "
            "On Friday the firm said 500 protesters marched.",
            "500 protesters",
            "Valdor Analytics",
        ),
        # a generic noun with no named antecedent stays as written
        ("The company said 300 workers were killed.", "300 workers", "company"),
    ],
)
def test_bare_descriptions(nlp, lexicon, text: str, quote: str, source: str) -> None:
    assert source_of(nlp, lexicon, text, quote) == source


def test_it_resolves_to_the_last_organisation_that_spoke(nlp, lexicon) -> None:
    text = (
        "The Valdor Red Cross said 300 people were killed. "
        "By Friday, it estimates, 500 people will have been displaced."
    )
    assert source_of(nlp, lexicon, text, "500 people") == "Valdor Red Cross"


# ------------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    ("line", "stripped"),
    [
        ("TELMAR — Some 300 people", "TELMAR — "),
        ("TELMAR, Valdoria (Meridian Wire) — Some", "TELMAR, Valdoria (Meridian Wire) — "),
        ("Telmar (Meridian Wire): Some", "Telmar (Meridian Wire): "),
        ("08:20 — A correction", "08:20 — "),
        ("**10:05 a.m.** — By noon", "**10:05 a.m.** — "),
        ("Red Cross: 300 dead", ""),
        ("- Dead: about 80", ""),
        ("Update, 2 May 2024: The", ""),
    ],
)
def test_dateline(line: str, stripped: str) -> None:
    assert line[: dateline(line)] == stripped


def test_datelines_are_blanked_in_place() -> None:
    body = "Title\nTELMAR (Meridian Wire) — Some 300 people died."
    masked = mask_datelines(body)
    assert len(masked) == len(body)
    assert masked.endswith("Some 300 people died.") and "TELMAR" not in masked


def test_pieces_start_after_a_blanked_dateline() -> None:
    from claimrec.extract.paragraphs import pieces

    body = "08:20 — Maria Lindqvist spoke.\nTELMAR — Rain fell."
    starts = [(p.start, p.text) for p in pieces(body)]
    assert starts == [(8, "Maria Lindqvist spoke."), (body.index("Rain"), "Rain fell.")]


def test_dateline_is_not_the_source(nlp, lexicon) -> None:
    text = "TELMAR (Meridian Wire) — At least 300 people were killed, Mira Dovan said."
    claim = count_claims(nlp, lexicon, text)[0]
    assert claim.source is not None and claim.source.text == "Mira Dovan"
    assert text[claim.source.start : claim.source.end] == "Mira Dovan"


# ------------------------------------------------------------------ tables


TABLE = (
    "Who counted what.\n\n"
    "| Day | Counted by | Telmar |\n"
    "| --- | --- | --- |\n"
    "| Monday | Valdor police, first count | 3,000 protesters |\n"
    "| Monday | **Telmar Union** (organisers) | 9,000 marchers |\n"
)


def test_table_source_column(nlp, lexicon) -> None:
    assert source_of(nlp, lexicon, TABLE, "3,000") == "Valdor police"
    assert source_of(nlp, lexicon, TABLE, "9,000") == "Telmar Union"


@pytest.mark.parametrize(
    ("header", "source"),
    [
        ("Workers out (UNU figure)", "UNU"),
        ("Red Cross estimate", "Red Cross"),
        ("WHO cases", "WHO"),
        ("Ministry deaths", "Ministry"),
        ("People on board", None),
    ],
)
def test_table_column_author(lexicon, header: str, source: str | None) -> None:
    body = f"| Town | {header} |\n|---|---|\n| Telmar | 300 |\n"
    found = source_at(table_sources(body, lexicon), body.index("300"))
    assert (found.text if found else None) == source
    if found is not None:
        assert body[found.start : found.end] == source


# ------------------------------------------------------------------ releases


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("PRESS RELEASE — Valdor Relief Agency\nTelmar, 3 May 2024", "Valdor Relief Agency"),
        ("UNU NEWS RELEASE\nFOR IMMEDIATE RELEASE — Monday\nMedia contact: Desk", "UNU"),
        ("VALDORIA — MINISTRY OF HEALTH\nStatement by the Spokesperson", "VALDORIA"),
        ("Valdor floods: what we know", None),
    ],
)
def test_release_issuer(lexicon, heading: str, name: str | None) -> None:
    body = heading + "\n\nSome 300 people were evacuated."
    found = issuer(body, lexicon)
    assert (found.text if found else None) == name


def test_release_speaks_for_its_issuer(nlp, lexicon) -> None:
    body = (
        "PRESS RELEASE — Valdor Relief Agency\n\n"
        "Some 300 people were evacuated on Monday. In Telmar, we counted 900 protesters."
    )
    assert source_of(nlp, lexicon, body, "300 people") == "Valdor Relief Agency"
    assert source_of(nlp, lexicon, body, "900 protesters") == "Valdor Relief Agency"


def test_a_news_story_has_no_issuer(nlp, lexicon) -> None:
    body = "Floods in Valdoria\n\nSome 300 people were evacuated on Monday, officials said."
    assert issuer(body, lexicon) is None


# ------------------------------------------------------------------ subjects


def claims_of(nlp, lexicon, text: str) -> list[RawClaim]:
    return list(extraction_of(nlp, lexicon, text).claims)


# (text, claim type, quote in the claim, expected subject text or None)
SUBJECTS = [
    ("The Telmar army said 300 Chilean soldiers were killed.", "count", "300", "Chilean"),
    (
        "Chile announced its intention to send 300 troops to the border.",
        "count",
        "300",
        "Chile",
    ),
    ("The Valdor Red Cross has logged 300 deaths in the region.", "count", "300", None),
    ("The Valdor Red Cross said on Tuesday that 300 people were killed.", "date", "Tuesday", None),
    ("The Valdor Red Cross's count stood at 300 deaths on Monday.", "date", "Monday", None),
]


@pytest.mark.parametrize(("text", "kind", "quote", "subject"), SUBJECTS)
def test_subject_is_whose_people_never_the_source(
    nlp, lexicon, text: str, kind: str, quote: str, subject: str | None
) -> None:
    found = [
        c for c in claims_of(nlp, lexicon, text) if c.type == kind and quote in c.evidence.quote
    ]
    assert found
    claim = found[0]
    got = claim.subject.text if claim.subject else None
    if subject is None:
        assert got is None or claim.source is None or got != claim.source.text
    else:
        assert got == subject


# ------------------------------------------------------------------ quotations


@pytest.mark.parametrize(
    "text",
    [
        # a quotation running over several sentences of a paragraph
        'Mira Dovan lived on the top floor.\n\n"We hid in the bathroom," she said. "At three'
        ' a firefighter came. On the stairs 30 people were killed in the smoke."',
        # ... and into the next paragraph, which opens with a quotation mark
        'Mira Dovan lived on the top floor.\n\n"We hid in the bathroom," she said. "At three'
        ' a firefighter came.\n\n"On the stairs 30 people were killed in the smoke."',
    ],
)
def test_quotation_keeps_its_speaker(nlp, lexicon, text: str) -> None:
    assert source_of(nlp, lexicon, text, "30 people") == "Mira Dovan"


def test_speech_does_not_run_into_a_new_paragraph_of_narration(nlp, lexicon) -> None:
    text = "Mira Dovan said the fire spread fast.\n\nOn the stairs 30 people were killed."
    assert source_of(nlp, lexicon, text, "30 people") is None
