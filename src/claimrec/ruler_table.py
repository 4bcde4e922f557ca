"""A faster ``match`` for spaCy's ``attribute_ruler``: the same matches, from a table.

The English pipelines' attribute ruler maps tags to parts of speech, morphology and some
lemmas with about 180 short patterns ("TAG is VBZ and LOWER is 'gets'"). spaCy's
``Matcher`` tries every pattern on every token, about 6% of a build. Whether a token
passes a pattern's test for one position depends only on the few token attributes the
patterns read, so ``RuleTable`` answers that once per distinct combination of values and
remembers it, then reads the matches off the tokens. A pattern it cannot read (operators,
attributes or predicates not listed here) still goes through a ``Matcher``. It returns
what ``AttributeRuler.match`` returns, and the ruler applies it with its own code, so
every token gets exactly the same annotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc

# Token attributes a pattern may test here, and the Token property holding the value the
# Matcher compares (a string hash, or a boolean for flags).
_PROPERTIES: dict[str, str] = {
    "ORTH": "orth",
    "TEXT": "orth",
    "LOWER": "lower",
    "NORM": "norm",
    "TAG": "tag",
    "POS": "pos",
    "DEP": "dep",
    "LEMMA": "lemma",
    "IS_SPACE": "is_space",
    "IS_PUNCT": "is_punct",
}
_FLAGS = frozenset({"IS_SPACE", "IS_PUNCT"})

Value = int | bool


@dataclass(frozen=True)
class Test:
    """One attribute test of a pattern position, as the Matcher's predicates do it."""

    at: int  # position of the attribute in the values a token is read as
    op: str  # "IN", "NOT_IN" or "REGEX"
    values: frozenset[Value] = frozenset()
    regex: re.Pattern[str] | None = None
    strings: StringStore | None = None

    def holds(self, value: Value) -> bool:
        if self.op == "IN":
            return value in self.values
        if self.op == "NOT_IN":
            return value not in self.values
        assert self.regex is not None and self.strings is not None
        return bool(self.regex.search(self.strings[value] if value else ""))


Position = tuple[Test, ...]  # tests that must all hold
Match = tuple[int, int, int, int]  # rule number, match key, start, end


class RuleTable:
    """Stands in for ``AttributeRuler.match``: patterns read from a per-value table, the
    rest by a ``Matcher`` of their own; the same sorted ``(rule, key, start, end)`` list."""

    def __init__(
        self,
        patterns: list[tuple[int, int, tuple[Position, ...]]],
        attrs: list[str],
        rest: Matcher,
        numbers: dict[int, int],
    ) -> None:
        self._patterns = patterns  # (rule number, key, positions)
        self._index, self._indexed, self._always = _index(patterns)
        properties = [_PROPERTIES[a] for a in attrs]
        self._read = _reader(properties)
        self._rest = rest
        self._numbers = numbers  # match key -> rule number
        # values -> (rule, key) of the one-token patterns, then (pattern, position) passed
        self._memo: dict[tuple[Value, ...], tuple[tuple[tuple[int, int], ...], frozenset]] = {}

    def __call__(self, doc: Doc) -> list[Match]:
        """What ``AttributeRuler.match(doc)`` returns, sorted the same way."""
        out: list[Match] = []
        memo = self._memo
        read = self._read
        passed: list[frozenset] = []
        for token in doc:
            values = read(token)
            entry = memo.get(values)
            if entry is None:
                entry = memo[values] = self._entry(values)
            single, multi = entry
            i = token.i
            for rule, key in single:
                out.append((rule, key, i, i + 1))
            passed.append(multi)
        for i, multi in enumerate(passed):
            for n, position in multi:
                if position == 0:
                    self._extend(out, n, i, passed)
        if len(self._rest):
            numbers = self._numbers
            out.extend(
                (numbers[key], key, start, end)
                for key, start, end in self._rest(doc, allow_missing=True, as_spans=False)
            )
        out.sort()
        return out

    def _extend(self, out: list[Match], n: int, start: int, passed: list[frozenset]) -> None:
        """Add pattern ``n``'s match at ``start`` if every later position passes too."""
        rule, key, positions = self._patterns[n]
        end = start + len(positions)
        if end <= len(passed) and all(
            (n, p) in passed[start + p] for p in range(1, len(positions))
        ):
            out.append((rule, key, start, end))

    def _entry(self, values: tuple[Value, ...]) -> tuple[tuple[tuple[int, int], ...], frozenset]:
        single: list[tuple[int, int]] = []
        multi = set()
        candidates = self._always
        if self._index is not None:
            candidates = sorted((*candidates, *self._indexed.get(values[self._index], ())))
        for n, p in candidates:
            rule, key, positions = self._patterns[n]
            if all(test.holds(values[test.at]) for test in positions[p]):
                if len(positions) == 1:
                    if (rule, key) not in single:
                        single.append((rule, key))
                else:
                    multi.add((n, p))
        return tuple(single), frozenset(multi)


def _index(
    patterns: list[tuple[int, int, tuple[Position, ...]]],
) -> tuple[int | None, dict[Value, list[tuple[int, int]]], list[tuple[int, int]]]:
    """Pattern positions by the value of the attribute most of them require (the tag, for
    the English rulers), so a new token is tested against a few positions, not all: the
    attribute's number (None without one), positions by required value, the others."""
    required: dict[int, int] = {}
    for _, _, positions in patterns:
        for tests in positions:
            for test in tests:
                if test.op == "IN":
                    required[test.at] = required.get(test.at, 0) + 1
    at = max(required, key=lambda a: (required[a], -a)) if required else None
    indexed: dict[Value, list[tuple[int, int]]] = {}
    always: list[tuple[int, int]] = []
    for n, (_, _, positions) in enumerate(patterns):
        for p, tests in enumerate(positions):
            required_here = next((t for t in tests if t.at == at and t.op == "IN"), None)
            if required_here is None:
                always.append((n, p))
                continue
            for value in required_here.values:
                indexed.setdefault(value, []).append((n, p))
    return at, indexed, always


def _reader(properties: list[str]) -> Callable[[Any], tuple[Value, ...]]:
    """A token's tested values as a tuple, in one C call (attrgetter of a single name
    gives a bare value, so that one is wrapped)."""
    if len(properties) > 1:
        return attrgetter(*properties)
    if properties:
        get = attrgetter(properties[0])
        return lambda token: (get(token),)
    return lambda token: ()


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Give the pipeline's attribute ruler a ``RuleTable`` as its ``match`` (no-op without
    one). Patterns added to the ruler afterwards would not be seen: claimrec adds none."""
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    matcher = getattr(ruler, "matcher", None)
    if not isinstance(matcher, Matcher) or not hasattr(ruler, "attrs"):
        return
    ruler.match = rule_table(nlp, matcher, len(ruler.attrs))  # type: ignore[attr-defined]


def rule_table(nlp: Language, matcher: Matcher, n_rules: int) -> RuleTable:
    """The ``RuleTable`` of an attribute ruler's ``matcher`` with ``n_rules`` rules (keyed
    "0", "1", ... as ``AttributeRuler.add`` does)."""
    strings = nlp.vocab.strings
    attrs: list[str] = []
    patterns: list[tuple[int, int, tuple[Position, ...]]] = []
    numbers: dict[int, int] = {}
    rest = Matcher(nlp.vocab)
    for rule in range(n_rules):
        key = strings[str(rule)]
        numbers[key] = rule
        _, found = matcher.get(key)
        for pattern in found:
            positions = [_position(spec, attrs, strings) for spec in pattern]
            if pattern and all(p is not None for p in positions):
                patterns.append((rule, key, tuple(p for p in positions if p is not None)))
            else:
                rest.add(key, [pattern])
    return RuleTable(patterns, attrs, rest, numbers)


def _position(spec: dict[str, Any], attrs: list[str], strings: StringStore) -> Position | None:
    """The tests of one pattern position, or None when it uses anything but the attributes
    of ``_PROPERTIES`` with a plain value, IN, NOT_IN or REGEX (a Matcher does those)."""
    tests: list[Test] = []
    for attr, value in spec.items():
        if attr not in _PROPERTIES:
            return None
        if attr not in attrs:
            attrs.append(attr)
        test = _test(attrs.index(attr), attr, value, strings)
        if test is None:
            return None
        tests.append(test)
    return tuple(tests)


def _test(at: int, attr: str, value: Any, strings: StringStore) -> Test | None:
    """The Matcher's predicate for ``attr`` (value number ``at``) and a pattern value."""
    if not isinstance(value, dict):
        wanted = _values(attr, [value], strings)
        return None if wanted is None else Test(at, "IN", wanted)
    if len(value) != 1:
        return None
    op, raw = next(iter(value.items()))
    if op == "REGEX" and isinstance(raw, str) and attr not in _FLAGS:
        return Test(at, "REGEX", regex=re.compile(raw), strings=strings)
    if op not in {"IN", "NOT_IN"} or not isinstance(raw, list | tuple):
        return None
    wanted = _values(attr, raw, strings)
    return None if wanted is None else Test(at, op, wanted)


def _values(attr: str, raw: Iterable[Any], strings: StringStore) -> frozenset[Value] | None:
    """Pattern values as the Matcher compares them: booleans for flags, string hashes."""
    out: set[Value] = set()
    for value in raw:
        if attr in _FLAGS:
            if not isinstance(value, bool):
                return None
            out.add(value)
        elif isinstance(value, str):
            out.add(strings.add(value) if value else 0)
        else:
            return None
    return frozenset(out)
