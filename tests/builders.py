"""Small constructors for the pydantic records the pure stages take, so a test row can
say only what matters to it ("10,000 troops from this source on this day") and the
tests of entities, values and reconcile run without spaCy."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from claimrec.entities import EntityTable, entity_table
from claimrec.extract import extract_document
from claimrec.lexicon import Lexicon, load_lexicon
from claimrec.models import (
    Claim,
    CountValue,
    DateValue,
    Document,
    Entity,
    Evidence,
    Extraction,
    Fact,
    Graph,
    GraphDocument,
    LocationValue,
    Mention,
    MentionKind,
    MentionLink,
    RawClaim,
    TimeRef,
)
from claimrec.pipeline import build

_LEXICON = load_lexicon()


def extraction_of(nlp: object, lexicon: Lexicon, text: str, *, published: dt.date | None = None):
    """What extraction finds in one invented document."""
    doc = Document(
        id="t",
        path="t.md",
        published=published,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        body=text,
    )
    return extract_document(doc, nlp=nlp, lexicon=lexicon)  # type: ignore[arg-type]


def count_claims(
    nlp: object, lexicon: Lexicon, text: str, *, published: dt.date | None = None
) -> list[RawClaim]:
    """The count claims extraction finds in one invented document."""
    found = extraction_of(nlp, lexicon, text, published=published).claims
    return [c for c in found if c.type == "count"]


def one_count(
    nlp: object, lexicon: Lexicon, text: str, quote: str, *, published: dt.date | None = None
) -> RawClaim:
    """The one count claim of an invented document whose quote starts with ``quote``."""
    found = count_claims(nlp, lexicon, text, published=published)
    hits = [c for c in found if c.evidence.quote.startswith(quote)]
    assert len(hits) == 1, [c.evidence.quote for c in found]
    return hits[0]


def extractions_of(nlp: object, lexicon: Lexicon, texts: tuple[str, ...]) -> list[Extraction]:
    """The extractions of several invented documents, ids d0, d1, ..."""
    out = []
    for i, text in enumerate(texts):
        doc = Document(
            id=f"d{i}",
            path=f"d{i}.txt",
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            body=text,
        )
        out.append(extract_document(doc, nlp=nlp, lexicon=lexicon))  # type: ignore[arg-type]
    return out


STORY_DAY = dt.date(2025, 3, 4)


def story_graph(
    folder: Path, *articles: str, published: dt.date = STORY_DAY, config: str | None = None
) -> Graph:
    """The graph of one story of invented articles, each dated ``published``; ``config``
    is lexicon YAML a user would add with ``--config``."""
    corpus = folder / "story"
    corpus.mkdir()
    for i, text in enumerate(articles):
        header = f"---\npublished: {published.isoformat()}\n---\n"
        (corpus / f"a{i}.txt").write_text(header + text + "\n", encoding="utf-8")
    if config is None:
        return build([corpus])
    path = folder / "lexicon.yaml"
    path.write_text(config, encoding="utf-8")
    return build([corpus], config=path)


def count_of(graph: Graph, quote: str) -> Claim:
    """The count quoted exactly, else the first whose quote contains ``quote``."""
    counts = [c for c in graph.claims if c.type == "count"]
    exact = [c for c in counts if c.evidence.quote == quote]
    return exact[0] if exact else next(c for c in counts if quote in c.evidence.quote)


def fact_id(graph: Graph, quote: str) -> str:
    """The id of the fact holding the count ``count_of`` finds."""
    claim = count_of(graph, quote)
    return next(f.id for f in graph.facts if claim.id in f.claims)


def location_name(graph: Graph, quote: str) -> str | None:
    """The name of the place the count ``count_of`` finds is stated for."""
    claim = count_of(graph, quote)
    names = {e.id: e.name for e in graph.entities}
    return names.get(claim.location) if claim.location else None


def mention(text: str, kind: MentionKind = "PERSON", start: int = 0) -> Mention:
    return Mention(text=text, kind=kind, start=start, end=start + len(text))


def extraction(
    doc: str, *mentions: tuple[str, MentionKind], claims: tuple[RawClaim, ...] = ()
) -> Extraction:
    """An extraction of ``doc`` whose mentions follow each other in the text."""
    out: list[Mention] = []
    start = 0
    for text, kind in mentions:
        out.append(mention(text, kind, start))
        start += len(text) + 1
    return Extraction(doc=doc, mentions=tuple(out), claims=claims)


def evidence(quote: str = "10,000 troops") -> Evidence:
    sentence = f"Officials said {quote} were sent."
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def raw_claim(
    doc: str, *, source: Mention | None = None, subject: Mention | None = None
) -> RawClaim:
    return RawClaim(
        doc=doc,
        type="count",
        slot="slot",
        subject=subject,
        predicate="deployed",
        value=None,
        source=source,
        confidence=0.9,
        evidence=evidence(),
    )


def count(
    low: int | None, high: int | None, *, approximate: bool = False, unit: str = "troops"
) -> CountValue:
    return CountValue(low=low, high=high, approximate=approximate, unit=unit)


def exact(n: int, *, unit: str = "troops") -> CountValue:
    return count(n, n, unit=unit)


def about(n: int, *, unit: str = "troops") -> CountValue:
    return count(n, n, approximate=True, unit=unit)


def date_value(text: str, start: dt.date | None = None, end: dt.date | None = None) -> DateValue:
    return DateValue(text=text, start=start, end=end or start, granularity="day")


def time_ref(start: dt.date, end: dt.date) -> TimeRef:
    return TimeRef(text=f"{start}..{end}", start=start, end=end)


def claim(
    cid: str,
    value: CountValue | DateValue | LocationValue,
    *,
    doc: str = "a",
    source: str | None = None,
    subject: str | None = "ent:kestova",
    predicate: str = "deployed",
    location: str | None = None,
    time: TimeRef | None = None,
    measure: str | None = None,
) -> Claim:
    """A claim; a count's ``measure`` defaults to the one the lexicon gives its predicate."""
    if isinstance(value, CountValue):
        kind = "count"
    elif isinstance(value, DateValue):
        kind = "date"
    else:
        kind = "location"
    return Claim(
        id=cid,
        doc=doc,
        type=kind,
        subject=subject,
        predicate=predicate,
        measure=measure or (_LEXICON.measure_of(predicate) if kind == "count" else "other"),
        value=value,
        location=location,
        time=time,
        source=source,
        source_text=None,
        confidence=0.9,
        evidence=evidence(),
    )


def document(
    doc_id: str, published: dt.date | None = None, *, copy_of: str | None = None
) -> GraphDocument:
    return GraphDocument(id=doc_id, path=f"{doc_id}.txt", published=published, copy_of=copy_of)


def entity(entity_id: str, name: str, kind: str = "ORG") -> Entity:
    return Entity(id=entity_id, name=name, type=kind, aliases=[name], mentions=1)


# ------------------------------------------------------------------ entity tables

Corpus = dict[str, list[tuple[str, MentionKind]]]
"""Document id -> the names found in it, with their kinds."""
Ref = tuple[str, str]  # (document id, mention text as written)
SAME, APART = True, False


def entity_table_of(
    corpus: Corpus, lexicon: Lexicon, links: dict[str, list[MentionLink]] | None = None
) -> EntityTable:
    """The entity table of ``corpus``, with the text's own links per document if given."""
    extractions = [extraction(doc, *mentions) for doc, mentions in corpus.items()]
    if links:
        extractions = [
            e.model_copy(update={"links": tuple(links.get(e.doc, []))}) for e in extractions
        ]
    return entity_table(extractions, lexicon)


def entity_of(table: EntityTable, corpus: Corpus, ref: Ref) -> Entity:
    """The entity a name of ``corpus`` was merged into."""
    doc, text = ref
    kind = next(k for t, k in corpus[doc] if t == text)
    entity_id = table.id_of(doc, mention(text, kind))
    assert entity_id is not None, f"no entity for {ref}"
    return next(e for e in table.entities if e.id == entity_id)


def row(name: str, *values: object, bug: pytest.MarkDecorator | None = None) -> object:
    """One table row, named; ``bug`` marks a row that asserts behaviour the code lacks."""
    return pytest.param(*values, id=name, marks=[bug] if bug else [])


def fact_with(graph: Graph, kind: str, quote: str, sentence: str = "") -> Fact:
    """The fact of the claim of type ``kind`` whose quote has ``quote``, in a sentence that
    has ``sentence``."""
    claim = next(
        c
        for c in graph.claims
        if c.type == kind and quote in c.evidence.quote and sentence in c.evidence.sentence
    )
    return next(f for f in graph.facts if claim.id in f.claims)
