"""Extraction, one sentence at a time: bounds, units, sources, modality, non-counts."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import extraction_of

from claimrec.models import CountValue, DateValue, Extraction, RawClaim


def extract(nlp, lexicon, text: str, *, published: dt.date | None = None) -> Extraction:
    return extraction_of(nlp, lexicon, text, published=published)


def counts(nlp, lexicon, text: str) -> list[RawClaim]:
    return [c for c in extract(nlp, lexicon, text).claims if c.type == "count"]


def only_count(nlp, lexicon, text: str) -> RawClaim:
    found = counts(nlp, lexicon, text)
    assert len(found) == 1, [c.evidence.quote for c in found]
    return found[0]


# (sentence, low, high, approximate)
BOUNDS = [
    ("Officials said 1,200 people were killed.", 1200, 1200, False),
    ("Officials said about 1,200 people were killed.", 1200, 1200, True),
    ("Officials said approximately 1,200 people were killed.", 1200, 1200, True),
    ("Officials said around 1,200 people were killed.", 1200, 1200, True),
    ("Officials said some 1,200 people were killed.", 1200, 1200, True),
    ("Officials said an estimated 1,200 people were killed.", 1200, 1200, True),
    ("Officials said roughly 1,200 people were killed.", 1200, 1200, True),
    ("Officials said at least 1,200 people were killed.", 1200, None, False),
    ("Officials said more than 1,200 people were killed.", 1200, None, False),
    ("Officials said over 1,200 people were killed.", 1200, None, False),
    ("Officials said up to 1,200 people were killed.", None, 1200, False),
    ("Officials said as many as 1,200 people were killed.", None, 1200, False),
    ("Officials said fewer than 1,200 people were killed.", None, 1200, False),
    ("Officials said nearly 1,200 people were killed.", None, 1200, True),
    ("Officials said almost 1,200 people were killed.", None, 1200, True),
    ("Officials said close to 1,200 people were killed.", None, 1200, True),
    ("Officials said 1,000 to 1,200 people were killed.", 1000, 1200, False),
    ("Officials said 1,000-1,200 people were killed.", 1000, 1200, False),
    ("Officials said 1,000–1,200 people were killed.", 1000, 1200, False),
    ("Officials said between 1,000 and 1,200 people were killed.", 1000, 1200, False),
    ("The army sent six soldiers to the border.", 6, 6, False),
    ("The army sent a dozen soldiers to the border.", 12, 12, False),
    ("The army sent two dozen soldiers to the border.", 24, 24, False),
    ("The army sent ten thousand soldiers to the border.", 10000, 10000, False),
    ("The army sent 12 thousand soldiers to the border.", 12000, 12000, False),
    ("Officials said 1.5 million people were displaced.", 1500000, 1500000, False),
    ("Officials said 10,000 or so people were displaced.", 10000, 10000, True),
]


@pytest.mark.parametrize(("text", "low", "high", "approximate"), BOUNDS)
def test_count_bounds(nlp, lexicon, text: str, low, high, approximate: bool) -> None:
    value = only_count(nlp, lexicon, text).value
    assert isinstance(value, CountValue)
    assert (value.low, value.high, value.approximate) == (low, high, approximate)


def test_vague_quantity_is_approximate_and_marked(nlp, lexicon) -> None:
    value = only_count(nlp, lexicon, "Dozens of protesters were arrested, police said.").value
    assert isinstance(value, CountValue)
    assert value.vague and value.approximate
    assert value.low is not None and value.low >= 12


@pytest.mark.parametrize(
    ("text", "unit", "predicate"),
    [
        ("Officials said 300 people were killed in the quake.", "people", "killed"),
        ("At least 40 protesters were arrested on Friday.", "protesters", "arrested"),
        (
            "The ministry said 4,000 soldiers might have been killed or injured.",
            "troops",
            "killed_or_injured",
        ),
        ("Rescuers said 37 people were still missing.", "people", "missing"),
        ("More than 2,000 people took part in the march.", "people", "protested"),
        ("The toll could rise to 600 once crews arrive.", "people", "killed"),
        ("Police put the crowd at 15,000.", "protesters", "protested"),
        ("About 3,000 troops remain in the two regions.", "troops", "stationed"),
        ("Twenty-two people were treated for injuries.", "people", "injured"),
        ("The country sent 12,000 men from four brigades to the front.", "troops", "deployed"),
    ],
)
def test_unit_and_predicate(nlp, lexicon, text: str, unit: str, predicate: str) -> None:
    claim = only_count(nlp, lexicon, text)
    assert isinstance(claim.value, CountValue)
    assert (claim.value.unit, claim.predicate) == (unit, predicate)


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was signed in 2019 and took effect in June 2024.",
        "A 54-year-old man was arrested.",
        "The fund pledged $2.3 million and 4 million euros for repairs.",
        "Prices rose 40 percent, and rents rose 12% in a year.",
        "The curfew lasted for 72 hours over three weeks.",
        "Article 12 of the constitution allows the deployment.",
        "The army deployed its T-72 tanks and Mi-8 helicopters.",
        "Video at https://example.org/watch?v=a1b2c3d4 showed troops.",
        "The floods destroyed 300 homes and 12 trucks.",
        "The army sent four brigades to the border.",
        "It was the third day of fighting.",
        "The country has been at war for 2.5 years.",
    ],
)
def test_not_counts_of_people(nlp, lexicon, text: str) -> None:
    assert counts(nlp, lexicon, text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Interior Minister Maria Lindqvist said 300 people were killed.", "Maria Lindqvist"),
        ("At least 300 people were killed, Maria Lindqvist said.", "Maria Lindqvist"),
        ("At least 300 people were killed, said Maria Lindqvist.", "Maria Lindqvist"),
        ("According to the Red Cross, 300 people were killed.", "Red Cross"),
        ("Maria Lindqvist told reporters that 300 people were killed.", "Maria Lindqvist"),
        ("The health ministry reports that 300 people were killed.", "health ministry"),
        (
            "A senior police official who spoke on condition of anonymity said"
            " 300 people were arrested.",
            "senior police official",
        ),
        ("Army assessments suggested that 300 soldiers were killed.", "Army"),
        ("Some 300 people were killed in the quake.", None),
    ],
)
def test_source(nlp, lexicon, text: str, source: str | None) -> None:
    claim = only_count(nlp, lexicon, text)
    got = claim.source.text if claim.source else None
    if source is None:
        assert got is None
    else:
        assert got is not None and source.lower() in got.lower()


def test_reported_speech_carries_to_the_next_sentence(nlp, lexicon) -> None:
    text = "Maria Lindqvist said 300 people were killed. The toll could rise to 500."
    found = counts(nlp, lexicon, text)
    assert [c.source.text if c.source else None for c in found] == [
        "Maria Lindqvist",
        "Maria Lindqvist",
    ]
    assert found[1].confidence < found[0].confidence


def test_speech_does_not_carry_to_a_new_actor(nlp, lexicon) -> None:
    text = "Maria Lindqvist said 300 people were killed. Both parties signed the truce on Friday."
    claims = extract(nlp, lexicon, text).claims
    assert all(c.source is None for c in claims if c.evidence.sentence.startswith("Both"))


def test_pronoun_source_resolves_to_the_last_person(nlp, lexicon) -> None:
    text = "Maria Lindqvist visited the site. She said 300 people were killed."
    claim = only_count(nlp, lexicon, text)
    assert claim.source is not None and claim.source.text == "Maria Lindqvist"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Police said 300 people were arrested.", "asserted"),
        ("The army has reportedly sent 300 soldiers to the border.", "reported"),
        ("Police said 300 people could be arrested.", "possible"),
        ("Police said 300 people might have been arrested.", "possible"),
        ("About 300 soldiers are expected to be deployed next week.", "expected"),
        ("The army will send 300 soldiers to the border.", "expected"),
        ("Police denied that 300 people were arrested.", "negated"),
        ("There is no evidence that 300 soldiers were killed.", "negated"),
        ("The army did not send 300 soldiers to the border.", "negated"),
        ("The army will not only send 300 soldiers but also tanks.", "expected"),
    ],
)
def test_modality(nlp, lexicon, text: str, modality: str) -> None:
    assert only_count(nlp, lexicon, text).modality == modality


def test_nationality_is_the_subject(nlp, lexicon) -> None:
    claim = only_count(nlp, lexicon, "About 3,000 Ukrainian soldiers were sent to the front.")
    assert claim.subject is not None and claim.subject.text == "Ukrainian"


def test_anaphoric_group_inherits_the_subject(nlp, lexicon) -> None:
    text = (
        "Officials said 5,000 Ukrainian soldiers were sent. "
        "At least 2,000 of these troops were stationed near the border."
    )
    found = counts(nlp, lexicon, text)
    assert [c.subject.text if c.subject else None for c in found] == ["Ukrainian", "Ukrainian"]


def test_location_claim_and_count_location(nlp, lexicon) -> None:
    ex = extract(
        nlp, lexicon, "Officials said 300 people were killed near Oskel in the Marren province."
    )
    places = {c.evidence.quote for c in ex.claims if c.type == "location"}
    assert {"Oskel", "Marren province"} <= places
    count = next(c for c in ex.claims if c.type == "count")
    assert count.location is not None


def test_date_claim_resolves_against_published(nlp, lexicon) -> None:
    ex = extract(
        nlp,
        lexicon,
        "The two countries signed the treaty last month.",
        published=dt.date(2025, 3, 14),
    )
    dates = [c for c in ex.claims if c.type == "date"]
    assert len(dates) == 1
    value = dates[0].value
    assert isinstance(value, DateValue)
    assert (value.start, value.end) == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert dates[0].predicate == "signed"


def test_date_without_published_is_not_guessed(nlp, lexicon) -> None:
    ex = extract(nlp, lexicon, "The two countries signed the treaty last month.")
    value = next(c for c in ex.claims if c.type == "date").value
    assert isinstance(value, DateValue) and value.start is None and value.end is None


def test_markup_is_masked_and_offsets_stay_exact(nlp, lexicon) -> None:
    text = "<p>Police said <b>300</b> protesters were arrested.</p>"
    claim = only_count(nlp, lexicon, text)
    assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.quote
    assert "300" in claim.evidence.quote


def test_slots_do_not_depend_on_offsets(nlp, lexicon) -> None:
    sentence = "Police said 300 protesters were arrested."
    a = only_count(nlp, lexicon, sentence)
    b = only_count(nlp, lexicon, "An unrelated opening line.\n\n" + sentence)
    assert a.slot == b.slot
    assert a.evidence.start != b.evidence.start


def test_hard_wrapped_lines_are_one_paragraph(nlp, lexicon) -> None:
    text = (
        "Police said 12,000 people\nattended the protest on Saturday.\n"
        "Organisers said 40,000 people attended."
    )
    found = counts(nlp, lexicon, text)
    assert [(c.value.low, c.source.text if c.source else None) for c in found] == [
        (12000, "Police"),
        (40000, "Organisers"),
    ]
    for claim in found:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.quote
