""""Hold" with a jail or prison as its subject counts the inmates who live there (its
population), never captives, who need a captor: "the jail holds 1,170" is no rival to
"rioters held 14 guards". Invented sentences, one per row, positive and negative."""

from __future__ import annotations

import pytest
from builders import one_count

from claimrec.lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "quote", "predicate"),
    [
        ("The jail, built in 1970, currently holds 1,170, he said.", "1,170", "resided"),
        ("The penitentiary housed 2,340 men, the warden said.", "2,340 men", "resided"),
        ("Officials said the prison now holds 865 inmates.", "865 inmates", "resided"),
        ("Rioters were holding 14 guards hostage on Monday.", "14 guards", "held"),
        ("The warden said 11 guards were still held.", "11 guards", "held"),
        ("The school gym held 415 people overnight.", "415 people", "sheltered"),
    ],
)
def test_hold_by_subject(
    nlp: object, lexicon: Lexicon, text: str, quote: str, predicate: str
) -> None:
    assert one_count(nlp, lexicon, text, quote).predicate == predicate
