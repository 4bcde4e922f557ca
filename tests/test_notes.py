"""Document notes: each warning and skip reason is data (a code and its facts) built where
the problem is found, and ``render/notes.py`` alone words it. One table per kind of note:
the input that causes it -> its code and fields in the graph -> the exact stderr line."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import get_args

import pytest
from clirun import run
from html_builders import THREE_VOICES, graph_of
from lxml import html as lxml_html
from pydantic import ValidationError

from claimrec import pipeline, read
from claimrec.diff import BuildNote
from claimrec.export import graph_tables
from claimrec.models import (
    DocumentWarning,
    Graph,
    GraphDocument,
    SkipCode,
    SkipReason,
    WarningCode,
)
from claimrec.render.diff import build_note
from claimrec.render.html import render_html
from claimrec.render.notes import skip_text, warning_text
from claimrec.store import graph_json

BODY = "Officials in Brennmoor said 14 people were hurt when the old mill roof fell.\n"
LONG = BODY * 40
CUT = LONG.rfind(" ", 1_000, 2_000)  # pipeline cuts a long document at a word
HINT = "write e.g. 2025-02-04, February 4, 2025, 4 Feb 2025 or 2025/02/04"

# ------------------------------------------------------------------ the words, per code

WARNING_WORDS: list[tuple[DocumentWarning, str]] = [
    (DocumentWarning(code="not_utf8", encoding="cp1252"), "not valid UTF-8; decoded as cp1252"),
    (
        DocumentWarning(code="stray_bytes", count=2, encoding="cp1252"),
        "not valid UTF-8 in 2 byte(s); those bytes decoded as cp1252",
    ),
    (
        DocumentWarning(code="no_byte_order_mark", encoding="utf-16-le"),
        "no byte-order mark; decoded as utf-16-le",
    ),
    (
        DocumentWarning(code="front_matter_unclosed"),
        "front matter opened by '---' on line 1 never closes; read as body",
    ),
    (
        DocumentWarning(code="front_matter_invalid", detail="found a tab", line=3),
        "front matter is not valid YAML (found a tab on line 3); ignored",
    ),
    (
        DocumentWarning(code="front_matter_invalid", detail="bad escape"),
        "front matter is not valid YAML (bad escape); ignored",
    ),
    (
        DocumentWarning(code="front_matter_not_mapping", kind="list"),
        "front matter is a list, not a mapping of keys; ignored",
    ),
    (
        DocumentWarning(code="unknown_keys", keys=("author", "tags")),
        "unknown front matter keys ignored: author, tags "
        "(known: title, outlet, url, published, date)",
    ),
    (
        DocumentWarning(code="field_not_text", origin="record", field="title", kind="mapping"),
        "record 'title' is not text (a mapping); ignored",
    ),
    (
        DocumentWarning(code="both_dates", origin="page_metadata", field="date"),
        "page metadata has both 'published' and 'date'; 'date' ignored",
    ),
    (
        DocumentWarning(
            code="bad_date", origin="front_matter", field="published", value="soon", kind="text"
        ),
        f"front matter 'published' is not a date ('soon'; {HINT}); ignored",
    ),
    (
        DocumentWarning(
            code="bad_date", origin="record", field="date", value="20250204", kind="number"
        ),
        f"record 'date' is not a date (20250204; {HINT}); ignored",
    ),
    (
        DocumentWarning(code="id_taken", value="mill", renamed_to="b/mill"),
        "id 'mill' is already used by another article; this one is 'b/mill'",
    ),
    (
        DocumentWarning(code="truncated", size=250_000, kept=199_990),
        "document has 250,000 characters; only the first 199,990 were processed",
    ),
    (DocumentWarning(code="legacy", detail="an old note"), "an old note"),
]

SKIP_WORDS: list[tuple[SkipReason, str]] = [
    (SkipReason(code="missing"), "unreadable: no such file"),
    (SkipReason(code="broken_symlink"), "broken symlink: target does not exist"),
    (SkipReason(code="unreadable", detail="permission denied"), "unreadable: permission denied"),
    (
        SkipReason(code="unreadable_folder", detail="permission denied"),
        "unreadable folder: permission denied",
    ),
    (SkipReason(code="not_regular_file"), "not a regular file"),
    (
        SkipReason(code="too_large", size=70 * 2**20, limit=64 * 2**20),
        "too large: 70.0 MiB > 64 MiB limit",
    ),
    (SkipReason(code="empty"), "empty"),
    (SkipReason(code="whitespace_only"), "whitespace only"),
    (SkipReason(code="no_body"), "whitespace only: no text after the front matter"),
    (
        SkipReason(code="undecodable", encoding="utf-16-le"),
        "undecodable: not valid utf-16-le after its byte-order mark",
    ),
    (SkipReason(code="binary_nul"), "binary (NUL bytes)"),
    (SkipReason(code="binary_control"), "binary (control characters)"),
    (
        SkipReason(code="no_article_text"),
        "no article text in the HTML page (only navigation or boilerplate)",
    ),
    (SkipReason(code="no_records"), "no records"),
    (
        SkipReason(code="invalid_json", detail="expecting value", column=7),
        "not valid JSON (expecting value at column 7)",
    ),
    (SkipReason(code="not_object", kind="list"), "not a JSON object (a list)"),
    (SkipReason(code="no_text_field"), "no 'text' or 'body' field"),
    (
        SkipReason(code="text_not_text", field="body", kind="boolean"),
        "'body' is not text (a boolean)",
    ),
    (SkipReason(code="text_empty", field="text"), "'text' is empty"),
    (SkipReason(code="text_whitespace", field="text"), "'text' is whitespace only"),
    (SkipReason(code="legacy", detail="an old reason"), "an old reason"),
]


@pytest.mark.parametrize(("warning", "words"), WARNING_WORDS, ids=lambda x: getattr(x, "code", ""))
def test_warning_words(warning: DocumentWarning, words: str) -> None:
    assert warning_text(warning) == words


@pytest.mark.parametrize(("reason", "words"), SKIP_WORDS, ids=lambda x: getattr(x, "code", ""))
def test_skip_words(reason: SkipReason, words: str) -> None:
    assert skip_text(reason) == words


def test_every_code_has_words() -> None:
    assert {w.code for w, _ in WARNING_WORDS} == set(get_args(WarningCode))
    assert {r.code for r, _ in SKIP_WORDS} == set(get_args(SkipCode))


# ------------------------------------------------------------------------ the data


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (DocumentWarning, {"code": "bad_date", "field": "published"}),
        (DocumentWarning, {"code": "truncated", "size": 10}),
        (DocumentWarning, {"code": "unknown_keys"}),
        (DocumentWarning, {"code": "no_such_code"}),
        (SkipReason, {"code": "too_large", "size": 10}),
        (SkipReason, {"code": "not_utf8", "encoding": "cp1252"}),  # a warning, not a skip
    ],
)
def test_an_incomplete_or_unknown_note_fails_where_it_is_built(model: type, data: dict) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)


def test_a_note_writes_only_the_fields_it_has() -> None:
    warning = DocumentWarning(code="unknown_keys", keys=("tags",))
    assert json.loads(warning.model_dump_json()) == {"code": "unknown_keys", "keys": ["tags"]}
    assert DocumentWarning.model_validate_json(warning.model_dump_json()) == warning


def test_a_graph_of_schema_1_0_keeps_its_text_notes(tmp_path: Path) -> None:
    """Graphs written before codes held text; ``report`` still reads them."""
    graph = Graph.model_validate(
        {
            "generator": {"version": "0", "model": "m", "lexicon": "x"},
            "documents": [
                GraphDocument(id="a", path="a.txt").model_dump(),
                GraphDocument(id="b", path="b.txt").model_dump(),
            ],
            "entities": [],
            "claims": [],
            "facts": [],
            "edges": [],
        }
    )
    data = json.loads(graph_json(graph))
    data["schema_version"] = "1.0"
    data["documents"][0]["warnings"] = ["not valid UTF-8; decoded as cp1252"]
    data["documents"][1]["skipped"] = "empty"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    result = run("report", str(old), "--format", "json")
    assert result.exit_code == 0, result.output
    loaded = Graph.model_validate(data)
    a, b = loaded.documents
    assert [warning_text(w) for w in a.warnings] == ["not valid UTF-8; decoded as cp1252"]
    assert b.skipped is not None and skip_text(b.skipped) == "empty"


# ---------------------------------------------------------------- end to end: warnings


# file name -> its bytes, the warning it gets (code and fields), and the stderr line's words
WARNED: dict[str, tuple[bytes, dict[str, object], str]] = {
    "latin.txt": (
        BODY.replace("Brennmoor", "Br\xe9nnmoor").encode("cp1252"),
        {"code": "not_utf8", "encoding": "cp1252"},
        "not valid UTF-8; decoded as cp1252",
    ),
    "stray.txt": (
        "Caf\u00e9 Ol\u00e9 in Brennmoor. ".encode() + b"Br\xe9nnmoor " + BODY.encode(),
        {"code": "stray_bytes", "count": 1, "encoding": "cp1252"},
        "not valid UTF-8 in 1 byte(s); those bytes decoded as cp1252",
    ),
    "wide.txt": (
        BODY.encode("utf-16-le"),
        {"code": "no_byte_order_mark", "encoding": "utf-16-le"},
        "no byte-order mark; decoded as utf-16-le",
    ),
    "open.md": (
        ("---\ntitle: Mill\n" + BODY).encode(),
        {"code": "front_matter_unclosed"},
        "front matter opened by '---' on line 1 never closes; read as body",
    ),
    "yaml.md": (
        ("---\ntitle: [Mill\n---\n" + BODY).encode(),
        {"code": "front_matter_invalid"},
        "front matter is not valid YAML (",
    ),
    "list.md": (
        ("---\n- a\n- b\n---\n" + BODY).encode(),
        {"code": "front_matter_not_mapping", "kind": "list"},
        "front matter is a list, not a mapping of keys; ignored",
    ),
    "keys.md": (
        ("---\ntitle: Mill\ntags: x\nauthor: y\n---\n" + BODY).encode(),
        {"code": "unknown_keys", "keys": ["author", "tags"]},
        "unknown front matter keys ignored: author, tags "
        "(known: title, outlet, url, published, date)",
    ),
    "title.md": (
        ("---\ntitle: [a, b]\n---\n" + BODY).encode(),
        {"code": "field_not_text", "origin": "front_matter", "field": "title", "kind": "list"},
        "front matter 'title' is not text (a list); ignored",
    ),
    "dates.md": (
        ("---\npublished: 2025-02-04\ndate: 2025-02-05\n---\n" + BODY).encode(),
        {"code": "both_dates", "origin": "front_matter", "field": "date"},
        "front matter has both 'published' and 'date'; 'date' ignored",
    ),
    "when.md": (
        ("---\npublished: next week\n---\n" + BODY).encode(),
        {
            "code": "bad_date",
            "origin": "front_matter",
            "field": "published",
            "kind": "text",
            "value": "next week",
        },
        f"front matter 'published' is not a date ('next week'; {HINT}); ignored",
    ),
    "long.txt": (
        LONG.encode(),
        {"code": "truncated", "size": len(LONG), "kept": CUT},
        f"document has {len(LONG):,} characters; only the first {CUT:,} were processed",
    ),
}


@pytest.fixture(scope="module")
def warned_build(tmp_path_factory: pytest.TempPathFactory, nlp):
    """One build, through the CLI, of a folder with one file per warning, plus a second
    PATH whose file's id the first already holds."""
    root = tmp_path_factory.mktemp("warned")
    first, second = root / "first", root / "second"
    for folder in (first, second):
        folder.mkdir()
    for name, (raw, _, _) in WARNED.items():
        (first / name).write_bytes(raw)
    (first / "mill.txt").write_text(BODY, encoding="utf-8")
    (second / "mill.txt").write_text(BODY.replace("14", "15"), encoding="utf-8")
    (first / "feed.jsonl").write_text(
        json.dumps({"id": "r1", "text": BODY, "outlet": ["a"], "date": True}) + "\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "MAX_DOCUMENT_CHARS", 2_000)
        result = run("build", "--no-cache", str(first), str(second))
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)
    return {d["path"]: d for d in graph["documents"]}, result.stderr


@pytest.mark.parametrize("name", sorted(WARNED))
def test_each_warning_end_to_end(warned_build, name: str) -> None:
    documents, stderr = warned_build
    _, fields, words = WARNED[name]
    (warning,) = documents[name]["warnings"]
    assert {k: warning[k] for k in fields} == fields
    assert f"claimrec: warning: {name}: {words}" in stderr
    assert not documents[name]["skipped"]


def test_a_taken_id_is_renamed_with_a_warning(warned_build) -> None:
    documents, stderr = warned_build
    assert documents["mill.txt"]["warnings"] == []
    assert documents["second/mill.txt"]["warnings"] == [
        {"code": "id_taken", "value": "mill", "renamed_to": "second/mill"}
    ]
    line = (
        "claimrec: warning: second/mill.txt: "
        "id 'mill' is already used by another article; this one is 'second/mill'"
    )
    assert line in stderr


def test_a_record_warns_about_each_bad_field(warned_build) -> None:
    documents, stderr = warned_build
    assert documents["feed.jsonl:1"]["warnings"] == [
        {"code": "field_not_text", "origin": "record", "field": "outlet", "kind": "list"},
        {
            "code": "bad_date",
            "origin": "record",
            "field": "date",
            "kind": "boolean",
            "value": "True",
        },
    ]
    prefix = "claimrec: warning: feed.jsonl:1: record"
    assert f"{prefix} 'outlet' is not text (a list); ignored" in stderr
    assert f"{prefix} 'date' is not a date (True; {HINT}); ignored" in stderr


# ------------------------------------------------------------------ end to end: skips


# file name -> its bytes (None: made by hand), the skip reason, and the stderr line's words
SKIPPED: dict[str, tuple[bytes | None, dict[str, object], str]] = {
    "nothing.txt": (b"", {"code": "empty"}, "empty"),
    "blank.txt": (b" \n\t\n", {"code": "whitespace_only"}, "whitespace only"),
    "header.md": (
        b"---\ntitle: Mill\n---\n \n",
        {"code": "no_body"},
        "whitespace only: no text after the front matter",
    ),
    "odd.txt": (
        b"\xff\xfe" + b"a\x00b",
        {"code": "undecodable", "encoding": "utf-16-le"},
        "undecodable: not valid utf-16-le after its byte-order mark",
    ),
    "image.txt": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        {"code": "binary_nul"},
        "binary (NUL bytes)",
    ),
    "noise.txt": (
        bytes(range(1, 9)) * 20,
        {"code": "binary_control"},
        "binary (control characters)",
    ),
    "menu.html": (
        b"<html><body><nav>Home</nav></body></html>",
        {"code": "no_article_text"},
        "no article text in the HTML page (only navigation or boilerplate)",
    ),
    "huge.txt": (
        b"x" * 5000,
        {"code": "too_large", "size": 5000, "limit": 4096},
        "too large: 0.0 MiB > 0 MiB limit",
    ),
    "pipe.txt": (None, {"code": "not_regular_file"}, "not a regular file"),
    "gone.txt": (None, {"code": "broken_symlink"}, "broken symlink: target does not exist"),
}

# line of feed.jsonl -> the record, the skip reason, and the stderr line's words
RECORDS: list[tuple[str, dict[str, object], str]] = [
    ('{"id": "x", "text": "Mill', {"code": "invalid_json"}, "not valid JSON ("),
    ('["text", "Mill"]', {"code": "not_object", "kind": "list"}, "not a JSON object (a list)"),
    ('{"id": "x", "title": "Mill"}', {"code": "no_text_field"}, "no 'text' or 'body' field"),
    (
        '{"body": {"a": 1}}',
        {"code": "text_not_text", "field": "body", "kind": "mapping"},
        "'body' is not text (a mapping)",
    ),
    ('{"text": ""}', {"code": "text_empty", "field": "text"}, "'text' is empty"),
    (
        '{"text": " \\t "}',
        {"code": "text_whitespace", "field": "text"},
        "'text' is whitespace only",
    ),
]


@pytest.fixture(scope="module")
def skipped_build(tmp_path_factory: pytest.TempPathFactory, nlp):
    """One build, through the CLI, of a folder with one file (or record) per skip reason."""
    root = tmp_path_factory.mktemp("skipped")
    for name, (raw, _, _) in SKIPPED.items():
        if raw is not None:
            (root / name).write_bytes(raw)
    os.mkfifo(root / "pipe.txt")
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    (root / "ok.txt").write_text(BODY, encoding="utf-8")
    lines = [line for line, _, _ in RECORDS]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read, "MAX_BYTES", 4096)
        result = run("build", "--no-cache", str(root))
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)
    return {d["path"]: d for d in graph["documents"]}, result.stderr


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_each_skipped_file_end_to_end(skipped_build, name: str) -> None:
    documents, stderr = skipped_build
    _, fields, words = SKIPPED[name]
    skipped = documents[name]["skipped"]
    assert {k: skipped[k] for k in fields} == fields
    assert f"claimrec: skipped {name}: {words}" in stderr


@pytest.mark.parametrize("number", range(1, len(RECORDS) + 1))
def test_each_skipped_record_end_to_end(skipped_build, number: int) -> None:
    documents, stderr = skipped_build
    _, fields, words = RECORDS[number - 1]
    skipped = documents[f"feed.jsonl:{number}"]["skipped"]
    assert {k: skipped[k] for k in fields} == fields
    assert f"claimrec: skipped feed.jsonl:{number}: {words}" in stderr


def test_the_usable_file_is_read_and_every_other_one_is_skipped(skipped_build) -> None:
    documents, stderr = skipped_build
    assert [p for p, d in documents.items() if not d["skipped"]] == ["ok.txt"]
    assert stderr.count("claimrec: skipped ") == len(SKIPPED) + len(RECORDS)


# ------------------------------------------------------------- diff: notes on builds


@pytest.mark.parametrize(
    ("note", "words"),
    [
        (
            BuildNote(what="model", old="m-1", new="m-2"),
            "OLD was built with model m-1, NEW with m-2: "
            "some changes may come from the model, not the articles",
        ),
        (
            BuildNote(what="lexicon", old="ab12", new="cd34"),
            "OLD and NEW were built with different lexicons (--config): "
            "some changes may come from the lexicon, not the articles",
        ),
        (
            BuildNote(what="version", old="0.9", new="1.0"),
            "OLD was built by claimrec 0.9, NEW by 1.0: "
            "some changes may come from the build, not the articles",
        ),
    ],
    ids=lambda x: getattr(x, "what", ""),
)
def test_build_note_words(note: BuildNote, words: str) -> None:
    assert build_note(note) == words


# --------------------------------------------------------------------- the HTML page


def noted_graph() -> Graph:
    """Three voices, the first document read with a warning, plus a skipped page."""
    graph = graph_of(THREE_VOICES)
    first = graph.documents[0].model_copy(
        update={"warnings": [DocumentWarning(code="not_utf8", encoding="cp1252")]}
    )
    skipped = GraphDocument(id="menu", path="menu.html", skipped=SkipReason(code="no_article_text"))
    return graph.model_copy(update={"documents": [first, *graph.documents[1:], skipped]})


def test_the_html_page_lists_skipped_and_warned_documents_in_the_same_words() -> None:
    graph = noted_graph()
    first = graph.documents[0]
    page = lxml_html.fromstring(render_html(graph))
    assert [li.text_content() for li in page.xpath("//ul[@class='skipped']/li")] == [
        "menu.html: no article text in the HTML page (only navigation or boilerplate)"
    ]
    assert [li.text_content() for li in page.xpath("//ul[@class='warned']/li")] == [
        f"{first.path}: not valid UTF-8; decoded as cp1252"
    ]


def test_a_page_without_notes_has_no_such_lists() -> None:
    page = lxml_html.fromstring(render_html(graph_of(THREE_VOICES)))
    assert not page.xpath("//ul[@class='skipped' or @class='warned']")


def test_the_export_keeps_notes_as_json_objects() -> None:
    tables, _ = graph_tables(noted_graph())
    (documents,) = [t for t in tables if t.name == "documents"]
    rows = {row["id"]: row for row in documents.rows}
    first = noted_graph().documents[0].id
    assert json.loads(rows[first]["warnings"]) == [{"code": "not_utf8", "encoding": "cp1252"}]
    assert rows[first]["skipped"] is None
    assert json.loads(rows["menu"]["skipped"]) == {"code": "no_article_text"}
    assert json.loads(rows["menu"]["warnings"]) == []
