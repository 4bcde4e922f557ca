"""The word test that rules a sentence out before a cue's regex runs (``cues.Phrases``)
never changes an answer: for every cue list it says "in the sentence" exactly when the
regex finds a phrase, whatever the case, punctuation, hyphens, apostrophes or non-ASCII
characters around the words."""

from __future__ import annotations

import random
import re

import pytest

from claimrec.cues import (
    CueLists,
    Phrases,
    phrases,
    run_openers,
    sentence_words,
)
from claimrec.lexicon import load_lexicon

FILLER = ["the", "ward", "Dalvey", "said", "on", "Tuesday", "1,450", "nine", "crews", "it's"]
JOINERS = [" ", " ", " ", "  ", ", ", "-", "'", "\u2019", "_", ":", "(", "\u2014", "\u00e9", "|"]
ODD = ["\u0130", "\u0131", "\u017f", "\u212a", "\u00c9", "\u00df"]  # case twins and others


def _lists() -> dict[str, Phrases]:
    compiled = CueLists(load_lexicon().reconcile)
    return {k: v for k, v in vars(compiled).items() if isinstance(v, Phrases)}


def _sentences(vocabulary: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 9)):
            word = rng.choice(vocabulary if rng.random() < 0.5 else FILLER)
            roll = rng.random()
            if roll < 0.15:
                word = word.upper()
            elif roll < 0.3:
                word = word.title()
            elif roll < 0.35:
                at = rng.randrange(len(word) + 1)
                word = word[:at] + rng.choice(ODD) + word[at:]
            words.append(word)
        out.append("".join(w + rng.choice(JOINERS) for w in words).strip())
    return out


@pytest.mark.parametrize("name", sorted(_lists()))
def test_word_test_agrees_with_the_regex(name: str) -> None:
    found = _lists()[name]
    cues = load_lexicon().reconcile.model_dump()
    vocabulary = sorted({w for v in cues.values() if isinstance(v, list) for w in v})
    for sentence in _sentences(vocabulary, 400, seed=sorted(_lists()).index(name)):
        assert found.in_sentence(sentence) == (found.regex.search(sentence) is not None), sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Crews pulled out 40 more.", True),  # a word of the list
        ("Crews pulled out 40 MORE.", True),  # any case
        ("Crews pulled out 40 furthermore.", False),  # inside a longer word: no phrase
        ("Crews pulled out 40 more-or-less.", False),  # a hyphen joins words
        ("Crews pulled out 40 \u017fo more.", True),  # a long s: the regex decides
    ],
)
def test_a_sentence_without_the_words_is_ruled_out(sentence: str, expected: bool) -> None:
    found = phrases(("more", "of them"))
    assert found is not None
    assert found.in_sentence(sentence) is expected
    assert (found.regex.search(sentence) is not None) is expected


def test_sentence_words_split_on_non_ascii_and_give_up_on_case_twins() -> None:
    assert sentence_words("Six caf\u00e9 staff\u2019s shifts") == frozenset(
        {b"six", b"caf", b"staff", b"s", b"shifts"}
    )
    assert sentence_words("Dalvey's 1,450 re-routed") == frozenset(
        {b"dalvey", b"s", b"1", b"450", b"re", b"routed"}
    )
    assert sentence_words("\u212aelvin ward") is None


@pytest.mark.parametrize("seed", range(3))
def test_word_runs_never_rule_out_a_word_boundary_match(seed: int) -> None:
    nouns = ["flood", "sit-in", "walk out", "rally", "x-ray"]
    regex = re.compile(r"(?i:\b(?:" + "|".join(map(re.escape, nouns)) + r")\b)")
    openers = run_openers(nouns)
    assert openers == frozenset({b"flood", b"sit", b"walk", b"rally", b"x"})
    for sentence in _sentences([*nouns, "floods", "resit-in", "walkout", "rallying"], 400, seed):
        runs = sentence_words(sentence)
        if runs is not None and openers.isdisjoint(runs):
            assert regex.search(sentence) is None, sentence


def test_run_openers_give_up_on_words_they_cannot_tell() -> None:
    assert run_openers(["caf\u00e9 queue"]) is None
    assert run_openers(["-fold"]) is None
