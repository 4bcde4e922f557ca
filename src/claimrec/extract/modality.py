"""How a claim is stated: asserted, reported, expected, possible or negated.

The words that decide it sit on the claim's path from its trigger up to the
verb of saying (auxiliaries, adverbs, negations, governing verbs such as
"expected"), plus phrases like "no evidence" that govern the clause. The
strongest wins: negated > possible > expected > reported > asserted.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimrec.lexicon import Lexicon
from claimrec.models import Modality

ORDER: tuple[Modality, ...] = ("negated", "possible", "expected", "reported")
MARKER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "acomp", "det"})
MAX_CLIMB = 6


def modality(trigger: Token, sent: Span, lexicon: Lexicon, *, hearsay: bool = False) -> Modality:
    """The modality of the clause governed by ``trigger``; ``hearsay`` when the source is a
    bare "reports"/"sources" rather than a named speaker."""
    words = _path_words(trigger, lexicon)
    for name in ORDER:
        table = getattr(lexicon.modality, name)
        if words & set(table.words) or _has_phrase(trigger, table.phrases):
            return name
    return "reported" if hearsay else "asserted"


def _path_words(trigger: Token, lexicon: Lexicon) -> set[str]:
    words: set[str] = set()
    token = trigger
    for _ in range(MAX_CLIMB):
        words.add(token.lemma_.lower())
        for child in token.children:
            if child.dep_ in MARKER_DEPS:
                if child.dep_ == "det" and child.lower_ != "no":
                    continue
                if _not_only(child):
                    continue
                words.update({child.lower_, child.lemma_.lower()})
        if token.head.i == token.i or _says(token, lexicon):
            break
        if (
            token.dep_ in {"ccomp", "relcl"}
            and token.head.lemma_.lower() in lexicon.attribution_verbs
        ):
            words.add(token.head.lemma_.lower())  # "denied that ..." negates the clause
            break
        token = token.head
    words.discard(trigger.lemma_.lower())
    return words


def _says(token: Token, lexicon: Lexicon) -> bool:
    """A verb of saying, where the claim's clause ends and its speaker's begins; never a noun
    spelt like one ("the count would pass 4,000": the count is what is said)."""
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in lexicon.attribution_verbs


def _has_phrase(trigger: Token, phrases: list[str]) -> bool:
    """A phrase such as "no evidence" that governs the trigger's clause."""
    token = trigger
    for _ in range(MAX_CLIMB):
        head = token.head
        if head.i == token.i:
            return False
        left = " ".join(t.lower_ for t in head.lefts if t.dep_ in {"det", "neg"})
        candidate = f"{left} {head.lower_}".strip()
        if any(candidate.endswith(p) for p in phrases):
            return True
        token = head
    return False


def _not_only(token: Token) -> bool:
    """Whether this "not" opens "not only X but also Y", which adds rather than negates."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "not" and nxt is not None and nxt.lower_ == "only"
