"""Finding counts in a parsed paragraph: the number words, their hedge, and what they count.

A count is a run of number tokens ("4,500", "ten thousand", "4,000 to 5,000"),
the hedge right before it ("at least", "an estimated"), and the noun it counts,
found through the parse: the head of a ``nummod`` ("4,500 soldiers"), the object
of a partitive "of" ("800 of these troops"), or a nationality noun
("3,000 Kestovans"). Only nouns the lexicon lists as people (or a nationality)
make a count, so "four brigades", "Article 4" and "2.5 years" never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimrec.lexicon import Lexicon, Measure
from claimrec.models import CountValue
from claimrec.numbers import NumberRange, parse_range

# Entity labels whose numbers are never counts of people.
NOT_COUNT_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY", "LAW", "PRODUCT", "WORK_OF_ART"}
)
SCALE_WORDS = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "lakh",
        "crore",
        "score",
        "few",
        "several",
        "handful",
        "tens",
    }
)
_GLUED_RANGE = re.compile(r"^\d[\d,.]*[-–—]\d[\d,.]*$")  # "41,000–44,000" as one token
_K_SUFFIX = re.compile(r"^\d+(?:[.,]\d+)?[kK]$")
EXPONENTS = frozenset({"^", "**", "e", "E"})
CONNECTORS = frozenset({"to", "-", "–", "—", "and", "or", "of"})
CURRENCY = frozenset({"$", "€", "£", "¥", "₹", "usd", "eur", "dollars", "euros", "pounds"})
NUMERIC_DEPS = frozenset({"nummod", "quantmod", "compound", "advmod", "amod", "npadvmod"})


@dataclass(frozen=True)
class Count:
    """A count found in a paragraph: its tokens, value, and counted noun (spaCy objects,
    local to the extract package)."""

    span: Span  # hedge + number (+ counted noun when it follows)
    number: Span
    unit_token: Token | None  # the counted noun, None for a bare number ("killed 300")
    anchor: Token  # where the parse path to predicate and source starts
    value: CountValue
    written_out: bool
    nationality: Token | None  # "3,000 Kestovans": the unit is itself a nationality
    predicate: str | None = None  # implied by a measure noun ("the toll rose to 600")


def counts(sent: Span, lexicon: Lexicon) -> list[Count]:
    """Every count of people stated in ``sent``, in token order."""
    found: list[Count] = []
    for number in _number_runs(sent):
        count = _count(number, sent, lexicon)
        if count is not None:
            found.append(count)
    return found


def _is_numberish(token: Token) -> bool:
    if _K_SUFFIX.match(token.text):  # "10k": NER may call it a date
        return True
    if token.ent_type_ in NOT_COUNT_LABELS:
        return False
    low = token.lower_
    return (
        (token.like_num and not _looks_like_code(token))
        or low in SCALE_WORDS
        or _GLUED_RANGE.match(token.text) is not None
    )


def _looks_like_code(token: Token) -> bool:
    """Digits glued to letters ("KN-23", "T-72", "j6yK") are names, not quantities."""
    text = token.text
    return (
        any(c.isalpha() for c in text)
        and any(c.isdigit() for c in text)
        and not (text[-1:] in "kK" and text[:-1].replace(",", "").replace(".", "").isdigit())
    )


def _number_runs(sent: Span) -> list[Span]:
    """Maximal runs of number tokens, joined by range connectors ("4,000 to 5,000")."""
    doc = sent.doc
    runs: list[Span] = []
    i = sent.start
    while i < sent.end:
        if not _is_numberish(doc[i]) or not _has_digit_or_word(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < sent.end:
            if _is_numberish(doc[j]):
                j += 1
            elif (
                doc[j].lower_ in CONNECTORS
                and j + 1 < sent.end
                and _is_numberish(doc[j + 1])
                and doc[j].lower_ != "of"
            ) or _thousands_space(doc, j, sent.end):
                j += 2
            else:
                break
        start = i
        if (
            start > sent.start
            and doc[start - 1].lower_ in {"a", "an"}
            and doc[start].lower_ in SCALE_WORDS
        ):
            start -= 1
        if start > sent.start and doc[start - 1].lower_ == "between":
            start -= 1
        runs.append(doc[start:j])
        i = j
    return runs


def _thousands_space(doc, j: int, end: int) -> bool:
    """ "12 000" with a thin or no-break space, which the tokenizer keeps as its own token."""
    return (
        doc[j].is_space
        and j + 1 < end
        and len(doc[j + 1].text) == 3
        and doc[j + 1].text.isdigit()
        and doc[j - 1].text[-1:].isdigit()
    )


def _has_digit_or_word(token: Token) -> bool:
    return (
        token.like_num
        or token.lower_ in SCALE_WORDS
        or _GLUED_RANGE.match(token.text) is not None
        or _K_SUFFIX.match(token.text) is not None
    )


def _count(number: Span, sent: Span, lexicon: Lexicon) -> Count | None:
    if _preceded_by_currency(number) or _followed_by_non_count(number) or _exponent(number):
        return None
    rng = parse_range(number.text)
    if rng is None or (rng.low is None and rng.high is None):
        return None
    last = number[-1]
    unit, anchor, nationality = _unit(last, number, lexicon)
    if unit is None and nationality is None:
        return _measured(number, rng, lexicon)
    unit_class = _unit_class(unit, nationality, sent, lexicon)
    if unit_class is None:
        return None
    hedge_start, kind = _hedge(number, lexicon)
    value = _value(rng, kind, _approx_suffix(number, lexicon), unit_class, lexicon.max_count)
    if value is None:
        return None
    doc = sent.doc
    end_tok = unit if unit is not None and unit.i > last.i else (nationality or last)
    span = doc[hedge_start : max(end_tok.i + 1, number.end)]
    written = not any(ch.isdigit() for ch in number.text)
    return Count(
        span=span,
        number=number,
        unit_token=unit or nationality,
        anchor=anchor,
        value=value,
        written_out=written,
        nationality=nationality,
    )


def _measured(number: Span, rng: NumberRange, lexicon: Lexicon) -> Count | None:
    """A bare number given as the value of a measure noun: "the toll could rise to 600",
    "police put the crowd at 3,500 to 5,000"."""
    found = _measure_noun(_outer(number, number[-1]), lexicon)
    if found is None:
        return None
    noun, measure = found
    hedge_start, kind = _hedge(number, lexicon)
    value = _value(rng, kind, _approx_suffix(number, lexicon), measure.unit, lexicon.max_count)
    if value is None:
        return None
    span = number.doc[hedge_start : number.end]
    written = not any(ch.isdigit() for ch in number.text)
    return Count(
        span=span,
        number=number,
        unit_token=None,
        anchor=noun,
        value=value,
        written_out=written,
        nationality=None,
        predicate=measure.predicate,
    )


def _measure_noun(token: Token, lexicon: Lexicon) -> tuple[Token, Measure] | None:
    """The measure noun that is subject or object of the verb governing ``token``."""
    for _ in range(3):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                    measure = lexicon.measure_nouns.get(child.lemma_.lower())
                    if measure is not None:
                        return child, measure
            return None
    return None


def _exponent(number: Span) -> bool:
    """ "10^15": neither side of a power is a count."""
    doc = number.doc
    before = doc[number.start - 1].text if number.start > 0 else ""
    after = doc[number.end].text if number.end < len(doc) else ""
    return before in EXPONENTS or after in EXPONENTS


def _preceded_by_currency(number: Span) -> bool:
    doc = number.doc
    prev = doc[number.start - 1] if number.start > 0 else None
    return prev is not None and (prev.lower_ in CURRENCY or prev.is_currency)


def _followed_by_non_count(number: Span) -> bool:
    """Whether the number measures something else ("54-year-old", "40 percent", "12%")."""
    doc = number.doc
    nxt = doc[number.end] if number.end < len(doc) else None
    if nxt is None:
        return False
    if nxt.text in {"-", "%"} or nxt.lower_ in {"percent", "per", "%"}:
        return True
    return nxt.lower_ in CURRENCY


def _unit(last: Token, number: Span, lexicon: Lexicon) -> tuple[Token | None, Token, Token | None]:
    """(counted noun, anchor for the parse path, nationality noun) of a number run."""
    last = _outer(number, last)
    head = last.head
    if last.dep_ in NUMERIC_DEPS and head.i != last.i and head.i >= number.end - 1:
        noun = _noun_of(head)
        if noun is not None:
            return _classify(noun, lexicon)
    partitive = _partitive_object(last, number)
    if partitive is not None:
        unit, _, nationality = _classify(partitive, lexicon)
        return unit, last, nationality
    return None, last, None


def _outer(number: Span, last: Token) -> Token:
    """The number token attached outside its run ("between 5 and 8 miners": the 5)."""
    for token in number:
        if not (number.start <= token.head.i < number.end) and token.dep_ in NUMERIC_DEPS:
            return token
    return last


def _noun_of(head: Token) -> Token | None:
    """The noun a number modifies, walking through "Kestovan infantry troops" compounds."""
    token = head
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token if token.pos_ in {"NOUN", "PROPN", "ADJ"} else None


def _partitive_object(last: Token, number: Span) -> Token | None:
    """The object of a partitive "of" ("800 of these troops", "dozens of protesters")."""
    for carrier in (last, *[t for t in number if t.dep_ not in {"quantmod"}]):
        for child in carrier.children:
            if child.lower_ == "of" and child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _classify(noun: Token, lexicon: Lexicon) -> tuple[Token | None, Token, Token | None]:
    if noun.lemma_.lower() in lexicon.units or noun.lower_ in lexicon.units:
        return noun, noun, None
    if noun.ent_type_ == "NORP" or noun.lower_ in lexicon.demonym_index:
        return None, noun, noun
    return None, noun, None


def _unit_class(
    unit: Token | None, nationality: Token | None, sent: Span, lexicon: Lexicon
) -> str | None:
    if unit is None:
        return lexicon.demonym_unit_class if nationality is not None else None
    entry = lexicon.units.get(unit.lemma_.lower()) or lexicon.units.get(unit.lower_)
    if entry is None:
        return None
    if entry.military_class and _military(sent, lexicon):
        return entry.military_class
    return entry.cls


def _military(sent: Span, lexicon: Lexicon) -> bool:
    words = set(lexicon.military_context)
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def _hedge(number: Span, lexicon: Lexicon) -> tuple[int, str | None]:
    """Start token index of the hedge before ``number`` (longest match) and its kind."""
    doc = number.doc
    table = lexicon.hedge_kinds
    longest = max((len(k) for k in table), default=0)
    for size in range(longest, 0, -1):
        start = number.start - size
        if start < number.sent.start:
            continue
        words = tuple(t.lower_ for t in doc[start : number.start])
        kind = table.get(words)
        if kind is not None:
            return start, kind
    return number.start, None


def _approx_suffix(number: Span, lexicon: Lexicon) -> str | None:
    doc = number.doc
    for phrase in lexicon.approx_suffixes:
        words = phrase.split()
        tail = doc[number.end : number.end + len(words)]
        if [t.lower_ for t in tail] == words:
            return "min" if phrase == "or more" else "approx"
    return None


def _value(
    rng: NumberRange, kind: str | None, suffix: str | None, unit: str, cap: int
) -> CountValue | None:
    """The stated interval after the hedge; None for zero, negative or implausible counts."""
    low, high = _int(rng.low), _int(rng.high)
    if any(x is not None and (x <= 0 or x > cap) for x in (low, high)):
        return None
    approximate = rng.vague or kind in {"approx", "approx_max"} or suffix == "approx"
    if kind == "min" or suffix == "min":
        high = None
    elif kind in {"max", "approx_max"}:
        low = None
    return CountValue(low=low, high=high, approximate=approximate, unit=unit, vague=rng.vague)


def _int(x: float | None) -> int | None:
    return None if x is None else round(x)
