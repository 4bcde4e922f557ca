"""Tests for claimrec.numbers: table tests for each documented case, properties for the rest.

The tables pin every decision the module docstring makes about ambiguous input, so a
change of mind shows up as a failing row. The properties prove the two promises the
extractor relies on: no string makes the parser raise, and every way a news article
writes a whole number (digits, separators, words, other scripts) reads back exactly.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from claimrec.numbers import MAX_INPUT_CHARS, NumberRange, is_integral, parse_number, parse_range

PROPERTY = settings(max_examples=300, deadline=None)

# --------------------------------------------------------------------------- parse_number

DIGIT_CASES: list[tuple[str, float]] = [
    ("12", 12),
    ("10,000", 10_000),
    ("1,234,567", 1_234_567),
    ("1,00,000", 100_000),
    ("12,34,567", 1_234_567),
    ("12 000", 12_000),
    ("12\u2009000", 12_000),
    ("12\u202f000", 12_000),
    ("12\u00a0000", 12_000),
    ("1 000 000", 1_000_000),
    ("10.000", 10_000),
    ("1.500", 1_500),
    ("1.500.000", 1_500_000),
    ("2.5", 2.5),
    ("1.5", 1.5),
    ("0.125", 0.125),
    ("1234.567", 1234.567),
    ("1,234.5", 1234.5),
    ("  12  ", 12),
]

SCALE_CASES: list[tuple[str, float]] = [
    ("10k", 10_000),
    ("10K", 10_000),
    ("10 k", 10_000),
    ("1.5 million", 1_500_000),
    ("1.5mn", 1_500_000),
    ("1.234 million", 1_234_000),
    ("12 thousand", 12_000),
    ("3 billion", 3_000_000_000),
    ("2bn", 2_000_000_000),
    ("2 BN", 2_000_000_000),
    ("1.2tn", 1_200_000_000_000),
    ("5 hundred", 500),
    ("15-hundred", 1500),
    ("1.5m", 1_500_000),
    ("10M", 10_000_000),
    ("a quarter million", 250_000),
    ("a quarter of a million", 250_000),
    ("two and a half million", 2_500_000),
    ("3 lakh", 300_000),
    ("3 lakh", 300_000),
    ("2 crore", 20_000_000),
    ("half a million", 500_000),
    ("half a dozen", 6),
    ("two and a half million", 2_500_000),
    ("a million", 1_000_000),
]

WORD_CASES: list[tuple[str, float]] = [
    ("one", 1),
    ("six", 6),
    ("Six", 6),
    ("twelve", 12),
    ("ten thousand", 10_000),
    ("TEN THOUSAND", 10_000),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("one hundred and five", 105),
    ("a hundred and five", 105),
    ("a dozen", 12),
    ("two dozen", 24),
    ("a hundred", 100),
    ("a thousand", 1_000),
    ("a hundred thousand", 100_000),
    ("five trillion", 5_000_000_000_000),
    ("zero", 0),
]

UNICODE_CASES: list[tuple[str, float]] = [
    ("١٢٣", 123),
    ("١٢٬٠٠٠", 12_000),
    ("٢٫٥", 2.5),
    ("１２", 12),
    ("１２，０００", 12_000),
    ("१२३", 123),
    ("১২", 12),
]

SIGN_CASES: list[tuple[str, float]] = [
    ("-5", -5),
    ("\u22125", -5),
    ("-5,000", -5_000),
    ("0", 0),
]

# Absurd but well-formed figures are read as written (the extractor keeps them, and they
# show up as conflicts); past 2**53 a float cannot hold every integer, so they are close,
# not exact. The length cap keeps the largest below 1e201, far from overflow.
ABSURD_CASES: list[tuple[str, float]] = [
    ("1,000,000,000,000,000", 10**15),
    ("1 000 000 000 000 000", 10**15),
    ("1000000000000000", 10**15),
    ("1,000,000,000,000,000,000,000", 10**21),
    ("9" * MAX_INPUT_CHARS, float("9" * MAX_INPUT_CHARS)),
]

NOT_NUMBERS: list[str] = [
    "",
    "   ",
    "abc",
    "KN-23",
    "Article 4",
    "2024-06-01",
    "12:30",
    "$5",
    "5%",
    "https://example.com/10",
    "first",
    "twentieth",
    "several hundred",
    "hundreds",
    "dozens",
    "thousand",
    "hundred",
    "zero thousand",
    "5 m",
    "2b",
    "1e15",
    "10^15",
    "007",
    "06",
    "2,5",
    "1.234,5",
    "12.",
    "- 5",
    "minus five",
    "one two",
    "10 12",
    "10,00",
    "1" * (MAX_INPUT_CHARS + 1),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    DIGIT_CASES + SCALE_CASES + WORD_CASES + UNICODE_CASES + SIGN_CASES + ABSURD_CASES,
)
def test_parse_number_reads_value(text: str, expected: float) -> None:
    """Every documented spelling of a number gives its exact value."""
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_number_rejects_non_numbers(text: str) -> None:
    """Codes, dates, money, percentages, ordinals and vague words are not counts."""
    assert parse_number(text) is None


@pytest.mark.parametrize("value", [None, 12, 1.5, b"12", ["12"]])
def test_parse_number_rejects_non_strings(value: object) -> None:
    """A caller passing the wrong type gets None, not a crash mid-article."""
    assert parse_number(value) is None  # type: ignore[arg-type]
    assert parse_range(value) is None  # type: ignore[arg-type]


def test_long_hostile_input_is_parsed() -> None:
    """Input near the length cap with many separators must not blow up the range search:
    a backtracking blow-up would hang here. No clock is read (a loaded machine must not
    fail the test); bench/ measures speed."""
    hostile = ["1-" * 99, "one-" * 49, " to ".join(["1"] * 49), "1," * 99, "a " * 99]
    for text in [*hostile, "9" * 100_000]:
        assert parse_number(text) == parse_number(text)
        assert parse_range(text) == parse_range(text)


# --------------------------------------------------------------------------- parse_range

RANGE_CASES: list[tuple[str, float, float]] = [
    ("12", 12, 12),
    ("twelve", 12, 12),
    ("10,000 to 12,000", 10_000, 12_000),
    ("10,000-12,000", 10_000, 12_000),
    ("10,000 - 12,000", 10_000, 12_000),
    ("10,000–12,000", 10_000, 12_000),
    ("10,000 — 12,000", 10_000, 12_000),
    ("between 10,000 and 12,000", 10_000, 12_000),
    ("Between 10,000 and 12,000", 10_000, 12_000),
    ("from 10,000 to 12,000", 10_000, 12_000),
    ("10 to 12 thousand", 10_000, 12_000),
    ("ten to twelve thousand", 10_000, 12_000),
    ("between 2 and 3 million", 2_000_000, 3_000_000),
    ("10-12k", 10_000, 12_000),
    ("two or three hundred", 200, 300),
    ("10,000 or 12,000", 10_000, 12_000),
    ("12,000 to 10,000", 10_000, 12_000),
    ("ten to a hundred", 10, 100),
    ("500 to 2 million", 500, 2_000_000),
    ("between one hundred and five and two hundred", 105, 200),
    ("twenty-one to thirty-two", 21, 32),
    ("twenty-one-twenty-five", 21, 25),
]

VAGUE_CASES: list[tuple[str, float, float]] = [
    ("a couple", 2, 3),
    ("a few", 2, 9),
    ("a handful", 2, 9),
    ("a handful of", 2, 9),
    ("several", 3, 9),
    ("dozens", 24, 99),
    ("dozens of", 24, 99),
    ("Dozens of", 24, 99),
    ("scores of", 40, 199),
    ("hundreds", 200, 999),
    ("hundreds of", 200, 999),
    ("thousands", 2_000, 9_999),
    ("many thousands", 2_000, 9_999),
    ("millions", 2_000_000, 9_999_999),
    ("tens of thousands", 20_000, 99_999),
    ("tens of thousands of", 20_000, 99_999),
    ("hundreds of thousands", 200_000, 999_999),
    ("tens of millions", 20_000_000, 99_999_999),
    ("a few thousand", 2_000, 9_999),
    ("several hundred", 300, 999),
    ("several thousands", 3_000, 9_999),
    ("a couple of hundred", 200, 399),
    ("a few dozen", 24, 119),
]

NOT_RANGES: list[str] = [
    "",
    "abc",
    "KN-23",
    "Article 4",
    "2024-06-01",
    "1939-45",
    "3-2",
    "12:30",
    "between 10 and",
    "from ten",
    "to 12",
    "hundreds to thousands",
    "thousands of thousands",
    "some",
    "many",
]


@pytest.mark.parametrize(("text", "low", "high"), RANGE_CASES)
def test_parse_range_reads_interval(text: str, low: float, high: float) -> None:
    """Single numbers and explicit ranges give exact, sorted, non-vague bounds."""
    assert parse_range(text) == NumberRange(low=low, high=high)


@pytest.mark.parametrize(("text", "low", "high"), VAGUE_CASES)
def test_parse_range_reads_vague_quantity(text: str, low: float, high: float) -> None:
    """Vague words give the documented conventional interval, flagged as vague."""
    assert parse_range(text) == NumberRange(low=low, high=high, vague=True)


@pytest.mark.parametrize("text", NOT_RANGES)
def test_parse_range_rejects_non_ranges(text: str) -> None:
    """Dates, scores, year spans, half-written ranges and vague words alone give None."""
    assert parse_range(text) is None


# --------------------------------------------------------------------------- model and helper


def test_number_range_is_frozen_and_strict() -> None:
    """NumberRange crosses stage boundaries, so it must be immutable and reject typos."""
    span = NumberRange(low=1, high=2)
    with pytest.raises(ValidationError):
        span.low = 5  # type: ignore[misc]
    with pytest.raises(ValidationError):
        NumberRange(low=1, high=2, hihg=3)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        NumberRange(low=3, high=2)
    assert NumberRange(low=24, high=None, vague=True).high is None


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (3.0, True),
        (0.0, True),
        (-5.0, True),
        (2.5, False),
        (float("inf"), False),
        (float("nan"), False),
        (7, True),
    ],
)
def test_is_integral(x: float, expected: bool) -> None:
    """Callers keep whole counts as ints; infinities and NaN are never whole."""
    assert is_integral(x) is expected


# --------------------------------------------------------------------------- properties

NUMBERISH = st.text(
    alphabet="0123456789,. -–—kKmbnillionthousanddozenandtoorbetweenfrom", max_size=60
)
SEPARATORS = [",", " ", "\u2009", "\u202f", "\u00a0"]
DIGIT_ZEROS = [0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10]  # Arabic-Indic, Persian, Devanagari, ...


@PROPERTY
@given(st.one_of(st.text(), NUMBERISH))
def test_parsers_never_raise(text: str) -> None:
    """Any string gives a float, a NumberRange or None; never an exception."""
    number = parse_number(text)
    span = parse_range(text)
    assert number is None or isinstance(number, float)
    assert span is None or isinstance(span, NumberRange)
    if number is not None:
        assert span == NumberRange(low=number, high=number)


@PROPERTY
@given(st.integers(0, 10**9), st.sampled_from(SEPARATORS))
def test_digits_round_trip(n: int, sep: str) -> None:
    """Plain digits and every thousands separator news text uses read back exactly."""
    assert parse_number(f"{n}") == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", sep)) == n
    assert parse_number(f"{n:,}".replace(",", ".")) == n


@PROPERTY
@given(st.integers(0, 2**53), st.sampled_from(SEPARATORS))
def test_large_integers_round_trip(n: int, sep: str) -> None:
    """Every integer a float holds exactly, up to 2**53, reads back exactly."""
    assert parse_number(f"{n}") == n
    assert parse_number(f"{n:,}".replace(",", sep)) == n
    assert parse_number(f"{n:,}".replace(",", ".")) == n


@PROPERTY
@given(st.integers(0, 10**9), st.sampled_from(DIGIT_ZEROS))
def test_unicode_digits_round_trip(n: int, zero: int) -> None:
    """Digits of any script read the same as ASCII digits."""
    text = "".join(chr(zero + int(d)) for d in f"{n}")
    assert parse_number(text) == n


@PROPERTY
@given(st.integers(0, 999_999), st.booleans(), st.booleans())
def test_words_round_trip(n: int, british_and: bool, hyphen: bool) -> None:
    """Written-out numbers, with or without "and" and hyphens, read back exactly."""
    assert parse_number(to_words(n, british_and=british_and, hyphen=hyphen)) == n


@PROPERTY
@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from([" to ", "-", " – "]))
def test_digit_ranges_round_trip(a: int, b: int, sep: str) -> None:
    """Ascending "A to B" and "A-B" ranges read back as [A, B]."""
    low, high = sorted((a, b))
    assert parse_range(f"{low:,}{sep}{high:,}") == NumberRange(low=low, high=high)
    assert parse_range(f"between {high:,} and {low:,}") == NumberRange(low=low, high=high)


# --------------------------------------------------------------------------- helpers

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
_SMALL = (*_UNITS, *_TEENS, "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def to_words(n: int, *, british_and: bool = False, hyphen: bool = True) -> str:
    """English words for 0 <= n < 1,000,000, written independently of the module under test."""
    if n < 1000:
        return _below_thousand(n, british_and, hyphen)
    thousands, rest = divmod(n, 1000)
    head = f"{_below_thousand(thousands, british_and, hyphen)} thousand"
    if rest == 0:
        return head
    joiner = " and " if british_and and rest < 100 else " "
    return head + joiner + _below_thousand(rest, british_and, hyphen)


def _below_thousand(n: int, british_and: bool, hyphen: bool) -> str:
    """Words for 0 <= n < 1000: "three hundred and forty-two"."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_hundred(rest, hyphen)
    head = f"{_SMALL[hundreds]} hundred"
    if rest == 0:
        return head
    joiner = " and " if british_and else " "
    return head + joiner + _below_hundred(rest, hyphen)


def _below_hundred(n: int, hyphen: bool) -> str:
    """Words for 0 <= n < 100: "forty-two" or "forty two"."""
    if n < 20:
        return _SMALL[n]
    tens, ones = divmod(n, 10)
    if ones == 0:
        return _TENS[tens]
    return _TENS[tens] + ("-" if hyphen else " ") + _SMALL[ones]
