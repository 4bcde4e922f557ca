"""Places in constructions the first rules did not read: a name after a lower-case compass
adjective ("in western X": a region, whatever NER calls the name), a site noun labelled by
a capital letter ("C Wing", "Block D"), and the "of" of a part or site noun ("a wing of X
Prison"). Negative cases: a capitalised compass word that is part of a name, a lone
capital that is an article, and the "of" of a part noun that names no place. Every name
is invented."""

from __future__ import annotations

import pytest
from builders import extraction_of

from claimrec.lexicon import Lexicon


def places(nlp, lexicon: Lexicon, text: str) -> list[str]:
    """The place phrases of the location claims of one invented document, in order."""
    found = extraction_of(nlp, lexicon, text).claims
    return [c.location.text for c in found if c.type == "location" and c.location]


FOUND = [
    pytest.param(
        "The clinic, which serves about 50,000 people in western Dalvo, has treated 700 "
        "patients since Monday.",
        "western Dalvo",
        id="a name after a lower-case compass adjective",
    ),
    pytest.param(
        "Nine guards were held in C Wing on Monday, a spokesman said.",
        "C Wing",
        id="a site noun after a capital letter",
    ),
    pytest.param(
        "Nine guards were held in Block D on Monday.", "Block D", id="a site noun before a letter"
    ),
    pytest.param(
        "Rioters seized the upper wing of Dunhallow Prison on Sunday.",
        "Dunhallow Prison",
        id="the of of a site noun names the place it is part of",
    ),
]


@pytest.mark.parametrize(("text", "place"), FOUND)
def test_place_found(nlp, lexicon: Lexicon, text: str, place: str) -> None:
    assert place in places(nlp, lexicon, text)


NOT_FOUND = [
    pytest.param(
        "Bread from the Western Tannery shop fed 40 workers.",
        "Western Tannery",
        id="a capitalised compass word is part of a name",
    ),
    pytest.param(
        "Nine guards were held in Block A man said.", "Block A", id="a capital that is an article"
    ),
    pytest.param(
        "Guards held one section of the crowd for an hour.",
        "crowd",
        id="the of of a part noun that names no place",
    ),
    pytest.param(
        "A wing of Mina Tor's house burned down.", "Mina Tor", id="a person after a part noun"
    ),
]


@pytest.mark.parametrize(("text", "place"), NOT_FOUND)
def test_place_not_found(nlp, lexicon: Lexicon, text: str, place: str) -> None:
    assert not any(place in found for found in places(nlp, lexicon, text))
