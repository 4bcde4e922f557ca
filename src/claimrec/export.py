"""The claim graph as tables, for SQL tools and Datasette.

``graph_tables(graph)`` is a pure function from a ``Graph`` to its tables (``documents``,
``entities``, ``claims``, ``facts``, ``fact_values``, ``edges``): one row per graph
record, nested values flattened into columns (a count's bounds, a date's start and end,
the evidence span), lists kept as JSON text. ``write_sqlite`` writes them with
``sqlite-utils`` (primary and foreign keys, indexes on the join columns, full-text search
on claim sentences, and a ``claims_view`` that joins each claim with its source, document
and fact); ``write_csv`` writes the same tables as CSV files. Both replace their output
atomically: readers see the old export or the new one, never a part.

Foreign keys hold by construction: a reference to an id that the graph does not hold
(an entity dropped by an older build, say) is written as NULL, and counted in
``Export.dangling`` so nothing disappears silently.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimrec.errors import OutputError
from claimrec.models import Claim, CountValue, DateValue, Fact, Graph, LocationValue
from claimrec.store import replacing, write_atomic

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One table: its columns in order (name -> SQLite type), key, references and rows."""

    name: str
    columns: dict[str, type]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    index: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class Export:
    """What an export wrote: row counts per table, and references that had to be nulled."""

    counts: dict[str, int]
    dangling: int = 0


CLAIMS_VIEW = """
select
  claims.id as claim, claims.type, claims.measure, claims.predicate, claims.label as value,
  claims.modality, claims.as_of, claims.source_text,
  source.name as source, subject.name as subject,
  documents.id as document, documents.title, documents.outlet, documents.published,
  documents.url, facts.id as fact, facts.status as fact_status,
  facts.explanation as fact_explanation, claims.quote, claims.sentence
from claims
  left join entities as source on source.id = claims.source
  left join entities as subject on subject.id = claims.subject
  left join documents on documents.id = claims.doc
  left join facts on facts.id = claims.fact
"""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


class _Refs:
    """Id sets to keep foreign keys valid, counting the references that are not."""

    def __init__(self, graph: Graph) -> None:
        self.ids = {
            "documents": {d.id for d in graph.documents},
            "entities": {e.id for e in graph.entities},
            "facts": {f.id for f in graph.facts},
        }
        self.dangling = 0

    def ref(self, table: str, ident: str | None) -> str | None:
        if ident is None:
            return None
        if ident in self.ids[table]:
            return ident
        self.dangling += 1
        return None


def graph_tables(graph: Graph) -> tuple[list[Table], int]:
    """The tables of ``graph``, in an order that satisfies their foreign keys, and the
    number of references nulled because their target is not in the graph."""
    refs = _Refs(graph)
    fact_of: dict[str, str] = {}
    value_of: dict[str, str] = {}
    for fact in graph.facts:
        for cid in fact.claims:
            fact_of[cid] = fact.id
        for position, value in enumerate(fact.values):
            for cid in value.claims:
                value_of[cid] = _value_id(fact.id, position)
    tables = [
        _entities(graph),
        _documents(graph, refs),
        _facts(graph, refs),
        _fact_values(graph),
        _claims(graph, refs, fact_of, value_of),
        _edges(graph),
    ]
    return tables, refs.dangling


def _value_id(fact_id: str, position: int) -> str:
    return f"{fact_id}#{position + 1}"


def _entities(graph: Graph) -> Table:
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": _json(e.aliases),
            "mentions": e.mentions,
        }
        for e in graph.entities
    ]
    columns = {"id": str, "name": str, "type": str, "aliases": str, "mentions": int}
    return Table("entities", columns, "id", index=("name",), rows=rows)


def _documents(graph: Graph, refs: _Refs) -> Table:
    columns = {
        "id": str,
        "path": str,
        "title": str,
        "outlet": str,
        "url": str,
        "published": str,
        "sha256": str,
        "claims": int,
        "copy_of": str,
        "skipped": str,
        "warnings": str,
        "body": str,
    }
    rows = [
        {
            "id": d.id,
            "path": d.path,
            "title": d.title,
            "outlet": d.outlet,
            "url": d.url,
            "published": _iso(d.published),
            "sha256": d.sha256,
            "claims": d.claims,
            "copy_of": refs.ref("documents", d.copy_of),
            "skipped": _json(d.skipped.model_dump(mode="json")) if d.skipped else None,
            "warnings": _json([w.model_dump(mode="json") for w in d.warnings]),
            "body": d.body,
        }
        for d in graph.documents
    ]
    return Table(
        "documents",
        columns,
        "id",
        foreign_keys=(("copy_of", "documents", "id"),),
        index=("copy_of",),
        rows=rows,
    )


def _count_columns(prefix: str, value: CountValue | None) -> Row:
    return {
        f"{prefix}low": value.low if value else None,
        f"{prefix}high": value.high if value else None,
        f"{prefix}approximate": int(value.approximate) if value else None,
    }


def _facts(graph: Graph, refs: _Refs) -> Table:
    columns = {
        "id": str,
        "type": str,
        "subject": str,
        "predicate": str,
        "location": str,
        "unit": str,
        "story": str,
        "status": str,
        "explanation": str,
        "reasons": str,
        "multi_valued": int,
        "independent_sources": int,
        "claims": int,
        "consensus_low": int,
        "consensus_high": int,
        "consensus_approximate": int,
        "consensus_support": int,
        "consensus_voices": int,
        "no_consensus": str,
    }
    rows = [_fact_row(f, refs) for f in graph.facts]
    return Table(
        "facts",
        columns,
        "id",
        foreign_keys=(("subject", "entities", "id"), ("location", "entities", "id")),
        index=("subject", "location", "status", "story"),
        rows=rows,
    )


def _fact_row(fact: Fact, refs: _Refs) -> Row:
    return {
        "id": fact.id,
        "type": fact.key.type,
        "subject": refs.ref("entities", fact.key.subject),
        "predicate": fact.key.predicate,
        "location": refs.ref("entities", fact.key.location),
        "unit": fact.key.unit,
        "story": fact.key.story,
        "status": fact.status,
        "explanation": fact.explanation,
        "reasons": _json([r.model_dump(mode="json") for r in fact.reasons]),
        "multi_valued": int(fact.multi_valued),
        "independent_sources": fact.independent_sources,
        "claims": len(fact.claims),
        **_count_columns("consensus_", fact.consensus),
        "consensus_support": fact.consensus_support,
        "consensus_voices": fact.consensus_voices,
        "no_consensus": fact.no_consensus,
    }


def _fact_values(graph: Graph) -> Table:
    columns = {
        "id": str,
        "fact": str,
        "position": int,
        "label": str,
        "low": int,
        "high": int,
        "approximate": int,
        "value": str,
        "claims": str,
        "sources": str,
        "documents": str,
    }
    rows = []
    for fact in graph.facts:
        for position, value in enumerate(fact.values):
            count = value.value if isinstance(value.value, CountValue) else None
            rows.append(
                {
                    "id": _value_id(fact.id, position),
                    "fact": fact.id,
                    "position": position + 1,
                    "label": value.label,
                    **_count_columns("", count),
                    "value": _json(value.value.model_dump(mode="json")),
                    "claims": _json(value.claims),
                    "sources": _json(value.sources),
                    "documents": _json(value.documents),
                }
            )
    return Table(
        "fact_values",
        columns,
        "id",
        foreign_keys=(("fact", "facts", "id"),),
        index=("fact",),
        rows=rows,
    )


def _claims(graph: Graph, refs: _Refs, fact_of: dict[str, str], value_of: dict[str, str]) -> Table:
    columns = {
        "id": str,
        "doc": str,
        "type": str,
        "subject": str,
        "predicate": str,
        "measure": str,
        "counted": str,
        "label": str,
        "low": int,
        "high": int,
        "approximate": int,
        "unit": str,
        "date_start": str,
        "date_end": str,
        "location": str,
        "time_text": str,
        "as_of": str,
        "source": str,
        "source_text": str,
        "modality": str,
        "confidence": float,
        "start": int,
        "end": int,
        "quote": str,
        "sentence": str,
        "fact": str,
        "fact_value": str,
    }
    rows = [_claim_row(c, refs, fact_of, value_of) for c in graph.claims]
    return Table(
        "claims",
        columns,
        "id",
        foreign_keys=(
            ("doc", "documents", "id"),
            ("subject", "entities", "id"),
            ("location", "entities", "id"),
            ("source", "entities", "id"),
            ("fact", "facts", "id"),
            ("fact_value", "fact_values", "id"),
        ),
        index=("doc", "subject", "location", "source", "fact", "fact_value"),
        rows=rows,
    )


def _claim_row(claim: Claim, refs: _Refs, fact_of: dict[str, str], value_of: dict[str, str]) -> Row:
    from claimrec.values import label

    value = claim.value
    count = value if isinstance(value, CountValue) else None
    date = value if isinstance(value, DateValue) else None
    location = value.entity if isinstance(value, LocationValue) and value.entity else None
    return {
        "id": claim.id,
        "doc": refs.ref("documents", claim.doc),
        "type": claim.type,
        "subject": refs.ref("entities", claim.subject),
        "predicate": claim.predicate,
        "measure": claim.measure,
        "counted": claim.counted,
        "label": label(value),
        **_count_columns("", count),
        "unit": count.unit if count else None,
        "date_start": _iso(date.start) if date else None,
        "date_end": _iso(date.end) if date else None,
        "location": refs.ref("entities", claim.location or location),
        "time_text": claim.time.text if claim.time else None,
        "as_of": _iso(claim.as_of),
        "source": refs.ref("entities", claim.source),
        "source_text": claim.source_text,
        "modality": claim.modality,
        "confidence": claim.confidence,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "quote": claim.evidence.quote,
        "sentence": claim.evidence.sentence,
        "fact": refs.ref("facts", fact_of.get(claim.id)),
        "fact_value": value_of.get(claim.id),
    }


def _edges(graph: Graph) -> Table:
    """Edges join ids of several kinds (documents, claims, entities, facts), so they carry
    no foreign keys; their columns are indexed for joins all the same."""
    rows = [{"source": e.source, "target": e.target, "kind": e.kind} for e in graph.edges]
    columns: dict[str, type] = {"source": str, "target": str, "kind": str}
    return Table(
        "edges", columns, ("source", "target", "kind"), index=("target", "kind"), rows=rows
    )


# --------------------------------------------------------------------------- sqlite


def write_sqlite(graph: Graph, path: Path) -> Export:
    """Write ``graph`` as a SQLite database at ``path``, replacing it atomically."""
    import sqlite_utils

    tables, dangling = graph_tables(graph)
    _folder(path)
    with replacing(path) as tmp:
        try:
            db = sqlite_utils.Database(tmp, recreate=True)
            for table in tables:
                _create(db, table)
            db.table("claims").enable_fts(["quote", "sentence"], create_triggers=False)
            db.create_view("claims_view", CLAIMS_VIEW.strip())
            db.conn.commit()
            db.conn.execute("vacuum")
            db.close()
        except sqlite3.Error as exc:
            raise OutputError(f"cannot write '{path}': {exc}") from None
    return Export(counts={t.name: len(t.rows) for t in tables}, dangling=dangling)


def _create(db: Any, table: Table) -> None:
    foreign = [fk for fk in table.foreign_keys if fk[1] != table.name]
    created = db[table.name].create(
        table.columns,
        pk=table.pk,
        foreign_keys=foreign or None,
        column_order=list(table.columns),
    )
    for column, other, other_column in table.foreign_keys:
        if other == table.name:  # a table referring to itself: added once it exists
            created.add_foreign_key(column, other, other_column)
    if table.rows:
        db[table.name].insert_all(table.rows, batch_size=500)
    for column in table.index:
        db[table.name].create_index([column])


def _folder(path: Path) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        problem = "is a file, not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"cannot write '{path}': folder '{folder}' {problem} (create it first)")
    if path.is_dir():
        raise OutputError(f"cannot write '{path}': it is a folder; give a file name")
    return folder


# ------------------------------------------------------------------------------ csv


def write_csv(graph: Graph, folder: Path) -> Export:
    """Write each table of ``graph`` as ``folder/NAME.csv`` (created if missing), each file
    replaced atomically. Empty cells are NULL; lists are JSON text, as in SQLite."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write CSV to '{folder}': it is a file; give a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create folder '{folder}': {exc.strerror or exc}") from None
    tables, dangling = graph_tables(graph)
    for table in tables:
        write_atomic(folder / f"{table.name}.csv", table_csv(table))
    return Export(counts={t.name: len(t.rows) for t in tables}, dangling=dangling)


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(_csv_cells(row, table.columns) for row in table.rows)
    return out.getvalue()


def _csv_cells(row: Row, columns: Iterable[str]) -> list[Any]:
    return ["" if row.get(c) is None else row[c] for c in columns]
