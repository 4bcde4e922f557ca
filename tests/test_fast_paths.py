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
