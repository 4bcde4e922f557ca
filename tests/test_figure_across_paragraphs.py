"""A bare figure noun that opens a paragraph ("the spokesman put the figure at 64") points
back to the count that closed the paragraph just before, not to the story's main toll; two
paragraphs back, only the main toll is left. Invented articles, positive and negative."""

from __future__ import annotations

import pytest
from builders import count_claims

from claimrec.lexicon import Lexicon

FREED = "Twelve captives were freed on Sunday. Nine more captives were freed on Monday.\n\n"
HELD = "By Tuesday the militia held 83 captives, the army said.\n\n"
AFTER = "When talks collapsed, the spokesman put the figure at 64."


@pytest.mark.parametrize(
    ("text", "held"),
    [
        pytest.param(FREED + HELD + AFTER, True, id="the paragraph just before"),
        pytest.param(
            FREED + HELD + "Talks went on all night.\n\nMore talks were planned.\n\n" + AFTER,
            False,
            id="two paragraphs back: the main toll",
        ),
        pytest.param(
            HELD + "Twelve captives were freed on Sunday. " + AFTER,
            False,
            id="its own paragraph first",
        ),
    ],
)
def test_figure_after_a_paragraph_break(
    nlp: object, lexicon: Lexicon, text: str, held: bool
) -> None:
    found = [c for c in count_claims(nlp, lexicon, text) if c.evidence.quote.endswith("64")]
    assert (any(c.predicate == "held" for c in found)) is held
