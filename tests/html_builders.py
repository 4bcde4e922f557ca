"""Small graphs for the HTML report and export tests, built in code (no spaCy): one fact
over a list of voices, each voice a claim whose quote stands in its document's body at
the stated offsets. Names, places and figures are invented."""

from __future__ import annotations

import datetime as dt

from claimrec.models import (
    Claim,
    CountValue,
    Entity,
    Evidence,
    Fact,
    FactKey,
    FactValue,
    Generator,
    Graph,
    GraphDocument,
    Reason,
)
from claimrec.values import count_label

SENTENCE = "Officials in Talvern said {quote} were evacuated from the valley."


def count(low: int | None, high: int | None, approximate: bool = False) -> CountValue:
    return CountValue(low=low, high=high, approximate=approximate, unit="people")


def phrase(value: CountValue) -> str:
    return f"{count_label(value)} residents"


class Voice:
    """One claim to put in a test graph: who says which value, in which document."""

    def __init__(
        self,
        source: str | None,
        value: CountValue,
        *,
        doc: str = "",
        modality: str = "asserted",
        as_of: dt.date | None = None,
    ) -> None:
        self.source, self.value, self.doc = source, value, doc
        self.modality, self.as_of = modality, as_of


def graph_of(
    voices: list[Voice],
    *,
    status: str = "conflict",
    reasons: tuple[Reason, ...] = (),
    consensus: CountValue | None = None,
    title: str | None = "Valley evacuated",
    url: str | None = "https://news.example/valley",
    bodies: bool = True,
) -> Graph:
    """One fact over the voices given: each voice a claim in its own document (unless it
    names one), with a body in which its quote stands at the stated offsets."""
    entities = {}
    claims, documents = [], {}
    for i, voice in enumerate(voices):
        doc = voice.doc or f"d{i:02d}"
        quote = phrase(voice.value)
        sentence = SENTENCE.format(quote=quote)
        prefix = documents[doc].body + "\n\n" if doc in documents else ""
        body = prefix + sentence
        start = len(prefix) + sentence.index(quote)
        documents[doc] = GraphDocument(
            id=doc,
            path=f"{doc}.txt",
            title=title,
            outlet="Talvern Courier",
            url=url,
            published=dt.date(2031, 5, 1),
            claims=0,
            body=body,
        )
        source_id = None
        if voice.source:
            source_id = "ent:" + voice.source.lower().replace(" ", "-")
            entities[source_id] = Entity(
                id=source_id, name=voice.source, type="PERSON", aliases=[voice.source], mentions=1
            )
        claims.append(
            Claim(
                id=f"clm:{i:016x}",
                doc=doc,
                type="count",
                subject=None,
                predicate="evacuated",
                measure="displaced",
                value=voice.value,
                source=source_id,
                source_text=voice.source,
                modality=voice.modality,
                confidence=0.9,
                as_of=voice.as_of,
                evidence=Evidence(
                    start=start, end=start + len(quote), quote=quote, sentence=sentence
                ),
            )
        )
    values: dict[str, list[Claim]] = {}
    for claim in claims:
        values.setdefault(count_label(claim.value), []).append(claim)
    fact = Fact(
        id="fact:0123456789ab",
        key=FactKey(type="count", subject=None, predicate="evacuated", unit="people"),
        claims=[c.id for c in claims],
        values=[
            FactValue(
                value=group[0].value,
                label=label,
                claims=[c.id for c in group],
                sources=sorted({c.source for c in group if c.source}),
                documents=sorted({c.doc for c in group}),
            )
            for label, group in values.items()
        ],
        status=status if len(values) > 1 else "single",
        explanation="Sources disagree on how many were evacuated.",
        reasons=list(reasons),
        consensus=consensus,
    )
    docs = [d if bodies else d.model_copy(update={"body": None}) for d in documents.values()]
    return Graph(
        generator=Generator(version="test", model="none", lexicon="none"),
        documents=sorted(docs, key=lambda d: d.id),
        entities=sorted(entities.values(), key=lambda e: e.id),
        claims=claims,
        facts=[fact],
        edges=[],
    )


THREE_VOICES = [
    Voice("Ilse Marwen", count(1200, 1200)),
    Voice("Ilse Marwen", count(1200, 1200)),  # the same voice twice: one row
    Voice("Borek Lund", count(1500, 1800)),
    Voice(None, count(900, None)),  # an unattributed article: its own voice
]
