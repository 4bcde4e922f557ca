"""Names seen only by NER (sentences the prefilter sends past the parser) carry no tree:
attribution may remember them, but must not read appositions or other dependencies there."""

from __future__ import annotations

import pytest

from claimrec.extract import NOT_NER
from claimrec.extract.speakers import Speakers
from claimrec.lexicon import Lexicon

TEXT = "Arvo Kelling, a retired engineer, met Dalla Renz and the Osterby Tenants League in Fenmark."


def _remembered(nlp, lexicon: Lexicon, *, parsed: bool) -> Speakers:
    doc = nlp(TEXT) if parsed else next(nlp.pipe([TEXT], disable=NOT_NER))
    speakers = Speakers.of(TEXT, lexicon)
    speakers.read_names(doc.ents, 0, len(TEXT))
    return speakers


@pytest.mark.parametrize("parsed", [True, False])
def test_names_are_remembered_with_or_without_a_parse(nlp, lexicon: Lexicon, parsed: bool) -> None:
    speakers = _remembered(nlp, lexicon, parsed=parsed)
    assert speakers.person is not None
    assert "Renz" in speakers.person.text or "Kelling" in speakers.person.text


def test_apposition_read_only_from_a_parse(nlp, lexicon: Lexicon) -> None:
    assert "engineer" in _remembered(nlp, lexicon, parsed=True).titled
    assert "engineer" not in _remembered(nlp, lexicon, parsed=False).titled
