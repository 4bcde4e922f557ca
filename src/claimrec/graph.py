"""Graph: assemble documents, entities, claims, facts and edges into the claim graph.

Everything here is sorted by a stable key and every id derives from content
(a claim's id from its document and slot, a fact's from its key), so the same
corpus always gives the same bytes, and adding a document never renames
anything already there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from claimrec import __version__
from claimrec.copies import copies
from claimrec.entities import EntityTable, entity_table
from claimrec.lexicon import Lexicon
from claimrec.models import (
    Claim,
    Corpus,
    CountValue,
    DateValue,
    Edge,
    Extraction,
    Fact,
    Generator,
    Graph,
    GraphDocument,
    LocationValue,
    RawClaim,
    TimeRef,
)
from claimrec.reconcile import reconcile
from claimrec.render.explain import explanation
from claimrec.stories import STORY_KINDS, StoryMode, story_of


def claim_id(doc: str, slot: str) -> str:
    return "clm:" + hashlib.sha1(f"{doc}\x1f{slot}".encode()).hexdigest()[:16]


def build_graph(
    corpus: Corpus,
    extractions: Sequence[Extraction],
    *,
    lexicon: Lexicon,
    model: str,
    stories: StoryMode = "folders",
    window_days: int = 0,
) -> Graph:
    """The claim graph of a read corpus and its per-document extractions. ``stories``:
    how documents are split into stories (docs/graph.md); ``window_days``: how far apart two
    figures may be dated and still speak for one moment."""
    table = entity_table(extractions, lexicon)
    published = {d.id: d.published for d in corpus.documents}
    claims = sorted(
        (_claim(raw, table, published.get(raw.doc)) for ex in extractions for raw in ex.claims),
        key=lambda c: c.id,
    )
    labels = story_of(
        [d.id for d in corpus.documents],
        mode=stories,
        doc_entities=table.doc_entities(STORY_KINDS) if stories == "auto" else None,
    )
    documents = _documents(corpus, claims, labels)
    result = reconcile(
        claims,
        documents=documents,
        entities=table.entities,
        lexicon=lexicon,
        country_level=table.country_level,
        window_days=window_days,
    )
    names = {e.id: e.name for e in table.entities}
    facts = [_explained(f, names) for f in result.facts]
    return Graph(
        generator=Generator(version=__version__, model=model, lexicon=lexicon.digest),
        documents=documents,
        entities=table.entities,
        claims=claims,
        facts=facts,
        edges=_edges(claims, facts, result.edges),
    )


def _explained(fact: Fact, names: dict[str, str]) -> Fact:
    """The fact with docs/graph.md's readable ``explanation``, worded by the renderer."""
    return fact.model_copy(update={"explanation": explanation(fact, names)})


def as_of(raw: RawClaim, published: dt.date | None) -> dt.date | None:
    """The day a claim speaks for: the start of its stated time when it has one, else the
    day its document was published (docs/graph.md)."""
    if raw.time is not None and raw.time.start is not None:
        return raw.time.start
    return published


def _claim(raw: RawClaim, table: EntityTable, published: dt.date | None) -> Claim:
    location = table.id_of(raw.doc, raw.location)
    value: CountValue | DateValue | TimeRef | LocationValue | None = raw.value
    if raw.type == "location":
        value = LocationValue(entity=location or "")
    return Claim(
        id=claim_id(raw.doc, raw.slot),
        doc=raw.doc,
        type=raw.type,
        subject=table.id_of(raw.doc, raw.subject),
        predicate=raw.predicate,
        measure=raw.measure,
        value=value,
        counted=raw.counted,
        location=location,
        time=raw.time,
        as_of=as_of(raw, published),
        source=table.id_of(raw.doc, raw.source),
        source_text=raw.source.text if raw.source else None,
        modality=raw.modality,
        confidence=raw.confidence,
        evidence=raw.evidence,
        dated_word=raw.dated_word,
        dated_prep=raw.dated_prep,
    )


def _documents(
    corpus: Corpus, claims: Sequence[Claim], labels: dict[str, str | None]
) -> list[GraphDocument]:
    per_doc: dict[str, int] = {}
    for claim in claims:
        per_doc[claim.doc] = per_doc.get(claim.doc, 0) + 1
    copy_of = copies(corpus.documents)
    out = [
        GraphDocument(
            id=d.id,
            path=d.path,
            title=d.title,
            outlet=d.outlet,
            url=d.url,
            published=d.published,
            sha256=d.sha256,
            claims=per_doc.get(d.id, 0),
            copy_of=copy_of.get(d.id),
            warnings=list(d.warnings),
            body=d.body,
            story=labels.get(d.id),
        )
        for d in corpus.documents
    ]
    out += [GraphDocument(id=s.id, path=s.path, skipped=s.reason) for s in corpus.skipped]
    return sorted(out, key=lambda d: (d.id, d.path))


def _edges(
    claims: Sequence[Claim], fact_list: Sequence[Fact], fact_edges: Sequence[Edge]
) -> list[Edge]:
    """Every edge once, sorted by (kind, source, target). Deduplicated and sorted as plain
    tuples, one model made per edge: hashing and comparing models took ~1% of a build."""
    keys: set[tuple[str, str, str]] = {(e.kind, e.source, e.target) for e in fact_edges}
    for claim in claims:
        keys.add(("contains", claim.doc, claim.id))
        if claim.source:
            keys.add(("attributed_to", claim.id, claim.source))
        if claim.subject:
            keys.add(("about", claim.id, claim.subject))
    for fact in fact_list:
        for cid in fact.claims:
            keys.add(("member_of", cid, fact.id))
    return [Edge(source=source, target=target, kind=kind) for kind, source, target in sorted(keys)]
