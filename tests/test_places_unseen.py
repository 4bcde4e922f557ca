"""Places on news claimrec was not built against (issue 9, item 8): numbered sites, parts
of a place, names a place adjective or an apposition marks as places, places spelled
out in a colon list, names after "at" on an event or a site, "the town of X", sites set
as a statement's scene. One invented sentence per case, positive and negative."""

from __future__ import annotations

import pytest
from builders import extraction_of

from claimrec.lexicon import Lexicon


def places(nlp, lexicon: Lexicon, text: str) -> list[str]:
    """The place phrases of the location claims of one invented document, in order."""
    found = extraction_of(nlp, lexicon, text).claims
    return [c.location.text for c in found if c.type == "location" and c.location]


# (text, a place phrase that must be found)
FOUND = [
    # a site named by its number, and the numbered site it is part of
    ("A roof fell in Level 5 of Tunnel 2 at the Dunmore pit.", "Level 5 of Tunnel 2"),
    ("Police held 40 fans at Gate 4 on Sunday.", "Gate 4"),
    # a named part of a ground or a building
    ("Some 35 fans were hurt in the South Stand on Saturday.", "South Stand"),
    # a named site with a two-word place noun
    ("All 52 residents of the Velka care home were moved on Tuesday.", "Velka care home"),
    # a part of a place: the place it is part of
    ("Rescue teams got to the far end of the Harnett tunnel on Friday.", "Harnett tunnel"),
    pytest.param(
        "The blaze spread to the northern edge of Ostrava by noon.",
        "Ostrava",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a part noun after a fire's verb of spreading ('spread to the edge of X') "
            "yields no place: X is found only after a verb of reaching",
        ),
    ),
    # what happened to a place is no part of its name
    ("Some 40 crews worked inside the collapsed Dunmore coal mine.", "Dunmore coal mine"),
    # a place adjective makes a name a place, whatever NER calls it
    ("The flood swept into neighbouring Velka overnight.", "Velka"),
    ("Some 300 people fled to nearby Velka on Monday.", "Velka"),
    # a name set off after a place noun says which place
    (
        "Shelters in the provincial capital, Ostrava, took in 900 people on Monday.",
        "provincial capital, Ostrava",
    ),
    # people named by where they live
    ("On Monday 3,100 residents of Velka were ordered to leave.", "Velka"),
    # a lone name after "in" on counted people, whatever NER calls it
    ("Another 220 people in Tessin had to leave their homes on Sunday.", "Tessin"),
    # places spelled out after a colon, each one
    ("Curfews apply in three towns: Velka, Dorsk and Imren.", "Velka"),
    ("Curfews apply in three towns: Velka, Dorsk and Imren.", "Dorsk"),
    ("Curfews apply in three towns: Velka, Dorsk and Imren.", "Imren"),
    # a name after "at" on a noun of what happened, whatever NER calls it
    ("In 1994 a pile-up at Dorrow Junction killed 14 people.", "Dorrow Junction"),
    ("A gas leak at the Brisk refinery killed four workers.", "Brisk refinery"),
    ("Two more passengers hurt in Monday's derailment at Velkan have died.", "Velkan"),
    # a name after "at" or "in" on a site noun
    ("The field hospital at Quenby is treating 40 people.", "Quenby"),
    # a place noun with its name in "of", wherever the phrase stands
    ("The worst-hit places are the village of Morrin, where 11 people died.", "Morrin"),
    ("The town of Esk counted 12 dead on Monday.", "town of Esk"),
    # the second of two coordinated places
    ("Some 90 people were taken to clinics in Varro and Lusk on Monday.", "Lusk"),
    # a site set as the scene before a statement made there
    ("At Tarrow general hospital, the director says the ward holds 20 patients.", "Tarrow"),
    ("At the Velka Street clinic, a nurse said 30 children were treated.", "Velka Street"),
    # a speaker that is a site, or is placed at one, speaks of that site
    ("The Varrow General Hospital in Quenby says five of its patients are critical.", "Quenby"),
    ("A nurse at the Dorn field clinic said it had treated 100 people.", "Dorn field clinic"),
    # lettered sites, however the parser heads them
    ("Some 40 of the cases were in Blocks K and L on the northern edge.", "Blocks K"),
    # "down" and "up" are spatial
    ("The surge swept down the Tessel valley, killing 12 people.", "Tessel valley"),
]


@pytest.mark.parametrize(("text", "place"), FOUND)
def test_place_found(nlp, lexicon, text: str, place: str) -> None:
    assert [p for p in places(nlp, lexicon, text) if place in p], places(nlp, lexicon, text)


# (text, a word no place phrase may hold)
NOT_FOUND = [
    # a numbered part of a law is no site
    ("Under Section 7 of the Act, 30 workers were fined.", "Section 7"),
    # a name after a place noun that starts a new clause is the clause's, not the place's
    ("In the capital, Dorsk police said 30 people were hurt.", "Dorsk police"),
    # a colon list after a noun that is no place names no places
    ("The union named three leaders: Velka, Dorsk and Imren.", "Velka"),
    # "of" after people not named by where they live
    ("Some 300 members of Velka Motors walked out.", "Velka"),
    # a site noun with no name
    ("Some 40 fans were hurt near the gate on Saturday.", "gate"),
    # "home" is no place noun on its own
    ("Some 40 people returned home to Velka on Monday.", "home"),
    # a lowercase part noun with no place after it
    ("The final pages of the report listed 30 names.", "report"),
    # a town set as the scene of a statement stays the statement's place
    ("In Brevik, a spokesman said 40 people were missing.", "Brevik"),
    # a lone name "at" a noun of no happening may be a person
    ("Some 40 protesters hurled insults at Vell on Monday.", "Vell"),
    # the audience's site stays the statement's place
    ("He told reporters at the Dorn prison gates that 40 were hurt.", "Dorn"),
    # a scene that is no site names no place
    ("At the briefing, Ana Vell said 40 people were missing.", "briefing"),
    # people "at" a name are its staff, not a site of theirs
    ("Some 300 workers at Velka Motors walked out.", "Velka"),
    # a size is no place: "a town of" a number
    ("The storm hit a town of 9,000 on Monday.", "9,000"),
]


@pytest.mark.parametrize(("text", "word"), NOT_FOUND)
def test_not_a_place(nlp, lexicon, text: str, word: str) -> None:
    assert not [p for p in places(nlp, lexicon, text) if word in p]
