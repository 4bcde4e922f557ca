"""Counts stated in constructions the first rules did not read: a figure noun given its
value by a verb of value through a participle or a relative clause ("set the number yet
missing at 40", "a turnout which stewards set at 9,000"), a measure noun's "at"
("estimated the death toll at 110 to 130"), a verb of stating a value by "as" ("gave the
number of nurses hurt as 52"), a partitive of a pronoun that only stands for people ("there
were twelve of us"), and a partitive set off after a people noun ("the older guards, ten
of them,"); "admissions" as a measure noun. Not counts: "one of the X" singling out a
member, and people a thing was made for ("built in 1961 for 450 sailors": a capacity).
Each has its negative cases: numbers after the same words that count no people."""

from __future__ import annotations

import pytest
from builders import count_claims

POSITIVE = [
    pytest.param(
        "Deputy Minister Ossian Varre set the number yet missing at 40.",
        "40",
        (40, 40),
        id="figure noun described by a people adjective, its value by put ... at",
    ),
    pytest.param(
        "The surgeons' guild estimated the death toll at 110 to 130 on Friday.",
        "110 to 130",
        (110, 130),
        id="a measure noun's at is its value",
    ),
    pytest.param(
        "The vigil drew a turnout which stewards set at 9,000.",
        "9,000",
        (9000, 9000),
        id="a relative pronoun stands for the measure noun",
    ),
    pytest.param(
        "An earlier bulletin gave the number of nurses who had been hurt as 52.",
        "52",
        (52, 52),
        id="a verb of stating a value by as",
    ),
    pytest.param(
        '"There were twelve of us in the cellar," said Quilla Ferreby.',
        "twelve of us",
        (12, 12),
        id="there were N of us",
    ),
    pytest.param(
        '"Forty of you will sleep in the gym tonight," the warden told them.',
        "Forty of you",
        (40, 40),
        id="N of you",
    ),
    pytest.param(
        '"The younger nurses, six of them, kept the ward going," Quilla Ferreby said.',
        "six",
        (6, 6),
        id="a partitive set off after a people noun",
    ),
    pytest.param(
        '"The older guards, maybe ten or twelve of them, stood at the door," Quilla Ferreby said.',
        "ten or twelve",
        (10, 12),
        id="a hedged range set off after a people noun",
    ),
    pytest.param(
        "Admissions to the fever ward have now exceeded 2,900.",
        "2,900",
        (2900, None),
        id="admissions is a measure of people taken in",
    ),
    pytest.param(
        "Only one of the 40 passengers survived.",
        "one of the 40",
        (1, 1),
        id="only one of a group is a count of one",
    ),
    pytest.param(
        "At most one of these passengers drowned.",
        "At most one of these",
        (None, 1),
        id="a hedged one of a group is a count",
    ),
    pytest.param(
        "Buses were sent for 600 students.",
        "600 students",
        (600, 600),
        id="for on a verb that makes nothing is no capacity",
    ),
]


@pytest.mark.parametrize(("text", "quote", "bounds"), POSITIVE)
def test_count_found(nlp, lexicon, text: str, quote: str, bounds: tuple[int, int]) -> None:
    found = [c for c in count_claims(nlp, lexicon, text) if c.evidence.quote.startswith(quote)]
    assert len(found) == 1, [c.evidence.quote for c in count_claims(nlp, lexicon, text)]
    assert (found[0].value.low, found[0].value.high) == bounds


NEGATIVE = [
    pytest.param("The clinic put the waiting time at 40.", id="a thing's value by put at"),
    pytest.param("Officials put the cost of the repairs at 300.", id="a cost by put at"),
    pytest.param("The report gave the price of a ticket as 52.", id="a price by as"),
    pytest.param("Halvin listed his age as 52 on the form.", id="an age by as"),
    pytest.param("She worked as a cook for 12 years.", id="as with a duration"),
    pytest.param('"The two of us had supper at 8," she said.', id="the two of us names a pair"),
    pytest.param(
        '"The old barns, three of them, burned down," she said.', id="a partitive after things"
    ),
    pytest.param("The old barns, built in 1952, burned down.", id="a year after a noun"),
    pytest.param(
        "The budget sets the ceiling at 70 for the year.", id="a ceiling is not a measure of people"
    ),
    pytest.param("Admission rose to 30 on Sunday.", id="admission alone is also a fee"),
    pytest.param("One of the drowned was a teacher.", id="one of the group singles out a member"),
    pytest.param("Kaspar Orrendt was one of the wardens held.", id="one of the people named"),
    pytest.param(
        "The hostel, built in 1961 for 450 sailors, is empty.", id="built for is a capacity"
    ),
    pytest.param("The hall was designed for 300 guests.", id="designed for is a capacity"),
    pytest.param("Admissions fees rose to 30 on Sunday.", id="admissions modifying a thing"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_count(nlp, lexicon, text: str) -> None:
    assert [c.evidence.quote for c in count_claims(nlp, lexicon, text)] == []
