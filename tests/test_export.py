"""Tests for ``claimrec export``: the graph as SQLite (sqlite-utils) and CSV tables.

Row counts must equal the graph's, foreign keys must hold, full-text search must find a
quoted sentence, the CSVs must round-trip, and a re-export must replace the file whole.
The small graph comes from ``test_html``'s builder (no spaCy); the fixture corpus graph
checks the same on real extractions."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from clirun import one_error_line, run
from html_builders import THREE_VOICES, Voice, count, graph_of

from claimrec.export import graph_tables, write_csv, write_sqlite
from claimrec.models import Graph
from claimrec.store import graph_json

TABLES = ("documents", "entities", "claims", "facts", "fact_values", "edges")


def expected_counts(graph: Graph) -> dict[str, int]:
    return {
        "documents": len(graph.documents),
        "entities": len(graph.entities),
        "claims": len(graph.claims),
        "facts": len(graph.facts),
        "fact_values": sum(len(f.values) for f in graph.facts),
        "edges": len(graph.edges),
    }


@pytest.fixture(params=["small", "corpus"])
def graph(request) -> Graph:
    if request.param == "small":
        return graph_of([*THREE_VOICES, Voice("Cara Odell", count(None, 2000), doc="d01")])
    return request.getfixturevalue("corpus_graph")


def test_sqlite_row_counts_keys_and_fts(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    result = write_sqlite(graph, path)
    assert result.counts == expected_counts(graph)
    assert result.dangling == 0
    db = sqlite3.connect(path)
    for table, n in expected_counts(graph).items():
        assert db.execute(f"select count(*) from {table}").fetchone()[0] == n, table
    assert db.execute("pragma foreign_key_check").fetchall() == []
    assert db.execute("select count(*) from claims_view").fetchone()[0] == len(graph.claims)
    claim = graph.claims[0]
    phrase = " ".join(claim.evidence.sentence.split()[:4]).replace('"', "")
    found = db.execute(
        "select id from claims where rowid in "
        "(select rowid from claims_fts where claims_fts match ?)",
        [f'"{phrase}"'],
    ).fetchall()
    assert (claim.id,) in found


def test_sqlite_foreign_keys_and_indexes_are_declared(tmp_path: Path) -> None:
    import sqlite_utils

    path = tmp_path / "graph.db"
    write_sqlite(graph_of(THREE_VOICES), path)
    db = sqlite_utils.Database(path)
    assert set(TABLES) <= set(db.table_names())
    references = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert {("doc", "documents"), ("source", "entities"), ("fact", "facts")} <= references
    assert {(fk.column, fk.other_table) for fk in db["fact_values"].foreign_keys} == {
        ("fact", "facts")
    }
    indexed = {tuple(i.columns) for i in db["claims"].indexes}
    assert {("doc",), ("source",), ("fact",)} <= indexed
    assert db["claims"].pks == ["id"]
    assert db["claims"].detect_fts() == "claims_fts"
    assert "claims_view" in db.view_names()


def test_claims_view_joins_source_document_and_fact(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    write_sqlite(graph_of(THREE_VOICES), path)
    db = sqlite3.connect(path)
    rows = db.execute(
        "select source, outlet, fact_status from claims_view where source = 'Borek Lund'"
    ).fetchall()
    assert rows == [("Borek Lund", "Talvern Courier", "conflict")]


def test_reexport_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    write_sqlite(graph_of(THREE_VOICES), path)
    write_sqlite(graph_of(THREE_VOICES[:2]), path)
    db = sqlite3.connect(path)
    assert db.execute("select count(*) from claims").fetchone()[0] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.db"]


def test_csv_round_trips(graph: Graph, tmp_path: Path) -> None:
    result = write_csv(graph, tmp_path / "tables")
    assert result.counts == expected_counts(graph)
    tables, _ = graph_tables(graph)
    for table in tables:
        with (tmp_path / "tables" / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == len(table.rows), table.name
        for written, read in zip(table.rows, rows, strict=True):
            for column, value in written.items():
                assert read[column] == ("" if value is None else str(value)), (table.name, column)


def test_csv_lists_are_json(tmp_path: Path) -> None:
    graph = graph_of(THREE_VOICES)
    write_csv(graph, tmp_path)
    with (tmp_path / "fact_values.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [json.loads(r["claims"]) for r in rows] == [v.claims for v in graph.facts[0].values]


def test_cli_export(tmp_path: Path) -> None:
    graph_file = tmp_path / "g.json"
    graph_file.write_text(graph_json(graph_of(THREE_VOICES)), encoding="utf-8")
    result = run(
        "export",
        str(graph_file),
        "--sqlite",
        str(tmp_path / "g.db"),
        "--csv",
        str(tmp_path / "csv"),
    )
    assert result.exit_code == 0, result.output
    assert "4 claims" in result.stderr
    assert (tmp_path / "g.db").is_file()
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(
        f"{t}.csv" for t in TABLES
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "nothing to export"),
        (("--sqlite", "{tmp}/missing/g.db"), "does not exist"),
        (("--sqlite", "{tmp}"), "is a folder"),
        (("--csv", "{tmp}/g.json"), "is a file"),
    ],
)
def test_cli_export_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    graph_file = tmp_path / "g.json"
    graph_file.write_text(graph_json(graph_of(THREE_VOICES)), encoding="utf-8")
    argv = [a.format(tmp=tmp_path) for a in args]
    one_error_line(run("export", str(graph_file), *argv), contains=message)


def test_dangling_references_are_nulled_and_counted(tmp_path: Path) -> None:
    graph = graph_of(THREE_VOICES)
    graph = graph.model_copy(update={"entities": graph.entities[:1]})  # drop a source
    result = write_sqlite(graph, tmp_path / "g.db")
    assert result.dangling > 0
    db = sqlite3.connect(tmp_path / "g.db")
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_datasette_shows_the_tables_and_their_relations(tmp_path: Path) -> None:
    """Only where the optional extra is installed (pip install 'claimrec[datasette]')."""
    pytest.importorskip(
        "datasette", reason="datasette is optional: pip install 'claimrec[datasette]'"
    )
    import asyncio

    from datasette.app import Datasette

    path = tmp_path / "graph.db"
    write_sqlite(graph_of(THREE_VOICES), path)

    async def browse() -> tuple[list[str], dict, int]:
        ds = Datasette(files=[str(path)])
        tables = (await ds.client.get("/graph.json")).json()["tables"]
        claim = (await ds.client.get("/graph/claims.json?_shape=array&_labels=on&_size=1")).json()
        found = (await ds.client.get("/graph/claims.json?_search=Talvern&_shape=array")).json()
        return [t["name"] for t in tables], claim[0], len(found)

    names, claim, found = asyncio.run(browse())
    assert set(TABLES) <= set(names)
    assert claim["source"] == {"value": "ent:ilse-marwen", "label": "Ilse Marwen"}
    assert claim["doc"]["value"].startswith("d")
    assert found == 4


def test_unwritable_folder_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    import claimrec.store as store_module
    from claimrec.errors import OutputError

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_module.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match=r"\(permission denied\); choose a writable folder"):
        write_sqlite(graph_of(THREE_VOICES), tmp_path / "g.db")
    assert list(tmp_path.iterdir()) == []


def test_claims_table_has_every_count_field(tmp_path: Path) -> None:
    """Each count's measure and counted noun are columns, so a reader can filter on them."""
    path = tmp_path / "graph.db"
    write_sqlite(graph_of(THREE_VOICES), path)
    columns = {row[1] for row in sqlite3.connect(path).execute("pragma table_info(claims)")}
    assert {"measure", "counted", "as_of", "modality"} <= columns
