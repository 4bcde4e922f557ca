"""Table rows whose label only says what their figure counts.

A row's first cell usually names the group its figure counts ("| Velorian nationals | 31
|"), and rows of one table are different questions. But a label may instead only name the
measure, in the words prose uses for it ("| Deaths | 17 |", "| Residents evacuated | 9,500
|"): such a row names no group narrower than the story's, so its figure answers the same
question as the prose counts of that measure. Two such rows for one measure in one
document ("| Crew killed |" and "| Passengers killed |") do split it, and each keeps its
label. A total row ("| All counties |", "| Total killed |") keeps its row: the table's
whole may cover less than the story's (pooled, the two would look like rivals).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from claimrec.lexicon import Lexicon, Unit
from claimrec.models import Claim


class RowWords(BaseModel):
    """The words a label may hold and still name only a measure."""

    model_config = ConfigDict(frozen=True)

    by_measure: dict[str, frozenset[str]]  # a measure's own verbs and nouns (lemmas)
    people: frozenset[str]  # nouns for people that name no state (the lexicon's units)
    neutral: frozenset[str]  # "confirmed", "number", "of": say nothing of who


class RowLabel(BaseModel):
    """A count's table row label, in the document and for the measure it is in."""

    model_config = ConfigDict(frozen=True)

    doc: str
    measure: str
    label: str


def row_words(lexicon: Lexicon) -> RowWords:
    """The lexicon's words for each measure, for people, and for a table's whole."""
    by_measure: dict[str, set[str]] = defaultdict(set)
    for predicate in lexicon.predicates.values():
        if predicate.measure in (None, "other"):
            continue  # a count of no measure: its row label is all that says what it counts
        words = [*predicate.verbs, *predicate.nouns, *predicate.phrases, *predicate.states]
        by_measure[predicate.measure].update(w for phrase in words for w in phrase.split())
    for noun, entry in lexicon.measure_nouns.items():
        found = lexicon.predicates.get(entry.predicate or "")
        if found is not None and found.measure is not None:
            by_measure[found.measure].update(noun.split())
    for noun, unit in lexicon.units.items():
        found = lexicon.predicates.get(unit.default_predicate or "")
        if found is not None and found.measure is not None:
            by_measure[found.measure].add(noun)
    cues = lexicon.reconcile
    return RowWords(
        by_measure={m: frozenset(ws) for m, ws in by_measure.items()},
        # a noun that names a state ("injured", "missing") is that measure's word only
        people=frozenset(n for n, u in lexicon.units.items() if not _names_state(u, lexicon)),
        neutral=frozenset(cues.row_neutral_words),
    )


def _names_state(unit: Unit, lexicon: Lexicon) -> bool:
    """Whether a noun for people names what happened to them ("the injured", "patients")."""
    found = lexicon.predicates.get(unit.default_predicate or "")
    return found is not None and found.changes_state


def _forms(word: str) -> Iterable[str]:
    """The word and the lemmas an English inflection may hide ("deaths", "killed",
    "evacuated", "casualties", "firemen")."""
    yield word
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("men"):
        yield word[:-3] + "man"
    for suffix in ("s", "es", "d", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)]


def label_of(sentence: str) -> str | None:
    """The first cell of a table row, lower-cased and without markup; None for prose."""
    if not sentence.lstrip().startswith("|"):
        return None
    cells = sentence.split("|")
    if len(cells) < 3:
        return None
    label = " ".join(cells[1].replace("*", " ").split()).lower()
    return label or None


def names_only_measure(label: str, measure: str, words: RowWords) -> bool:
    """Whether every word of a row label only says what is counted: the measure's own
    words, a noun for people, or a neutral word."""
    own = words.by_measure.get(measure)
    tokens = label.replace(",", " ").replace("(", " ").replace(")", " ").split()
    if own is None or not tokens:
        return False
    allowed = own | words.people | words.neutral
    return all(any(f in allowed for f in _forms(t)) for t in tokens)


def shared_labels(claims: Sequence[Claim], words: RowWords) -> frozenset[RowLabel]:
    """The row labels that name only their measure but share it with another such row of
    their document ("| Crew killed |", "| Passengers killed |"): those rows split it."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        label = label_of(claim.evidence.sentence) if claim.measure else None
        if label is not None and claim.measure and names_only_measure(label, claim.measure, words):
            seen[(claim.doc, claim.measure)].add(label)
    return frozenset(
        RowLabel(doc=doc, measure=measure, label=label)
        for (doc, measure), labels in seen.items()
        if len(labels) > 1
        for label in labels
    )


def label_nouns(label: str, words: RowWords) -> frozenset[str]:
    """The nouns for people a row label holds, as the lexicon spells them ("officer")."""
    return frozenset(f for t in label.split() for f in _forms(t) if f in words.people)


def names_no_group(
    claim: Claim,
    label: str,
    words: RowWords,
    shared: frozenset[RowLabel],
    kinds_apart: frozenset[str],
) -> bool:
    """Whether a count's row label names no group narrower than the story: it names only
    the count's measure, no other row of its document names that measure too, and it
    names none of the kinds of people its story counts apart (``kinds_apart``: "| Officers
    injured |" where prose counts officers and protesters hurt side by side)."""
    if not claim.measure or not names_only_measure(label, claim.measure, words):
        return False
    if label_nouns(label, words) & kinds_apart:
        return False
    return RowLabel(doc=claim.doc, measure=claim.measure, label=label) not in shared
