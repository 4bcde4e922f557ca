"""The attribute ruler's table lookup (``claimrec.ruler_table``) finds exactly the matches
spaCy's Matcher finds, so every token keeps the same part of speech, morphology and lemma."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from claimrec.ruler_table import RuleTable, speed_up_attribute_ruler

SENTENCES = [
    "Officials in Varnholt said 1,240 people were evacuated on Tuesday.",
    "There are at least twenty-six workers still missing, the ministry's spokeswoman said.",
    "Gonna be a long night, y'all: the river ain't done rising.",
    "Let's count again: c'mon, we've got ta know how many were hurt.",
    "She gets the figures at 9am and got the revised toll later.",
    "  Two   spaces,\tand a tab.\n\nA new paragraph!",
    "The union put the crowd at 15,000 -- the police at 4,200.",
]


@pytest.fixture(scope="module")
def plain():
    """The default pipeline exactly as spaCy loads it (no table)."""
    from claimrec.nlp import candidates

    for name in candidates(None):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("en_core_web_sm is not installed")


def _annotations(doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_load_model_uses_the_table(nlp) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler").match, RuleTable)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_and_annotations_as_spacy(nlp, plain, text: str) -> None:
    ours, theirs = nlp(text), plain(text)
    assert _annotations(ours) == _annotations(theirs)
    assert nlp.get_pipe("attribute_ruler").match(ours) == plain.get_pipe("attribute_ruler").match(
        theirs
    )


# Hand-made rulers: each pattern form the table reads (plain value, IN, NOT_IN, REGEX,
# several tokens, a flag), and forms it leaves to a Matcher (an operator, an unknown key).
RULES = [
    ([[{"LOWER": "tolls"}]], {"LEMMA": "toll"}, 0),
    (
        [[{"TAG": {"IN": ["NNS", "NNPS"]}, "LOWER": {"NOT_IN": ["tolls"]}}]],
        {"MORPH": "Number=Plur"},
        0,
    ),
    ([[{"LOWER": {"REGEX": "^dr(ov|en)"}}]], {"POS": "PROPN"}, 0),
    ([[{"LOWER": "death"}, {"LOWER": "tolls"}]], {"LEMMA": "toll"}, -1),
    ([[{"IS_PUNCT": True}]], {"POS": "PUNCT"}, 0),
    ([[{"LOWER": "very", "OP": "+"}, {"LOWER": "large"}]], {"POS": "ADJ"}, -1),
    ([[{"LENGTH": 3}]], {"MORPH": "Short=Yes"}, 0),
]
TEXTS = [
    "Death tolls in Drovna and Drenmark rose; very very large crowds gathered.",
    "The tolls were revised twice, and the new figures are final.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_hand_made_ruler(text: str) -> None:
    def ruler_of(nlp):
        ruler = nlp.add_pipe("attribute_ruler")
        assert isinstance(ruler, AttributeRuler)
        for patterns, attrs, index in RULES:
            ruler.add(patterns, attrs, index=index)
        return ruler

    blank = spacy.blank("en")
    theirs = ruler_of(blank)
    expected = theirs.match(blank.make_doc(text))
    speed_up_attribute_ruler(blank)
    table = blank.get_pipe("attribute_ruler").match
    assert isinstance(table, RuleTable)
    assert table(blank.make_doc(text)) == expected
    assert expected  # the texts do hit the rules


def test_no_ruler_is_no_change() -> None:
    blank = spacy.blank("en")
    speed_up_attribute_ruler(blank)
    assert blank.pipe_names == []
