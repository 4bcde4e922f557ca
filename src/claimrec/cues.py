"""Cues: what the words around a figure say about the question it answers and its time.

Reconcile needs a few facts about a claim that are stated in words next to its
figure rather than in its value: whether it is an increment or a subset of a
total ("another 3,000", "nine of them"), whether its source takes it back
("withdrew its count of 60"), whether a later figure says it replaces an earlier
one ("revised", "now"), and whether a "might" speaks of the past ("might have
been killed", a hedged estimate) rather than of the future ("could rise to", a
projection). The words live in the lexicon's ``reconcile`` section; this module
only finds them, as whole-word phrases, in the claim's evidence sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimrec.lexicon import ReconcileWords
from claimrec.models import Evidence

_WORD = re.compile(r"[\w][\w'’-]*")
Phrases = frozenset[tuple[str, ...]]


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=64)
def phrases(items: tuple[str, ...]) -> Phrases:
    """Lexicon phrases as word tuples, for matching against word lists."""
    return frozenset(tuple(words(item)) for item in items if words(item))


@lru_cache(maxsize=65_536)
def _split(sentence: str, quote: str) -> tuple[list[str], list[str], list[str]]:
    """The words of the sentence before the quote, of the quote, and after it (the quote
    alone when it cannot be found in the sentence). Cached: claims share sentences."""
    at = sentence.find(quote)
    if at < 0:
        return [], words(quote), []
    return words(sentence[:at]), words(quote), words(sentence[at + len(quote) :])


def _sentence(evidence: Evidence) -> list[str]:
    before, quote, after = _split(evidence.sentence, evidence.quote)
    return before + quote + after


def _matches(
    tokens: list[str],
    wanted: Phrases,
    *,
    not_before: Iterable[str] = (),
    not_after: Iterable[str] = (),
) -> bool:
    firsts, sizes = _shape(wanted)
    if firsts.isdisjoint(tokens):
        return False  # the common case, decided without building n-grams
    blocked_next, blocked_prev = set(not_before), set(not_after)
    for size in sizes:
        for i in range(len(tokens) - size + 1):
            if tokens[i] not in firsts or tuple(tokens[i : i + size]) not in wanted:
                continue
            following = tokens[i + size] if i + size < len(tokens) else ""
            previous = tokens[i - 1] if i > 0 else ""
            if following in blocked_next or previous in blocked_prev:
                continue
            return True
    return False


@lru_cache(maxsize=64)
def _shape(wanted: Phrases) -> tuple[frozenset[str], tuple[int, ...]]:
    return frozenset(p[0] for p in wanted), tuple(sorted({len(p) for p in wanted}))


def sentence_words(evidence: Evidence) -> set[str]:
    """The set of words of the claim's sentence."""
    return set(_sentence(evidence))


def is_part(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the figure counts an increment or a subset ("another 3,000", "the first
    contingent of 1,500", "nine of them"), never the total."""
    before, quote, after = _split(evidence.sentence, evidence.quote)
    window = cues.part_window
    tokens = before[-window:] + quote + after[:window]
    return _matches(
        tokens,
        phrases(tuple(cues.part_of)),
        not_before=cues.part_of_not_before,
        not_after=cues.part_of_not_after,
    )


def is_withdrawn(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words just before the figure take it back ("withdrew its count of 60",
    "not the 60 it announced")."""
    before, quote, _ = _split(evidence.sentence, evidence.quote)
    tokens = before[-cues.withdrawn_window :] + quote[:2]
    return _matches(tokens, phrases(tuple(cues.withdrawn)))


def states_update(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the sentence presents its figure as replacing an earlier one."""
    return _matches(_sentence(evidence), phrases(tuple(cues.stated_update)))


def is_hedged_past(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether a modal speaks of the past ("might have been killed"): a hedged estimate of
    what happened, which can clash, unlike a projection ("could rise to")."""
    return _matches(_sentence(evidence), phrases(tuple(cues.hedged_past)))
