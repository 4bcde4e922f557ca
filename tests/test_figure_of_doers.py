"""A figure noun that points back to a count with no measure ("about 160 captives were
involved in the unrest. Its authors later amended this figure to 230") has no measure
either: never the captives' own "held", nor a toll from an earlier paragraph. When the
sentence before also says a measure, the figure takes that. Invented articles, positive
and negative."""

from __future__ import annotations

import pytest
from builders import count_claims

from claimrec.lexicon import Lexicon

HELD = "Gunmen were holding 14 guards hostage on Monday. Two guards were held in the east block."


@pytest.mark.parametrize(
    ("text", "quote", "predicate"),
    [
        pytest.param(
            HELD + "\n\nA report said about 160 captives were involved in the unrest. "
            "Its authors later amended this figure to 230.",
            "230",
            "involve",
            id="doers before the figure",
        ),
        pytest.param(
            "The guild said 640 of the 910 workers were on strike. "
            "The owners put the real number at fewer than 330.",
            "330",
            "struck_work",
            id="a measure in the sentence before",
        ),
        pytest.param(
            HELD + " The service later put that number at 17.",
            "17",
            "held",
            id="a measured count before the figure",
        ),
    ],
)
def test_figure_points_back(
    nlp: object, lexicon: Lexicon, text: str, quote: str, predicate: str
) -> None:
    found = [c for c in count_claims(nlp, lexicon, text) if c.evidence.quote.endswith(quote)]
    assert [c.predicate for c in found] == [predicate]
