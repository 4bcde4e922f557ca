"""Shortcuts taken for speed give exactly what the plain code gives."""

from __future__ import annotations

import pytest
import yaml

from claimrec.extract.paragraphs import Quotes, _has_digit, _positions, _prefilter
from claimrec.lexicon import Lexicon, default_data, load_lexicon, packaged_path


def test_packaged_lexicon_reads_the_same_with_libyaml() -> None:
    with open(packaged_path(), encoding="utf-8") as handle:
        assert default_data() == yaml.safe_load(handle)


@pytest.mark.parametrize(
    "text",
    [
        "Officials counted 1,240 people.",
        "No figure was given.",
        "Twenty-six were hurt.",
        "",
        "Le bilan s’élève à 26 morts.",  # non-ASCII text with an ASCII digit
        "Area of 5 km² flooded.",
        "Only a superscript: km².",  # isdigit() is true for "²"
        "Arabic-Indic digits: ٣٠٠ people.",
        "Full-width digits: ３００ people.",
        "Accents only: Zoë and Renée met.",
    ],
)
def test_has_digit_is_any_isdigit(text: str) -> None:
    assert _has_digit(text) == any(ch.isdigit() for ch in text)


@pytest.mark.parametrize(
    "text, char",
    [
        ("a\nb\n\nc", "\n"),
        ("no newline", "\n"),
        ('"a" said "b', '"'),
        ("“quoted” and “open", "“"),
        ("\n", "\n"),
        ("", '"'),
    ],
)
def test_positions_are_every_index(text: str, char: str) -> None:
    assert _positions(text, char) == [i for i, ch in enumerate(text) if ch == char]


def test_quotes_open_inside_a_line() -> None:
    body = 'He said "we counted 300\nand more.\nShe said “two” and “three'
    quotes = Quotes(body)
    assert quotes.inside(body.index("300"))
    assert not quotes.inside(body.index("more"))  # a new line closes nothing, opens nothing
    assert quotes.inside(body.index("three"))
    assert not quotes.inside(body.index("and “three"))


def test_prefilter_is_built_once_per_lexicon(lexicon: Lexicon) -> None:
    assert _prefilter(lexicon) is _prefilter(lexicon)
    other = load_lexicon()
    assert _prefilter(other) is not _prefilter(lexicon)


def _numberish_reference(token) -> bool:
    """``quantities._is_numberish`` as it was before its digit-first shortcut."""
    from claimrec.extract.quantities import (
        _GLUED_RANGE,
        _K_SUFFIX,
        _ORDINAL,
        SCALE_WORDS,
        _looks_like_code,
    )

    if _K_SUFFIX.match(token.text):
        return True
    if token.ent_type_ == "ORDINAL" or _ORDINAL.match(token.lower_):
        return False
    return (
        (token.like_num and not _looks_like_code(token))
        or token.lower_ in SCALE_WORDS
        or _GLUED_RANGE.match(token.text) is not None
    )


@pytest.mark.parametrize(
    "text",
    [
        "About 10k marchers and 1.5m viewers; 41,000–44,000 or 5k-20k by the 3rd day.",
        "Dozens of KN-23 rounds, twenty-six trucks and hundreds of families in Osk.",
        "Arabic-Indic ٣٠٠ and full-width ３００ figures; the 21st of 2,310 dead.",
        "No figures at all in this sentence.",
    ],
)
def test_is_numberish_matches_the_plain_test(nlp, text: str) -> None:
    from claimrec.extract.quantities import _is_numberish

    doc = nlp(text)
    assert [_is_numberish(t) for t in doc] == [_numberish_reference(t) for t in doc]
