"""Counts on news claimrec was not built against (issue 9, items 1-4): people named by trade
or kin, counts stated as a change ("fell from X to Y"), a denied bound, "is up to N", a
town's people, table rows named by a state or a participle; and numbers that count no
people: ages, clock times, scores, densities, and bare numbers eliding a head that counts
things. One invented sentence per construction, positive and negative."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import count_claims, extraction_of

from claimrec.models import RawClaim

STORY_DAY = dt.date(2031, 5, 14)


def counts(nlp, lexicon, text: str) -> list[RawClaim]:
    return count_claims(nlp, lexicon, text, published=STORY_DAY)


# (text, the quote's first words, low, high)
FOUND = [
    # people named by trade or kinship
    ("Only 7 fishermen were still missing on Saturday.", "7 fishermen", 7, 7),
    ("Police detained two reporters on Monday.", "two reporters", 2, 2),
    ("Two brothers from Lusk were among the dead.", "Two brothers", 2, 2),
    # acts counted for the people they happen to
    ("The monitors logged 140 detentions on Tuesday.", "140 detentions", 140, 140),
    ("The clinic reported 45 new admissions overnight.", "45 new admissions", 45, 45),
    # a collective noun is counted, not aged
    ("The trawler had a crew of six when it sank.", "six", 6, 6),
    # a denied verb of exceeding bounds from above
    ("Police said the crowd did not exceed 18,000.", "18,000", None, 18000),
    # a figure changed "from X to Y": both figures, not a range
    ("The confirmed cases fell from 40 to 37 on Monday.", "40", 40, 40),
    ("The confirmed cases fell from 40 to 37 on Monday.", "37", 37, 37),
    # a clause whose subject the parser gave to the verb above it
    ("Doctors warn cases could rise to 2,000 by June.", "2,000", 2000, 2000),
    # a town's people
    ("The port town of 21,000 was evacuated on Monday.", "21,000", 21000, 21000),
    # a lower bound set off by a comma at the end of the clause
    (
        "The governor put the number evacuated at 300,000, and it may be more.",
        "300,000",
        300000,
        None,
    ),
    # a part "of ours" counts people, however the tagger reads "ours"
    ('Ten miners are trapped. "Two of ours were on a repair crew," the union said.', "Two", 2, 2),
    # ... but not a clause of its own that opens with the same words
    ("Police arrested 300, and more were detained later.", "300", 300, 300),
]


@pytest.mark.parametrize(("text", "quote", "low", "high"), FOUND)
def test_count_found(nlp, lexicon, text: str, quote: str, low, high) -> None:
    found = [c for c in counts(nlp, lexicon, text) if c.evidence.quote.startswith(quote)]
    assert len(found) == 1, [c.evidence.quote for c in counts(nlp, lexicon, text)]
    value = found[0].value
    assert (value.low, value.high) == (low, high)  # type: ignore[union-attr]


def test_up_to_after_be_is_the_figure_reached(nlp, lexicon) -> None:
    text = "The rail office said 70 people were hurt. By evening its injured count was up to 75."
    found = [c for c in counts(nlp, lexicon, text) if "75" in c.evidence.quote]
    assert [(c.value.low, c.value.high) for c in found] == [(75, 75)]  # type: ignore[union-attr]


def test_up_to_before_a_noun_stays_a_ceiling(nlp, lexicon) -> None:
    (claim,) = counts(nlp, lexicon, "Up to 90 people were hurt in the crush.")
    assert (claim.value.low, claim.value.high) == (None, 90)  # type: ignore[union-attr]


# (text, a word no count claim's quote may hold)
NOT_COUNTS = [
    # ages: after a singular person noun in commas, before a colon, "of" a person, "I am"
    # (a count of people just before: a bare number might elide its head)
    ("Twelve people died. Among the dead is a retired watchmaker, 78, from Lusk.", "78"),
    ('Twelve people died. Resident Ana Vell, 63: "The roof held."', "63"),
    ("The last survivor pulled out was a boy of about ten, a medic said.", "ten"),
    ('"I am 71, not dead," she said of the 40 homes lost.', "71"),
    # a clock time before a part of the day
    ('"By nine this evening we had moved 20,000 people," he said.', "nine"),
    # the whole of a score
    ("Twelve people died. An audit gave the bridge 55 points out of 100.", "100"),
    # a density
    ("At two people per square metre, the square held 40,000.", "two"),
    # a bare number eliding a head that counts things
    ("Twelve people died. Surveys show 400 homes destroyed and 900 damaged.", "900"),
    ("Three people died there. Of its 30 boats, only seven are still afloat.", "seven"),
    ("Ten passengers died. Five of the eight wagons left the track.", "Five"),
    ("Ten passengers died. Five of the eight wagons fell and two of them overturned.", "two"),
    # a figure of something else changed "from X to Y"
    ("The bill would lift the pension age from 60 to 63 for 9,000 staff.", "63"),
]


@pytest.mark.parametrize(("text", "word"), NOT_COUNTS)
def test_not_a_count(nlp, lexicon, text: str, word: str) -> None:
    quotes = [c.evidence.quote for c in counts(nlp, lexicon, text)]
    assert not [q for q in quotes if word in q.split()], quotes


# bare numbers that still count people beside a count of things
STILL_COUNTS = [
    ("The storm destroyed 400 homes and killed 12.", "12"),
    ("The fire destroyed 300 homes; 40 were injured.", "40"),
    ('He pledged 50 million kroner and said the toll "could rise to 30".', "30"),
]


@pytest.mark.parametrize(("text", "word"), STILL_COUNTS)
def test_bare_number_after_things_still_counts_people(nlp, lexicon, text: str, word: str) -> None:
    quotes = [c.evidence.quote for c in counts(nlp, lexicon, text)]
    assert [q for q in quotes if word in q.split()], quotes


# (table, row label) whose figure must be a count of that row's people
TABLES = [
    ("| What | Number |\n|---|---|\n| In shelters | 2,300 |\n", "2,300", "displaced"),
    ("| What | Number |\n|---|---|\n| Treated for burns | 140 |\n", "140", "hospitalised"),
]


@pytest.mark.parametrize(("table", "figure", "measure"), TABLES)
def test_table_row_named_by_state_or_participle(
    nlp, lexicon, table: str, figure: str, measure: str
) -> None:
    found = [c for c in counts(nlp, lexicon, table) if c.evidence.quote.endswith(figure)]
    assert [c.measure for c in found] == [measure], found


def test_table_row_of_things_is_no_count(nlp, lexicon) -> None:
    table = "| What | Number |\n|---|---|\n| Homes destroyed | 1,200 |\n"
    assert counts(nlp, lexicon, table) == []


def test_year_heading_a_list_item_dates_it(nlp, lexicon) -> None:
    text = (
        "Earlier accidents at the works:\n\n- 2011: a fire at the Velka works injured 12 workers.\n"
    )
    dates = [c for c in extraction_of(nlp, lexicon, text).claims if c.type == "date"]
    assert [c.value.start.year for c in dates] == [2011]  # type: ignore[union-attr]


def test_number_heading_a_list_item_that_is_no_year_dates_nothing(nlp, lexicon) -> None:
    text = "Outages:\n\n- 4500: homes still without power in Lusk.\n"
    dates = [c for c in extraction_of(nlp, lexicon, text).claims if c.type == "date"]
    assert dates == []
