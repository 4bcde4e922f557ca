"""Turn the text of a number expression into numbers.

The extractor finds a number span with spaCy and hands its text here; this module
knows nothing about spaCy or claims. It has one promise above all others: no
``str`` input makes it raise or hang. Anything it does not understand gives
``None``, so the caller can skip the span instead of crashing a whole article.

Decisions for ambiguous input (each has a table test):

* A dot followed by exactly three digits, with a non-zero integer part of one to
  three digits and no scale word ("10.000", "1.500"), is a European thousands
  separator; several such groups ("1.500.000") always are. Any other dot is a
  decimal point ("2.5", "0.125", "1234.567"), and so is every dot before a scale
  word ("1.234 million" is 1,234,000), because English news writes decimals there.
* A comma is only a thousands separator (Western "1,234,567" or Indian
  "1,00,000"); a decimal comma ("2,5") and mixed European "1.234,5" give None.
* Suffixes "k", "m", "mn", "mln", "bn" and "tn" are scales when glued to the digits
  ("1.5m", "10M" are millions, as news writes them; the extractor's counted noun
  rules out metres); a spaced "5 m" and a bare "b" ("2b") give None. "15-hundred"
  is 1,500.
* Leading zeros ("007", "06") give None: they mark codes and dates, not counts.
* Scientific notation ("1e15", "10^15"), currency ("$5"), percentages ("5%"),
  ordinals ("first"), dates, times and bare scale words ("thousand") give None.
* Negative numbers ("-5") and zero are returned; the caller decides to reject them.
* Input longer than ``MAX_INPUT_CHARS`` gives None, which bounds the work done.

Hedges such as "at least" or "about" are the extractor's business, not this module's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, model_validator
from text_to_num import text2num

__all__ = ["MAX_INPUT_CHARS", "NumberRange", "is_integral", "parse_number", "parse_range"]

MAX_INPUT_CHARS = 200
"""Longer input is never a number span; refusing it keeps every call cheap and every
value below about 1e213, far from float overflow."""


class NumberRange(BaseModel):
    """A closed interval of counts; either end may be open (None).

    ``vague`` marks intervals read from words like "dozens" or "a few thousand",
    whose bounds are this module's convention rather than the writer's words.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: float | None
    high: float | None
    vague: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> NumberRange:
        """Reject inverted intervals so that every consumer can trust low <= high."""
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


def is_integral(x: float) -> bool:
    """Whether ``x`` is a finite whole number (callers keep counts as ints when they are)."""
    if isinstance(x, int):
        return True
    return isinstance(x, float) and x.is_integer()


# --------------------------------------------------------------------------- tables

SCALES: dict[str, int] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "lakh": 100_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "crore": 10_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "m": 1_000_000,
}
"""Words and suffixes that multiply the number before them ("10k", "1.5 million")."""

_WORD_ONLY_SCALES = frozenset({"dozen", "lakh", "crore", "trillion"})
"""Scales that text2num does not read, so "two dozen" and "five trillion" are done here."""

_UNIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEEN_WORDS: tuple[str, ...] = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen")
_TEEN_WORDS += ("sixteen", "seventeen", "eighteen", "nineteen")
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TEXT2NUM_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})
_NUMBER_WORDS = frozenset(_UNIT_WORDS + _TEEN_WORDS + _TENS_WORDS) | _TEXT2NUM_SCALE_WORDS | {"and"}
"""The only words handed to text2num; anything else ("hundreds", "first") never reaches it."""

VAGUE_ALONE: dict[str, tuple[int, int]] = {
    "a couple": (2, 3),
    "a few": (2, 9),
    "a handful": (2, 9),
    "several": (3, 9),
}
"""Vague words that stand alone as a count.

"a couple" is two, loosely three. "a few" and "a handful" start at two and stay
below ten, where a writer would switch to "dozens" or a figure. "several" means
more than two, so it starts at three.
"""

VAGUE_PLURALS: dict[str, tuple[int, int, int]] = {
    "tens": (20, 99, 10),
    "dozens": (24, 99, 12),
    "scores": (40, 199, 20),
    "hundreds": (200, 999, 100),
    "thousands": (2_000, 9_999, 1_000),
    "millions": (2_000_000, 9_999_999, 1_000_000),
    "billions": (2_000_000_000, 9_999_999_999, 1_000_000_000),
}
"""Plural units as counts: ``word -> (low, high, unit)``.

A plural means at least two of the unit ("hundreds" >= 200, "dozens" >= 24,
"scores" >= 40) and fewer than ten of them, because past that writers move to
the next word ("thousands", "tens of thousands"). "dozens" and "tens" stop at 99
for the same reason: a hundred or more is "hundreds". "X of Y" scales X's
interval by Y's unit: "tens of thousands" is 20,000..99,999 and "hundreds of
thousands" 200,000..999,999.
"""

# --------------------------------------------------------------------------- regexes

_GROUP_TAIL = r"(?:\.\d+)?"
_UNSIGNED = (
    r"(?:"
    rf"[1-9]\d{{0,2}}(?:,\d{{3}})+{_GROUP_TAIL}"  # Western 1,234,567(.5)
    rf"|[1-9]\d?(?:,\d{{2}})+,\d{{3}}{_GROUP_TAIL}"  # Indian 1,00,000
    rf"|[1-9]\d{{0,2}}(?: \d{{3}})+{_GROUP_TAIL}"  # 12 000 (any Unicode space)
    r"|[1-9]\d{0,2}(?:\.\d{3}){2,}"  # European 1.500.000
    r"|(?:0|[1-9]\d*)(?:\.\d+)?"  # plain 12, 2.5, 10.000
    r")"
)
_SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))

_DIGITS_RE = re.compile(rf"(?P<sign>-)?(?P<num>{_UNSIGNED})")
_SCALED_DIGITS_RE = re.compile(rf"(?P<sign>-)?(?P<num>{_UNSIGNED})[ -]?(?P<scale>{_SCALE_ALT})")
_SUFFIX_ONLY_SCALES = frozenset({"k", "m", "mn", "mln", "bn", "tn"})
_QUARTER_RE = re.compile(rf"(?:an? )?(?P<q>quarter|third)(?: of an?| an?)? (?P<scale>{_SCALE_ALT})")
_EURO_SINGLE_RE = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_HALF_RE = re.compile(rf"half an? (?P<scale>{_SCALE_ALT})")
_AND_A_HALF_RE = re.compile(rf"(?P<num>.+) and a half (?P<scale>{_SCALE_ALT})")
_WORD_SCALED_RE = re.compile(rf"(?P<num>.+) (?P<scale>{'|'.join(sorted(_WORD_ONLY_SCALES))})")
_ARTICLE_RE = re.compile(r"^an? (?=\S)")
_WORD_SPLIT_RE = re.compile(r"[ -]")
_TRAILING_SCALE_RE = re.compile(rf"(?:^|[\d ])(?:{_SCALE_ALT})$")
_SPACES_RE = re.compile(r" +")

_BETWEEN_RE = re.compile(r"between (?P<body>.+)")
_FROM_RE = re.compile(r"from (?P<body>.+)")
_AND_SEP_RE = re.compile(r" and ")
_TO_SEP_RE = re.compile(r" to ")
_WORD_SEP_RE = re.compile(r" (?:to|or) ")
_DASH_SEP_RE = re.compile(r" ?- ?")

_VAGUE_QUANTIFIER_RE = re.compile(
    rf"(?P<q>{'|'.join(VAGUE_ALONE)})(?: of)? (?P<unit>dozen|hundred|thousand|million|billion)s?"
)
_VAGUE_OF_RE = re.compile(r"(?P<outer>[a-z]+) of (?P<inner>[a-z]+)")

_CHAR_MAP: dict[str, str] = {
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\uff0c": ",",  # fullwidth comma
    "\uff0e": ".",  # fullwidth full stop
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\uff0d": "-",  # fullwidth hyphen-minus
}
"""Punctuation that news text uses for the same job as an ASCII character."""


# --------------------------------------------------------------------------- normalising


def _normalize(text: object) -> str | None:
    """Fold the text to lower-case ASCII digits, ASCII dashes and single spaces.

    Every Unicode decimal digit becomes its ASCII digit and every Unicode space
    (thin, no-break, narrow no-break...) a plain space, so the grammar below only
    has to know one spelling. Returns None for non-strings and over-long input.
    """
    if not isinstance(text, str) or len(text) > MAX_INPUT_CHARS:
        return None
    out: list[str] = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
        elif ch.isdecimal() and not ch.isascii():
            digit = unicodedata.decimal(ch, None)
            out.append(ch if digit is None else str(digit))
        else:
            out.append(_CHAR_MAP.get(ch, ch))
    return _SPACES_RE.sub(" ", "".join(out)).strip().lower()


# --------------------------------------------------------------------------- numbers


def parse_number(text: str) -> float | None:
    """One number expression -> its value, or None if it is not a number expression.

    The whole string must be the number: "12", "4,500", "1,00,000", "12 000",
    "10.000", "2.5", "10k", "1.5 million", "2bn", "half a million", "twenty-one",
    "one hundred and five", "a dozen", "two dozen", "١٢٣". See the module
    docstring for the rules on ambiguous input. Never raises.
    """
    normalized = _normalize(text)
    if not normalized:
        return None
    value = _parse_value(normalized)
    return None if value is None else float(value)


def _parse_value(s: str) -> Fraction | None:
    """Exact value of a normalized number expression, trying each grammar in turn."""
    for parser in (_parse_digits, _parse_scaled_digits, _parse_half, _parse_and_a_half):
        value = parser(s)
        if value is not None:
            return value
    return _parse_words(s)


def _digits_value(num: str, scaled: bool) -> Fraction:
    """Value of a string matched by ``_UNSIGNED``, applying the European-dot rule."""
    if not scaled and _EURO_SINGLE_RE.fullmatch(num):
        return Fraction(num.replace(".", ""))
    if num.count(".") > 1:
        return Fraction(num.replace(".", ""))
    return Fraction(num.replace(",", "").replace(" ", ""))


def _parse_digits(s: str) -> Fraction | None:
    """Plain or grouped digits with an optional minus sign: "-5", "1,234,567", "10.000"."""
    m = _DIGITS_RE.fullmatch(s)
    if m is None:
        return None
    value = _digits_value(m["num"], scaled=False)
    return -value if m["sign"] else value


def _parse_scaled_digits(s: str) -> Fraction | None:
    """Digits times a scale word or suffix: "10k", "1.5 million", "2bn", "3 dozen"."""
    m = _SCALED_DIGITS_RE.fullmatch(s)
    if m is None or (m["scale"] == "m" and not _glued(s)):
        return None
    value = _digits_value(m["num"], scaled=True) * SCALES[m["scale"]]
    return -value if m["sign"] else value


def _glued(s: str) -> bool:
    """A bare "m" is a scale only glued to its digits ("1.5m", "10M"): "5 m" may be metres."""
    return s[-2:-1].isdigit()


def _parse_half(s: str) -> Fraction | None:
    """Read "half a million" as 500,000, "half a dozen" as 6 and "a quarter million" as
    250,000."""
    m = _HALF_RE.fullmatch(s)
    if m is not None and m["scale"] not in _SUFFIX_ONLY_SCALES:
        return Fraction(SCALES[m["scale"]], 2)
    m = _QUARTER_RE.fullmatch(s)
    if m is not None and m["scale"] not in _SUFFIX_ONLY_SCALES:
        return Fraction(SCALES[m["scale"]], 4 if m["q"] == "quarter" else 3)
    return None


def _parse_and_a_half(s: str) -> Fraction | None:
    """Read "two and a half million" as 2,500,000; the head must be a bare number."""
    m = _AND_A_HALF_RE.fullmatch(s)
    if m is None:
        return None
    base = _parse_unscaled(m["num"])
    return None if base is None else (base + Fraction(1, 2)) * SCALES[m["scale"]]


def _parse_unscaled(s: str) -> Fraction | None:
    """A non-negative number with no scale word of its own, as the head of a scaled phrase."""
    if _has_scale_word(s):
        return None
    value = _parse_digits(s)
    if value is None:
        value = _parse_words(s)
    return value if value is not None and value >= 0 else None


def _parse_words(s: str) -> Fraction | None:
    """Written-out numbers: text2num for what it reads, plus "a"/"an" and word-only scales."""
    s = _ARTICLE_RE.sub("one ", s, count=1)
    m = _WORD_SCALED_RE.fullmatch(s)
    if m is not None:
        base = _parse_unscaled(m["num"])
        return None if base is None else base * SCALES[m["scale"]]
    return _text2num(s)


def _text2num(s: str) -> Fraction | None:
    """text2num on vetted input only, with its quirks removed.

    text2num accepts a bare "hundred" or "thousand" and reads "zero thousand" as
    1000, so the first word must be a unit, teen or tens word and "zero" must stand
    alone. Only plain English number words reach it, and its ValueError is caught.
    """
    words = _WORD_SPLIT_RE.split(s)
    if not words or any(w not in _NUMBER_WORDS for w in words):
        return None
    if words[0] in _TEXT2NUM_SCALE_WORDS or words[0] == "and":
        return None
    if "zero" in words and len(words) > 1:
        return None
    try:
        return Fraction(text2num(s, "en"))
    except (ValueError, TypeError, OverflowError):
        return None


def _has_scale_word(s: str) -> bool:
    """Whether any word of ``s`` is a scale, e.g. "one hundred and five"."""
    return any(w in SCALES or w in _TEXT2NUM_SCALE_WORDS for w in _WORD_SPLIT_RE.split(s)) or (
        _TRAILING_SCALE_RE.search(s) is not None
    )


# --------------------------------------------------------------------------- ranges


def parse_range(text: str) -> NumberRange | None:
    """A number phrase that may be a range or vague quantity -> NumberRange, or None.

    * A single number gives ``low == high``.
    * "A to B", "A-B" (any dash), "between A and B", "from A to B" and "A or B"
      give ``low..high``. "or" is read as a range because writers use it to
      bracket an estimate ("two or three hundred"). A scale word on B alone also
      applies to A when that keeps the range ascending ("10 to 12 thousand" is
      4,000..5,000; "500 to 2 million" stays 500..2,000,000).
    * Reversed word ranges ("5,000 to 4,000") are sorted; a reversed dash
      range ("1939-45", "3-2") is a year span or a score, so it gives None.
    * Vague quantities ("dozens of", "a few thousand", "tens of thousands") use
      ``VAGUE_ALONE`` and ``VAGUE_PLURALS`` and set ``vague=True``.

    Never raises.
    """
    s = _normalize(text)
    if not s:
        return None
    single = _parse_value(s)
    if single is not None:
        return NumberRange(low=float(single), high=float(single))
    return _parse_explicit_range(s) or _parse_vague(s)


def _parse_explicit_range(s: str) -> NumberRange | None:
    """Explicit ranges: "between A and B", "from A to B", "A to B", "A or B", "A-B"."""
    m = _BETWEEN_RE.fullmatch(s)
    if m is not None:
        return _first_pair(m["body"], _AND_SEP_RE, allow_reversed=True)
    m = _FROM_RE.fullmatch(s)
    if m is not None:
        return _first_pair(m["body"], _TO_SEP_RE, allow_reversed=True)
    return _first_pair(s, _WORD_SEP_RE, allow_reversed=True) or _first_pair(
        s, _DASH_SEP_RE, allow_reversed=False
    )


def _first_pair(body: str, sep: re.Pattern[str], allow_reversed: bool) -> NumberRange | None:
    """Try every split of ``body`` at ``sep`` and return the first that reads as a range.

    Every split is tried because either side may contain the separator itself:
    "twenty-one-twenty-five" only works when split at the middle dash.
    """
    for left, right in _splits(body, sep):
        found = _pair(left, right, allow_reversed)
        if found is not None:
            return found
    return None


def _splits(body: str, sep: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """Each ``(left, right)`` around one match of ``sep``, both sides non-empty."""
    for m in sep.finditer(body):
        left, right = body[: m.start()], body[m.end() :]
        if left and right:
            yield left, right


def _pair(left: str, right: str, allow_reversed: bool) -> NumberRange | None:
    """Both sides as numbers, with B's scale shared to A where that reads naturally."""
    low = _parse_value(left)
    high = _parse_value(right)
    if low is None or high is None:
        return None
    low = _share_scale(left, low, right, high)
    if low > high:
        if not allow_reversed:
            return None
        low, high = high, low
    return NumberRange(low=float(low), high=float(high))


def _share_scale(left: str, low: Fraction, right: str, high: Fraction) -> Fraction:
    """Apply the right side's trailing scale to a bare left side ("10 to 12 thousand").

    Only when the left side has no scale word of its own and the scaled value
    does not overtake the right side, so "ten to a hundred" stays 10..100.
    """
    m = _TRAILING_SCALE_RE.search(right)
    if m is None or _has_scale_word(left):
        return low
    scale = SCALES.get(right[m.start() :].strip().lstrip("0123456789"), 1)
    scaled = low * scale
    return scaled if scaled <= high else low


def _parse_vague(s: str) -> NumberRange | None:
    """Vague quantities from the tables; a trailing "of" is ignored ("dozens of")."""
    s = s.removesuffix(" of").removeprefix("many ")
    bounds = _vague_bounds(s)
    if bounds is None:
        return None
    low, high = bounds
    return NumberRange(low=float(low), high=float(high), vague=True)


def _vague_bounds(s: str) -> tuple[int, int] | None:
    """(low, high) for a vague phrase, or None if it is not one."""
    if s in VAGUE_ALONE:
        return VAGUE_ALONE[s]
    if s in VAGUE_PLURALS:
        low, high, _ = VAGUE_PLURALS[s]
        return low, high
    m = _VAGUE_QUANTIFIER_RE.fullmatch(s)
    if m is not None:
        q_low, q_high = VAGUE_ALONE[m["q"]]
        unit = SCALES[m["unit"]]
        return q_low * unit, (q_high + 1) * unit - 1
    m = _VAGUE_OF_RE.fullmatch(s)
    if m is not None and m["outer"] in VAGUE_PLURALS and m["inner"] in VAGUE_PLURALS:
        o_low, o_high, o_unit = VAGUE_PLURALS[m["outer"]]
        unit = VAGUE_PLURALS[m["inner"]][2]
        if o_unit < unit:
            return o_low * unit, (o_high + 1) * unit - 1
    return None
