"""Each count's measure is what its own sentence says of the counted people: who leaves a
place is evacuated, a building holding people shelters them, the doers of an act are not
its patients, a participle after the counted object says its state, and a passive count
of a taking-part phrase is done to, not taking part. Invented sentences, one construction
each, positive and negative."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import one_count

from claimrec.models import RawClaim

PUBLISHED = dt.date(2031, 5, 20)


def find(nlp, lexicon, text: str, quote: str) -> RawClaim:
    return one_count(nlp, lexicon, text, quote, published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        # leaving one's home or a place: evacuees
        ("The storm has forced 4,300 people from their homes.", "4,300 people", "displaced"),
        ("About 5,200 people have left Quellin county.", "About 5,200 people", "displaced"),
        ("The mayor said 5,200 people had fled their houses.", "5,200 people", "displaced"),
        ("About 5,200 have left the district, officials said.", "About 5,200", "displaced"),
        ("On Monday, 900 people were ordered out.", "900 people", "displaced"),
        # a force leaving a place withdraws; it is no evacuee
        ("About 3,000 troops have left Vellin.", "About 3,000 troops", "other"),
        # a building holding or taking in people shelters them; captors hold captives
        ("The hall held 900 people last night.", "900 people", "displaced"),
        ("Schools in the capital took in some 1,800 people.", "some 1,800 people", "displaced"),
        ("Gunmen are holding 35 people in the bank.", "35 people", "held"),
        ("Rebels still hold 140 hostages.", "140 hostages", "held"),
        ("The ward held 29 patients.", "29 patients", "hospitalised"),
        # the doers of an act that changes people's state are not its patients
        ("Some forty volunteers holding the line were tired.", "Some forty volunteers", "other"),
        ("About 200 officers arrested 30 people.", "About 200 officers", "other"),
        ("About 200 officers arrested 30 people.", "30 people", "arrested"),
        ("About 30 people fled the city.", "About 30 people", "displaced"),
        # a participle or adjective after the counted object says its state
        (
            "The bureau said 40 people had been saved, which left two men still missing.",
            "two men",
            "missing",
        ),
        pytest.param(
            "The operator said 19 of the 25 men it counts as trapped were reached.",
            "25 men",
            "missing",
            marks=pytest.mark.xfail(
                strict=True,
                reason="only 'lists as trapped' names the state; 'counts as trapped' does not",
            ),
        ),
        ("The storm left 300 people homeless.", "300 people", "displaced"),
        ("The blast killed 12 people, injuring 30.", "12 people", "deaths"),
        # brought out: a passive count is rescued, whatever its class
        ("Twelve more workers were brought out alive on Sunday.", "Twelve more workers", "rescued"),
        ("Firefighters brought out 57 people.", "57 people", "rescued"),
        ("About 9,000 workers walked out on Monday.", "About 9,000 workers", "strike"),
        # coordinated verbs with objects of their own: each count keeps its own verb's
        pytest.param(
            "The flood has driven 680 people out of their houses and killed three.",
            "680 people",
            "displaced",
            marks=pytest.mark.xfail(
                strict=True,
                reason="'driven out of their houses' is no displacement phrase, only 'forced from'",
            ),
        ),
        (
            "The flood has driven 680 people out of their houses and killed three.",
            "three",
            "deaths",
        ),
        ("Rebels killed 12 soldiers and wounded 30.", "30", "injured"),
        # an injury named by what it is
        pytest.param(
            "Thirty-one people were treated for cuts and bruises.",
            "Thirty-one people",
            "injured",
            marks=pytest.mark.xfail(
                strict=True, reason="'cuts' and 'bruises' are no injury nouns in the lexicon"
            ),
        ),
        ("The clinic is treating 40 people.", "40 people", "hospitalised"),
        # people working in an operation are its force; a verb of change still says its own
        pytest.param(
            "More crews arrived on Friday, taking the number of people working on the rescue "
            "to about 160.",
            "about 160",
            "force",
            marks=pytest.mark.xfail(
                strict=True,
                reason="people working 'on' an operation are read as rescued; only 'in' is a force",
            ),
        ),
        ("Forty people were rescued in the operation.", "Forty people", "rescued"),
        ("About 3,000 workers went on strike.", "About 3,000 workers", "strike"),
        # trapped, unaccounted for, missing: one question, who is not yet found
        ("Thirty men are trapped underground, the union said.", "Thirty men", "missing"),
        ("Twenty men remain unaccounted for.", "Twenty men", "missing"),
        # told or ordered to leave: evacuees
        ("Officials said 3,100 residents were ordered to leave.", "3,100 residents", "displaced"),
        # a force counted where it works; other people there are no force
        (
            "Around 1,150 firefighters were at work on the blaze.",
            "Around 1,150 firefighters",
            "force",
        ),
        ("About 300 people were on the ground near the stage.", "About 300 people", "other"),
        # moving people deploys only a force
        ("All 46 tenants of the hostel were taken to a sports hall.", "46 tenants", "other"),
        ("About 2,000 troops were moved to the border.", "About 2,000 troops", "force"),
    ],
)
def test_measure_from_its_sentence(nlp, lexicon, text: str, quote: str, measure: str) -> None:
    assert find(nlp, lexicon, text, quote).measure == measure


def test_partitive_whole_is_not_the_part(nlp, lexicon) -> None:
    """In "1.2 million of the state's 1.9 million people have fled", the 1.9 million are
    the whole the part is taken from: what the part did is not said of them."""
    text = "Some 1.2 million of the province's 1.9 million people have been forced to flee."
    assert find(nlp, lexicon, text, "Some 1.2 million").measure == "displaced"
    assert find(nlp, lexicon, text, "1.9 million people").measure == "other"


def test_count_before_a_clause_of_saying(nlp, lexicon) -> None:
    # the parser makes "six people" the object of "told" and "died" its clause without a
    # subject: the six are who died (extract.predicates._told_clause)
    text = "They told him five passengers had already died."
    assert find(nlp, lexicon, text, "five passengers").measure == "deaths"


FIGURES = """Officials said 6,000 people had left Quellin district; the corrected figure for
Quellin is 2,400.

Clinics said 40 people were treated for burns. The final figure was 35.

The weather turned. Officials met on Monday and said the real number was nearer 900.
"""

ITEMS = """Where things stand:

- **Missing:** three people have not been found in Quellin.
- **Evacuations:** the agency's table gives 2,400 for Quellin, half the 6,000 announced.
"""


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        # a figure noun refers back to the last measured count of its paragraph
        (FIGURES, "2,400", "displaced"),
        (FIGURES, "35", "injured"),
        # with none in its paragraph and no main toll, nothing says what it counts
        (
            "Clinics treated 40 people for burns. Police arrested 12 people.\n\n"
            "The weather turned. Officials said the real number was nearer 900.",
            "900",
            "other",
        ),
        # a list item's label says what its bare figures count, not the item above
        (ITEMS, "2,400", "displaced"),
        (ITEMS, "three people", "missing"),
    ],
)
def test_figure_noun_refers_back(nlp, lexicon, text: str, quote: str, measure: str) -> None:
    assert find(nlp, lexicon, text, quote).measure == measure


@pytest.mark.parametrize(
    ("text", "quote", "measure", "time"),
    [
        # a figure set by a verb of value counts what the figure's own clause says
        (
            "Vantor Quarries says 8 workers were freed this morning, taking the number "
            "rescued alive to 16.",
            "16",
            "rescued",
            None,
        ),
        # a time of day that names a day dates the count; a clock time does not
        ("The hall held 900 people last night.", "900 people", "displaced", "last night"),
        ("The hall held 900 people at 22:00.", "900 people", "displaced", None),
        # a "when" clause on a date is that date's event, and so is a verb coordinated in it
        (
            "The hills last burned in 2016, when fires forced some 18,000 people from their "
            "homes and killed six.",
            "some 18,000 people",
            "displaced",
            "2016",
        ),
        (
            "The hills last burned in 2016, when fires forced some 18,000 people from their "
            "homes and killed six.",
            "six",
            "deaths",
            "2016",
        ),
        # a state in progress reported by a dated verb of saying holds on that day ...
        (
            "The clinic, which said on Thursday that it was treating 17 workers, now has 9.",
            "17 workers",
            "hospitalised",
            "Thursday",
        ),
        # ... an event reported later does not take the day it was said
        ("Officials said on Friday that 40 people had been rescued.", "40 people", "rescued", None),
        # the count's own figure is never its date
        ("It is now treating 23, director Lena Toska said.", "23", "hospitalised", None),
        # coordinated verbs sharing a subject share the first one's date, even on its goal
        (
            "Crews reached the flooded gallery on Wednesday and brought eight workers out alive.",
            "eight workers",
            "rescued",
            "Wednesday",
        ),
        (
            "Rescuers reached the mine on Wednesday and brought eight workers out alive.",
            "eight workers",
            "rescued",
            "Wednesday",
        ),
    ],
)
def test_value_figure_and_time(nlp, lexicon, text, quote, measure, time) -> None:
    claim = find(nlp, lexicon, text, quote)
    assert claim.measure == measure
    assert (claim.time.text if claim.time else None) == time


@pytest.mark.parametrize(
    ("text", "quote", "place"),
    [
        # the place people are counted leaving is where they were
        ("Officials say 6,700 people have left Quellin district alone.", "6,700 people", "Quellin"),
        ("About 300 people left their homes.", "About 300 people", None),
        # a figure given for a place is that place's
        (
            "Officials said 6,000 people had left Quellin district; the corrected figure for "
            "Quellin is 2,400.",
            "2,400",
            "Quellin",
        ),
        # a force leaving a place is no evacuee, and its count gets no such place
        ("About 3,000 troops have left Vellin.", "About 3,000 troops", None),
    ],
)
def test_place_a_count_is_stated_for(nlp, lexicon, text, quote, place) -> None:
    claim = find(nlp, lexicon, text, quote)
    assert (claim.location.text if claim.location else None) == place
