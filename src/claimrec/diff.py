"""Diff: what changed between two claim graphs of one corpus (an OLD and a NEW snapshot).

``diff_graphs(old, new)`` is pure: two graphs in, a ``GraphDiff`` out; rendering is
in ``claimrec.render.diff`` and exit codes in ``fails``. The sections:

- **documents** added and removed, matched by document id (the path relative to
  the corpus folder, so the two snapshots must be built from the same layout);
- **claims** added, removed and changed. Claims are matched by id first. A claim
  id derives from its document and its own sentence and quote, so it survives
  edits elsewhere in the document and the addition of other documents, but *not*
  an edit of its own sentence: a figure corrected from "4,000" to "5,000" gives
  the corrected claim a new id. So, second, the removed and added claims of one
  document are paired when they agree on type, predicate and subject and their
  sentences are at least ``SENTENCE_SIMILARITY`` alike (rapidfuzz ``fuzz.ratio``,
  0-100). Pairs are chosen greedily: most fields in common (value, source,
  modality) first, then the most similar sentence, then the most similar quote,
  then ids, so two claims of one edited sentence pair with their own
  counterparts. A pair, or a claim kept under its id, is *changed* when its
  value, source or modality differs; a pair that differs only in wording (same
  value, source and modality in a reworded sentence) is changed with
  ``changed == ["wording"]``. Everything left unpaired is added or removed.
  Confidence, evidence offsets and other fields are not compared: they move
  with unrelated edits;
- **facts** whose status changed, matched by fact id (derived from the fact key);
  a fact that appears or disappears has ``None`` as its old or new status;
- **conflicts**: *new* (status ``conflict`` in NEW, not in OLD), *resolved*
  (``conflict`` in OLD, not in NEW, including a fact that is gone) and *changed*
  (``conflict`` in both, but values gained or lost; values compare as in
  ``values.value_key``).

Whitespace-only edits change no id (slots fold whitespace) and give an empty diff.
Fact ids come from fact keys, which hold entity ids and the story label: where adding
an article renames an entity or relabels a story, its facts show as gone and new (and
a conflict among them as resolved and new), because the diff trusts ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Literal

from rapidfuzz import fuzz

from claimrec.models import (
    Claim,
    ClaimType,
    CountValue,
    DateValue,
    Fact,
    FactKey,
    FactValue,
    Graph,
    GraphDocument,
    LocationValue,
    Record,
    Status,
)
from claimrec.values import label, value_key

SENTENCE_SIMILARITY = 80.0
GONE = "No claim in NEW belongs to this fact any more."
COMPARED_FIELDS: tuple[Literal["value", "source", "modality"], ...] = (
    "value",
    "source",
    "modality",
)

ChangeField = Literal["value", "source", "modality", "wording"]
FailOn = Literal["new-conflicts", "changed-conflicts", "any-change", "none"]


class ClaimEntry(Record):
    """A claim as the diff shows it: the claim, and what a reader needs to read it."""

    claim: Claim
    label: str
    subject_name: str | None
    source_name: str | None
    fact: str | None


class ClaimChange(Record):
    """One claim in both snapshots (same id, or paired by sentence) that differs."""

    doc: str
    type: ClaimType
    predicate: str
    old: ClaimEntry
    new: ClaimEntry
    changed: list[ChangeField]
    matched_by: Literal["id", "sentence"]
    similarity: float


class FactChange(Record):
    """A fact whose status differs; ``None`` where the fact is absent from a snapshot."""

    id: str
    label: str
    key: FactKey
    old_status: Status | None
    new_status: Status | None
    explanation: str


class ConflictValue(Record):
    """One side of a conflict: a value with the claims, sources and documents behind it."""

    value: CountValue | DateValue | LocationValue
    label: str
    claims: list[str]
    sources: list[str]
    source_names: list[str]
    documents: list[str]


class ConflictChange(Record):
    """A conflict that is new, resolved or changed. ``values`` are those of NEW, or of OLD
    for a resolved conflict; ``gained`` and ``lost`` compare NEW with OLD."""

    fact: str
    label: str
    key: FactKey
    old_status: Status | None
    new_status: Status | None
    explanation: str
    values: list[ConflictValue]
    gained: list[ConflictValue]
    lost: list[ConflictValue]


class DocumentChanges(Record):
    added: list[GraphDocument]
    removed: list[GraphDocument]


class ClaimChanges(Record):
    added: list[ClaimEntry]
    removed: list[ClaimEntry]
    changed: list[ClaimChange]


class ConflictChanges(Record):
    new: list[ConflictChange]
    resolved: list[ConflictChange]
    changed: list[ConflictChange]


class DiffSummary(Record):
    """How many entries each section holds; ``empty`` when there are none at all."""

    documents_added: int
    documents_removed: int
    claims_added: int
    claims_removed: int
    claims_changed: int
    facts_changed: int
    conflicts_new: int
    conflicts_resolved: int
    conflicts_changed: int
    empty: bool


BuildPart = Literal["model", "lexicon", "version"]


class BuildNote(Record):
    """OLD and NEW were built differently (``what``: the spaCy model, the lexicon or the
    claimrec version), so some changes may come from the build, not the articles. Data
    only: ``render/diff.py`` words it."""

    what: BuildPart
    old: str
    new: str


class GraphDiff(Record):
    """Everything that differs between two claim graphs. ``notes`` warn about builds that
    are not comparable (other model, lexicon or version); they are not changes."""

    summary: DiffSummary
    documents: DocumentChanges
    claims: ClaimChanges
    facts: list[FactChange]
    conflicts: ConflictChanges
    notes: list[BuildNote]


def diff_graphs(old: Graph, new: Graph, *, similarity: float = SENTENCE_SIMILARITY) -> GraphDiff:
    """The changes from ``old`` to ``new``; claims are paired by sentence at ``similarity``."""
    old_view, new_view = _View(old), _View(new)
    documents = _document_changes(old, new)
    claims = _claim_changes(old_view, new_view, similarity=similarity)
    facts = _fact_changes(old_view, new_view)
    conflicts = _conflict_changes(old_view, new_view)
    counts = dict(
        documents_added=len(documents.added),
        documents_removed=len(documents.removed),
        claims_added=len(claims.added),
        claims_removed=len(claims.removed),
        claims_changed=len(claims.changed),
        facts_changed=len(facts),
        conflicts_new=len(conflicts.new),
        conflicts_resolved=len(conflicts.resolved),
        conflicts_changed=len(conflicts.changed),
    )
    return GraphDiff(
        summary=DiffSummary(**counts, empty=not any(counts.values())),
        documents=documents,
        claims=claims,
        facts=facts,
        conflicts=conflicts,
        notes=_notes(old, new),
    )


def fails(diff: GraphDiff, *, on: FailOn) -> bool:
    """Whether a CI gate set to ``on`` should fail on this diff. ``changed-conflicts`` is
    the stricter conflict gate: a new conflict, or one that gained or lost a value."""
    if on == "new-conflicts":
        return diff.summary.conflicts_new > 0
    if on == "changed-conflicts":
        return diff.summary.conflicts_new + diff.summary.conflicts_changed > 0
    if on == "any-change":
        return not diff.summary.empty
    return False


def fact_label(key: FactKey, *, entity_names: dict[str, str] | None = None) -> str:
    """A fact's key as a person reads it: "injured (people)", "deployment (troops), X, in Y",
    with the story label when the fact is not in the corpus's main story."""
    names = entity_names or {}
    detail = key.unit if key.type == "count" and key.unit else key.type
    text = f"{key.predicate} ({detail})"
    if key.subject:
        text += f", {names.get(key.subject, key.subject)}"
    if key.location:
        text += f", in {names.get(key.location, key.location)}"
    if key.story:
        text += f" [story: {key.story}]"
    return text


# ------------------------------------------------------------------ lookups


class _View:
    """Lookups over one graph: claims and facts by id, entity names, claim -> fact."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.claims = {c.id: c for c in graph.claims}
        self.facts = {f.id: f for f in graph.facts}
        self.names = {e.id: e.name for e in graph.entities}
        self.fact_of = {cid: f.id for f in graph.facts for cid in f.claims}

    def entry(self, claim: Claim) -> ClaimEntry:
        return ClaimEntry(
            claim=claim,
            label=label(claim.value, entity_names=self.names),
            subject_name=self.names.get(claim.subject, claim.subject) if claim.subject else None,
            source_name=self.names.get(claim.source, claim.source) if claim.source else None,
            fact=self.fact_of.get(claim.id),
        )

    def conflict_values(self, values: Iterable[FactValue]) -> list[ConflictValue]:
        return [
            ConflictValue(
                value=v.value,
                label=v.label,
                claims=v.claims,
                sources=v.sources,
                source_names=[self.names.get(s, s) for s in v.sources],
                documents=v.documents,
            )
            for v in values
        ]


# ------------------------------------------------------------------ sections


def _document_changes(old: Graph, new: Graph) -> DocumentChanges:
    old_ids = {d.id for d in old.documents}
    new_ids = {d.id for d in new.documents}
    return DocumentChanges(
        added=sorted((d for d in new.documents if d.id not in old_ids), key=lambda d: d.id),
        removed=sorted((d for d in old.documents if d.id not in new_ids), key=lambda d: d.id),
    )


def _claim_changes(old: _View, new: _View, *, similarity: float) -> ClaimChanges:
    changed: list[ClaimChange] = []
    for cid in sorted(old.claims.keys() & new.claims.keys()):
        a, b = old.claims[cid], new.claims[cid]
        fields = _differing(a, b)
        if fields:
            changed.append(_change(old, new, a, b, fields, "id", 100.0))
    removed = [c for cid, c in old.claims.items() if cid not in new.claims]
    added = [c for cid, c in new.claims.items() if cid not in old.claims]
    paired_old: set[str] = set()
    paired_new: set[str] = set()
    for a, b, score in _pairs(removed, added, similarity=similarity):
        paired_old.add(a.id)
        paired_new.add(b.id)
        changed.append(_change(old, new, a, b, _differing(a, b) or ["wording"], "sentence", score))
    return ClaimChanges(
        added=[new.entry(c) for c in _reading_order(c for c in added if c.id not in paired_new)],
        removed=[
            old.entry(c) for c in _reading_order(c for c in removed if c.id not in paired_old)
        ],
        changed=sorted(
            changed, key=lambda ch: (ch.doc, ch.new.claim.evidence.start, ch.new.claim.id)
        ),
    )


def _pairs(
    removed: Sequence[Claim], added: Sequence[Claim], *, similarity: float
) -> list[tuple[Claim, Claim, float]]:
    """Removed and added claims that are one claim edited in place (see the module doc)."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in added:
        blocks[_pair_key(claim)].append(claim)
    candidates = []
    for a in removed:
        for b in blocks.get(_pair_key(a), []):
            score = round(fuzz.ratio(a.evidence.sentence, b.evidence.sentence), 1)
            if score < similarity:
                continue
            same = len(COMPARED_FIELDS) - len(_differing(a, b))
            quote = fuzz.ratio(a.evidence.quote, b.evidence.quote)
            candidates.append(((-same, -score, -quote, a.id, b.id), a, b, score))
    candidates.sort(key=lambda c: c[0])
    used: set[str] = set()
    out: list[tuple[Claim, Claim, float]] = []
    for _, a, b, score in candidates:
        if a.id in used or b.id in used:
            continue
        used.update((a.id, b.id))
        out.append((a, b, score))
    return out


def _pair_key(claim: Claim) -> tuple:
    return (claim.doc, claim.type, claim.predicate, claim.subject)


def _differing(a: Claim, b: Claim) -> list[ChangeField]:
    return [name for name in COMPARED_FIELDS if getattr(a, name) != getattr(b, name)]


def _change(
    old: _View,
    new: _View,
    a: Claim,
    b: Claim,
    fields: list[ChangeField],
    matched_by: Literal["id", "sentence"],
    score: float,
) -> ClaimChange:
    return ClaimChange(
        doc=b.doc,
        type=b.type,
        predicate=b.predicate,
        old=old.entry(a),
        new=new.entry(b),
        changed=fields,
        matched_by=matched_by,
        similarity=score,
    )


def _reading_order(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.doc, c.evidence.start, c.id))


def _fact_changes(old: _View, new: _View) -> list[FactChange]:
    out: list[FactChange] = []
    for fid in sorted(old.facts.keys() | new.facts.keys()):
        a, b = old.facts.get(fid), new.facts.get(fid)
        old_status = a.status if a else None
        new_status = b.status if b else None
        if old_status == new_status:
            continue
        shown, view = (b, new) if b is not None else (a, old)
        if shown is None:
            continue
        out.append(
            FactChange(
                id=fid,
                label=fact_label(shown.key, entity_names=view.names),
                key=shown.key,
                old_status=old_status,
                new_status=new_status,
                explanation=b.explanation if b is not None else GONE,
            )
        )
    return out


def _conflict_changes(old: _View, new: _View) -> ConflictChanges:
    fresh: list[ConflictChange] = []
    resolved: list[ConflictChange] = []
    changed: list[ConflictChange] = []
    for fid in sorted(old.facts.keys() | new.facts.keys()):
        a, b = old.facts.get(fid), new.facts.get(fid)
        was = a is not None and a.status == "conflict"
        now = b is not None and b.status == "conflict"
        if b is not None and now and not was:
            fresh.append(_conflict(new, b, old_status=a.status if a else None))
        elif a is not None and was and not now:
            resolved.append(
                _conflict(
                    old,
                    a,
                    new_status=b.status if b else None,
                    explanation=b.explanation if b else GONE,
                )
            )
        elif a is not None and b is not None and was and now:
            old_keys = {value_key(v.value) for v in a.values}
            new_keys = {value_key(v.value) for v in b.values}
            gained = [v for v in b.values if value_key(v.value) not in old_keys]
            lost = [v for v in a.values if value_key(v.value) not in new_keys]
            if gained or lost:
                changed.append(
                    _conflict(
                        new,
                        b,
                        gained=new.conflict_values(gained),
                        lost=old.conflict_values(lost),
                    )
                )
    return ConflictChanges(new=fresh, resolved=resolved, changed=changed)


def _conflict(
    view: _View,
    fact: Fact,
    *,
    old_status: Status | None = "conflict",
    new_status: Status | None = "conflict",
    explanation: str | None = None,
    gained: list[ConflictValue] | None = None,
    lost: list[ConflictValue] | None = None,
) -> ConflictChange:
    """``fact`` (a conflict in ``view``'s snapshot) with its values as that snapshot has them."""
    return ConflictChange(
        fact=fact.id,
        label=fact_label(fact.key, entity_names=view.names),
        key=fact.key,
        old_status=old_status,
        new_status=new_status,
        explanation=explanation if explanation is not None else fact.explanation,
        values=view.conflict_values(fact.values),
        gained=gained or [],
        lost=lost or [],
    )


def _notes(old: Graph, new: Graph) -> list[BuildNote]:
    a, b = old.generator, new.generator
    parts: tuple[tuple[BuildPart, str, str], ...] = (
        ("model", a.model, b.model),
        ("lexicon", a.lexicon, b.lexicon),
        ("version", a.version, b.version),
    )
    return [BuildNote(what=what, old=x, new=y) for what, x, y in parts if x != y]
