"""Where and when: one invented sentence per construction that states an event's place or
time, and the places and times that are not an event's (a statement's place, a speaker's,
a nationality, an organisation; durations, ages, clock times, article stamps)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from claimrec.dates import resolve_date
from claimrec.extract import extract_document
from claimrec.models import DateValue, Document, RawClaim

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday


def claims(nlp, lexicon, text: str, kind: str) -> list[RawClaim]:
    doc = Document(
        id="t",
        path="t.txt",
        published=PUBLISHED,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        body=text,
    )
    return [c for c in extract_document(doc, nlp=nlp, lexicon=lexicon).claims if c.type == kind]


def quotes(nlp, lexicon, text: str, kind: str) -> list[str]:
    return [c.evidence.quote for c in claims(nlp, lexicon, text, kind)]


# ------------------------------------------------------------------ places

# (sentence, a place the sentence locates its event in)
PLACES = [
    ("Police said 3,000 people marched in Velmora.", "Velmora"),
    ("The trawler capsized off Cape Lira before dawn.", "Cape Lira"),
    ("Rescuers searched near the town of Selm overnight.", "the town of Selm"),
    ("Flooding spread across three districts.", "three districts"),
    (
        "About 9,000 demonstrators filled the streets of central Ardena.",
        "streets of central Ardena",
    ),
    ("Thousands gathered in Ardena's main square.", "Ardena's main square"),
    ("The boat had left Dravik two days earlier.", "Dravik"),
    ("The boat, carrying 700 people, was bound for Ostrela.", "Ostrela"),
    ("The vessel went down 40 miles southwest of Pelmar.", "Pelmar"),
    ("Four survivors were taken to a hospital in Kalvi.", "Kalvi"),
    ("About 4,000 workers walked out at the Corvale plant in Tarnby.", "Tarnby"),
    ("Strikers picketed on Ardena's Southeast Side.", "Southeast Side"),
    ("The procession left from avenue Dussac just after ten.", "avenue Dussac"),
    ("In Velmora, police counted 30,000 marchers.", "Velmora"),
    ("Teravia recorded 300 new cases last week.", "Teravia"),
    ("Velmora is where the crowd was largest: 9,000 people.", "Velmora"),
    ("The Dravenport Bridge collapse killed 70 people.", "Dravenport Bridge"),
    ("The sinking off Cape Lira killed 300 people.", "Cape Lira"),
    ("| Port Ellis, Dravenia | 4,500 |", "Port Ellis"),
    ("OSKEL, Teravia — Police said 200 people were arrested.", "OSKEL, Teravia"),
    ("Ostrela (Telmar Wire): Police said 200 people were arrested.", "Ostrela"),
    ("About 200 hostages remain in Gaveron.", "Gaveron"),
    ("About 300,000 people had fled to neighbouring Teravia.", "Teravia"),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_place_is_a_location_claim(nlp, lexicon, text: str, place: str) -> None:
    found = quotes(nlp, lexicon, text, "location")
    assert any(place in q or q in place for q in found), found


@pytest.mark.xfail(
    strict=True,
    reason="the prefilter parses a sentence with a place only beside a number, a date word or "
    "a word that starts like a trigger; parsing every place phrase costs about 10% more CPU",
)
def test_place_in_a_sentence_with_no_number_date_or_trigger(nlp, lexicon) -> None:
    assert "Kalvi" in quotes(
        nlp, lexicon, "The delegation stayed at a hotel in Kalvi.", "location"
    )


def test_location_claim_without_a_trigger_names_the_verb(nlp, lexicon) -> None:
    (claim,) = claims(
        nlp, lexicon, "About 9,000 demonstrators surrounded the square in Ardena.", "location"
    )
    assert claim.predicate == "surround"  # ("filled the streets" now names a crowd)
    assert claim.location is not None and "Ardena" in claim.location.text


# (sentence, a place that is not where the event happened)
NOT_PLACES = [
    # The place of a statement, its speaker or its audience: decided by rule, not event places.
    ("A spokesman in Geneva said 300 people were killed.", "Geneva"),
    ("Ana Lind told reporters in Geneva that 300 people had died.", "Geneva"),
    ("Speaking in Geneva, Ana Lind said 300 people had died.", "Geneva"),
    ("The count rose to 900, said Ana Lind, briefing reporters in Geneva.", "Geneva"),
    ("Speaking at the Selm police headquarters, the minister said 80 were arrested.", "Selm"),
    # Nationalities and organisations named after places, used as agents.
    ("Teravian officials said 300 people died.", "Teravian"),
    ("Teravia sent 300 troops.", "Teravia"),
    ("The minister ordered 3,000 Teravia troops to the border.", "Teravia"),
    ("The president visited Ana Lind after 40 people died.", "Ana Lind"),
    ("The Selm health ministry said 40 people died.", "Selm"),
    # Objects of locative prepositions that are no places.
    ("The ministry said in a statement that 40 people died.", "statement"),
    ("Police said 15,600 marched in the rain.", "rain"),
    ("Officials said 300 people died on Tuesday.", "Tuesday"),
    ("In March, the minister said 40 people had died.", "March"),
    ("In response to North Teravia's involvement, officials said 40 died.", "involvement"),
]


@pytest.mark.parametrize(("text", "place"), NOT_PLACES)
def test_not_a_place_of_the_event(nlp, lexicon, text: str, place: str) -> None:
    assert not any(place in q for q in quotes(nlp, lexicon, text, "location"))


# ------------------------------------------------------------------ dates

# (sentence, date phrase, resolved start, resolved end); None bounds: unresolvable
DATES = [
    ("Police said 3,000 people marched on Tuesday.", "Tuesday", dt.date(2024, 5, 14), None),
    ("The trawler sank on 14 June 2023.", "14 June 2023", dt.date(2023, 6, 14), None),
    ("Protests have continued since March.", "March", dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
    ("Officials met last week.", "last week", dt.date(2024, 5, 6), dt.date(2024, 5, 12)),
    ("It was the worst since the October 2013 sinking.", "October 2013", dt.date(2013, 10, 1),
     dt.date(2013, 10, 31)),
    ("The lockdown ran from 19 to 21 April.", "19 to 21 April", dt.date(2024, 4, 19),
     dt.date(2024, 4, 21)),
    ("The talks resumed early on Monday.", "Monday", dt.date(2024, 5, 13), None),
    ("The building was looted on Saturday night.", "Saturday night", dt.date(2024, 5, 11), None),
    ("| Sept. 15 | Corvale plant | 12,700 |", "Sept. 15", dt.date(2023, 9, 15), None),
    ("Selm, 24 November 2023", "24 November 2023", dt.date(2023, 11, 24), None),
    ("A few tenants were away on the night.", "the night", None, None),
    ("Four days after the boat sank, divers found the wreck.", "Four days", None, None),
    ("Most were sent home the same evening.", "the same evening", None, None),
    ("Police counted 17 dead the next day.", "the next day", None, None),
    ("The blaze began shortly before dawn on 2 April.", "2 April", dt.date(2024, 4, 2), None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "phrase", "start", "end"), DATES)
def test_event_time_is_a_date_claim(
    nlp, lexicon, text: str, phrase: str, start: dt.date | None, end: dt.date | None
) -> None:
    found = [c for c in claims(nlp, lexicon, text, "date") if phrase in c.evidence.quote]
    assert found, quotes(nlp, lexicon, text, "date")
    value = found[0].value
    assert isinstance(value, DateValue)
    assert (value.start, value.end) == (start, end or start)


# (sentence): no event time in it
NOT_DATES = [
    "The strike lasted for three weeks and 300 workers took part.",
    "A three-day lockdown kept 300 people at home.",
    "A 27-year-old man was among the 40 dead.",
    "Rescuers reached the 40 survivors at 2 a.m.",
    "Over the past two years, 300 people died.",
    "Updated 14 June 2023 10:00",
    "Published: 3 May 2024",
    "The ceasefire was extended by three days, and 25 captives went free.",
    "For nearly three weeks after the flood, 120 villagers were missing.",
    "Within hours, 300 people had fled.",
    "Nurses treated 40 patients a day.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_an_event_time(nlp, lexicon, text: str) -> None:
    assert quotes(nlp, lexicon, text, "date") == []


def test_date_claim_without_a_trigger_names_the_verb(nlp, lexicon) -> None:
    (claim,) = claims(nlp, lexicon, "The ministers visited Oskel on Tuesday.", "date")
    assert claim.predicate == "visit"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from 12 to 15 October", dt.date(2023, 10, 12), dt.date(2023, 10, 15)),
        ("12-15 October 2022", dt.date(2022, 10, 12), dt.date(2022, 10, 15)),
        ("October 12-15", dt.date(2023, 10, 12), dt.date(2023, 10, 15)),
        ("1 to 40 June", None, None),
        ("15 to 12 October", None, None),
    ],
)
def test_day_range(text: str, start: dt.date | None, end: dt.date | None) -> None:
    value = resolve_date(text, published=dt.date(2023, 9, 30))
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "08:20 — Police said 200 people were arrested.",
        "FOR IMMEDIATE RELEASE — Police said 200 people were arrested.",
        "WHO: 300 dead in the floods.",
    ],
)
def test_no_dateline_place(nlp, lexicon, text: str) -> None:
    found = quotes(nlp, lexicon, text, "location")
    assert not any(q.isupper() or q in {"WHO", "08:20"} for q in found), found
