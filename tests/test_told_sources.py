"""Sources of counts in constructions the first rules did not read: the subject of a verb
of forecasting ("Organisers expect up to 4,000 marchers"); a clause joined after a reported
clause ("Police said 12 were held, and three officers were hurt"), unless it has a speaker
of its own; a headline whose participle has the figure for its subject ("Agency: 64 deaths
confirmed": the label's body, not the deaths); a person's name set before the noun it
modifies ("the Velk depot"), never a speaker a later "she" points back to; a person
introduced with an age whom NER took for a place. Every name and figure is invented."""

from __future__ import annotations

import pytest
from builders import extractions_of

from claimrec.extract.people import with_aged_names
from claimrec.lexicon import Lexicon


def source_of(nlp, lexicon: Lexicon, text: str, quote: str) -> str | None:
    """The source, as written, of the one count whose quote starts with ``quote``."""
    (extraction,) = extractions_of(nlp, lexicon, (text,))
    found = [
        c for c in extraction.claims if c.type == "count" and c.evidence.quote.startswith(quote)
    ]
    assert len(found) == 1, [c.evidence.quote for c in extraction.claims if c.type == "count"]
    return found[0].source.text if found[0].source is not None else None


CASES = [
    pytest.param(
        "Organisers expect up to 4,000 marchers on Sunday.",
        "up to 4,000",
        "Organisers",
        id="the subject of a verb of forecasting",
    ),
    pytest.param(
        "Marten Dowell said the convoy was ready. About 900 drivers are expected to join it.",
        "About 900",
        "Marten Dowell",
        id="a verb of forecasting in the passive is a hedge, not a speaker",
    ),
    pytest.param(
        "Police in Tarrow said 12 marchers were arrested on Monday, and three officers were "
        "injured.",
        "three officers",
        "Police",
        id="a clause joined after the reported clause continues it",
    ),
    pytest.param(
        "The ministry said 40 people died, and on Tuesday the union said 60 people died.",
        "60 people",
        "union",
        id="a joined clause with its own verb of saying is its own speaker's",
    ),
    pytest.param(
        "The firm reported profits of 30 million, and 300 workers walked out.",
        "300 workers",
        None,
        id="a joined clause after a reported object, not a reported clause, is not reported",
    ),
    pytest.param(
        "Agency: 64 flood deaths confirmed",
        "64 flood deaths",
        "Agency",
        id="a headline participle's subject is what is confirmed, the label who confirms",
    ),
    pytest.param(
        "Brigit Tannsey, 47, has driven trams for years. Her uncle died at the Velk depot in "
        '1990. "There were maybe three hundred of us at this gate," she said.',
        "three hundred",
        "Brigit Tannsey",
        id="a name before the noun it modifies is no speaker for she",
    ),
]


@pytest.mark.parametrize(("text", "quote", "source"), CASES)
def test_source(nlp, lexicon: Lexicon, text: str, quote: str, source: str | None) -> None:
    assert source_of(nlp, lexicon, text, quote) == source


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        pytest.param("Brigit Tannsey, 47, has driven trams for years.", "Brigit Tannsey", True),
        pytest.param("Flights to New York, 12, were cancelled.", "New York", False),
    ],
)
def test_aged_name_typed_as_a_place(nlp, text: str, name: str, person: bool) -> None:
    ents = {e.text: e.label_ for e in with_aged_names(nlp(text)).ents}
    assert (ents.get(name) == "PERSON") is person
