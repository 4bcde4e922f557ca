"""Tests for the read stage: every case writes its own files into ``tmp_path``.

The body must be exactly what SPEC.md says (offsets depend on it), bad files must be
skipped with a reason rather than raise, and only user mistakes with PATHs raise.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
from pathlib import Path

import pytest

from claimrec import read
from claimrec.errors import InputError
from claimrec.models import Document, SkippedDocument, SkipReason
from claimrec.read import read_corpus, read_document, split_front_matter
from claimrec.render.notes import skip_text, warning_text

ARTICLE = "Officials said 40 people were hurt.\n"


def write(root: Path, files: dict[str, bytes | str]) -> None:
    """Create ``files`` (relative path -> content) under ``root``."""
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_bytes(content.encode("utf-8"))
        else:
            target.write_bytes(content)


def read_one(tmp_path: Path, content: bytes | str, name: str = "a.txt") -> Document:
    write(tmp_path, {name: content})
    result = read_document(tmp_path / name, root=tmp_path)
    assert isinstance(result, Document), result
    return result


def skip_reason(tmp_path: Path, content: bytes | str, name: str = "a.txt") -> str:
    write(tmp_path, {name: content})
    result = read_document(tmp_path / name, root=tmp_path)
    assert isinstance(result, SkippedDocument), result
    return skip_text(result.reason)


# --------------------------------------------------------------------------- walking


def test_ids_paths_and_order_for_nested_folders(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "b.txt": ARTICLE,
            "a/z.md": ARTICLE,
            "a/b/c.txt": ARTICLE,
            "A.TXT": ARTICLE,
            "notes.pdf": b"%PDF",
            "readme": ARTICLE,
            ".hidden/x.txt": ARTICLE,
            ".dot.txt": ARTICLE,
            "a.b.txt": ARTICLE,
        },
    )
    corpus = read_corpus([tmp_path])
    assert [(d.id, d.path) for d in corpus.documents] == [
        ("A", "A.TXT"),
        ("a.b", "a.b.txt"),
        ("a/b/c", "a/b/c.txt"),
        ("a/z", "a/z.md"),
        ("b", "b.txt"),
    ]
    assert corpus.skipped == ()


def test_file_given_directly_uses_its_stem(tmp_path: Path) -> None:
    write(tmp_path, {"sub/story.md": ARTICLE})
    corpus = read_corpus([tmp_path / "sub" / "story.md"])
    assert [(d.id, d.path) for d in corpus.documents] == [("story", "story.md")]


def test_relative_path_arguments_give_relative_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"news/x/y.txt": ARTICLE, "z.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    corpus = read_corpus([Path("news"), Path("z.txt")])
    assert [(d.id, d.path) for d in corpus.documents] == [("x/y", "x/y.txt"), ("z", "z.txt")]


@pytest.mark.parametrize(
    ("setup", "argument", "message"),
    [
        pytest.param({}, "missing", "no such file or folder: '{p}'", id="missing"),
        pytest.param(
            {"empty/notes.pdf": b"x", "empty/.h/a.txt": ARTICLE},
            "empty",
            "no articles (.txt, .md, .html/.htm or .jsonl) under '{p}'",
            id="no-articles",
        ),
        pytest.param({"x.pdf": b"x"}, "x.pdf", "not an article file: '{p}'", id="wrong-ext"),
    ],
)
def test_path_errors(
    tmp_path: Path, setup: dict[str, bytes | str], argument: str, message: str
) -> None:
    write(tmp_path, setup)
    (tmp_path / "empty").mkdir(exist_ok=True)
    given = tmp_path / argument
    with pytest.raises(InputError) as caught:
        read_corpus([given])
    assert message.format(p=given) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_collision_between_paths_prefixes_later_folder(tmp_path: Path) -> None:
    write(tmp_path, {"a/x.txt": ARTICLE, "b/x.txt": "Other.\n"})
    corpus = read_corpus([tmp_path / "a", tmp_path / "b"])
    assert [(d.id, d.path) for d in corpus.documents] == [("b/x", "b/x.txt"), ("x", "x.txt")]
    renamed = corpus.documents[0]
    assert renamed.body == "Other.\n"
    assert [(w.code, w.value, w.renamed_to) for w in renamed.warnings] == [("id_taken", "x", "b/x")]
    assert any("'x'" in warning_text(w) and "'b/x'" in warning_text(w) for w in renamed.warnings)
    assert corpus.documents[1].warnings == ()


def test_collision_inside_one_folder_keeps_extension(tmp_path: Path) -> None:
    write(tmp_path, {"x.md": ARTICLE, "x.txt": ARTICLE, "y.md": "", "y.txt": ARTICLE})
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["x", "x.txt", "y"]
    assert [(s.id, skip_text(s.reason)) for s in corpus.skipped] == [("y.md", "empty")]


def test_same_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, {"a/x.txt": ARTICLE})
    corpus = read_corpus([tmp_path / "a", tmp_path / "a", tmp_path / "a" / "x.txt"])
    assert [d.id for d in corpus.documents] == ["x"]


def test_copies_under_two_names_are_both_kept(tmp_path: Path) -> None:
    write(tmp_path, {"one.txt": ARTICLE, "two.txt": ARTICLE})
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["one", "two"]
    assert corpus.documents[0].sha256 == corpus.documents[1].sha256


def test_symlink_loop_terminates_without_duplicates(tmp_path: Path) -> None:
    write(tmp_path, {"a/x.txt": ARTICLE, "a/b/y.txt": ARTICLE})
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(".", target_is_directory=True)
    corpus = read_corpus([tmp_path / "a"])
    assert [d.id for d in corpus.documents] == ["b/y", "x"]


def test_symlinked_folder_outside_the_tree_is_followed(tmp_path: Path) -> None:
    write(tmp_path, {"outside/o.txt": ARTICLE, "news/n.txt": ARTICLE})
    (tmp_path / "news" / "link").symlink_to(tmp_path / "outside", target_is_directory=True)
    # A link inside the tree to a real folder in the tree: the real path wins.
    (tmp_path / "news" / "a-link").symlink_to(tmp_path / "news" / "real")
    write(tmp_path, {"news/real/r.txt": ARTICLE})
    corpus = read_corpus([tmp_path / "news"])
    assert [d.id for d in corpus.documents] == ["link/o", "n", "real/r"]


def test_symlink_to_a_file_already_found_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, {"x.txt": ARTICLE})
    (tmp_path / "alias.txt").symlink_to("x.txt")
    corpus = read_corpus([tmp_path])
    assert [(d.id, d.path) for d in corpus.documents] == [("x", "x.txt")]


def test_fifo_is_skipped_not_read(tmp_path: Path) -> None:
    write(tmp_path, {"ok.txt": ARTICLE})
    os.mkfifo(tmp_path / "pipe.txt")
    corpus = read_corpus([tmp_path])
    assert [(s.id, skip_text(s.reason)) for s in corpus.skipped] == [("pipe", "not a regular file")]
    with pytest.raises(InputError, match="not a file or folder"):
        read_corpus([tmp_path / "pipe.txt"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list a chmod 000 folder")
def test_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    write(tmp_path, {"ok.txt": ARTICLE, "locked/x.txt": ARTICLE})
    (tmp_path / "locked").chmod(0)
    try:
        corpus = read_corpus([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [d.id for d in corpus.documents] == ["ok"]
    assert [(s.id, s.path, skip_text(s.reason)) for s in corpus.skipped] == [
        ("locked", "locked/", "unreadable folder: permission denied")
    ]


def test_broken_symlink_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, {"ok.txt": ARTICLE})
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["ok"]
    assert [(s.id, skip_text(s.reason)) for s in corpus.skipped] == [
        ("gone", "broken symlink: target does not exist")
    ]


# ------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("raw", "body", "encoding", "warning"),
    [
        pytest.param("café\n".encode(), "café\n", "utf-8", None, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + "café\n".encode(), "café\n", "utf-8-sig", None, id="bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + "café\n".encode("utf-16-le"),
            "café\n",
            "utf-16-le",
            None,
            id="utf-16-le",
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + "café\n".encode("utf-16-be"),
            "café\n",
            "utf-16-be",
            None,
            id="utf-16-be",
        ),
        pytest.param(
            b"caf\xe9 \x93quoted\x94\n",
            "café \u201cquoted\u201d\n",
            "cp1252",
            "not valid UTF-8; decoded as cp1252",
            id="cp1252",
        ),
        pytest.param(
            b"caf\xe9 with an undefined cp1252 byte \x81\n",
            "café with an undefined cp1252 byte \x81\n",
            "latin-1",
            "not valid UTF-8; decoded as latin-1",
            id="latin-1",
        ),
    ],
)
def test_decoding(
    tmp_path: Path, raw: bytes, body: str, encoding: str, warning: str | None
) -> None:
    doc = read_one(tmp_path, raw)
    assert doc.body == body
    assert doc.encoding == encoding
    assert [warning_text(w) for w in doc.warnings] == ([warning] if warning else [])
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        pytest.param(b"one\r\ntwo\r\n", "one\ntwo\n", id="crlf"),
        pytest.param(b"one\rtwo\r", "one\ntwo\n", id="lone-cr"),
        pytest.param(b"a\r\r\nb\n\rc", "a\n\nb\n\nc", id="mixed"),
        # Only \r\n and \r: text mode keeps form feed, NEL and U+2028 as they are.
        pytest.param(
            "page\x0cline\u2028next\x85line".encode(),
            "page\x0cline\u2028next\x85line",
            id="other-breaks-kept",
        ),
        pytest.param(b"  <p>x</p>  \n\n", "  <p>x</p>  \n\n", id="nothing-stripped"),
    ],
)
def test_line_endings_normalized_and_nothing_else(tmp_path: Path, raw: bytes, body: str) -> None:
    assert read_one(tmp_path, raw).body == body


def test_body_matches_python_text_mode(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + b"x\r\ny\rz\n\r\n"
    doc = read_one(tmp_path, raw)
    with (tmp_path / "a.txt").open(encoding="utf-8-sig") as handle:
        assert doc.body == handle.read()


# ---------------------------------------------------------------------------- skips


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(codecs.BOM_UTF8, "empty", id="bom-only"),
        pytest.param(b" \n\t\r\n  ", "whitespace only", id="whitespace"),
        pytest.param(
            b"---\ntitle: T\n---\n\n  \n",
            "whitespace only: no text after the front matter",
            id="front-matter-only",
        ),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary (NUL bytes)", id="png"
        ),
        pytest.param(bytes(range(1, 32)) * 4, "binary (control characters)", id="controls"),
        pytest.param(
            codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "binary (NUL bytes)", id="utf16-nul"
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + b"a\x00b",
            "undecodable: not valid utf-16-le after its byte-order mark",
            id="utf16-odd",
        ),
    ],
)
def test_skipped_files(tmp_path: Path, raw: bytes, reason: str) -> None:
    assert skip_reason(tmp_path, raw) == reason


def test_skips_are_reported_in_the_corpus(tmp_path: Path) -> None:
    write(tmp_path, {"ok.txt": ARTICLE, "e.txt": b"", "w.md": "  \n", "img.txt": b"\x89PNG\x00"})
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["ok"]
    assert [(s.id, s.path, skip_text(s.reason)) for s in corpus.skipped] == [
        ("e", "e.txt", "empty"),
        ("img", "img.txt", "binary (NUL bytes)"),
        ("w", "w.md", "whitespace only"),
    ]


def test_only_skipped_files_is_not_an_error(tmp_path: Path) -> None:
    write(tmp_path, {"e.txt": b""})
    corpus = read_corpus([tmp_path])
    assert corpus.documents == ()
    assert [skip_text(s.reason) for s in corpus.skipped] == ["empty"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, {"locked.txt": ARTICLE})
    (tmp_path / "locked.txt").chmod(0)
    try:
        result = read_document(tmp_path / "locked.txt", root=tmp_path)
    finally:
        (tmp_path / "locked.txt").chmod(0o644)
    assert isinstance(result, SkippedDocument)
    assert skip_text(result.reason) == "unreadable: permission denied"


def test_read_error_is_skipped_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same path as chmod 000, but works as root: the open itself fails."""
    write(tmp_path, {"locked.txt": ARTICLE})

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = read_document(tmp_path / "locked.txt", root=tmp_path)
    assert result == SkippedDocument(
        id="locked",
        path="locked.txt",
        reason=SkipReason(code="unreadable", detail="permission denied"),
    )


def test_too_large_is_skipped_without_reading(tmp_path: Path) -> None:
    target = tmp_path / "big.txt"
    with target.open("wb") as handle:  # sparse: no 65 MiB written
        handle.truncate(read.MAX_BYTES + 1)
    result = read_document(target, root=tmp_path)
    assert isinstance(result, SkippedDocument)
    assert skip_text(result.reason) == "too large: 64.0 MiB > 64 MiB limit"


def test_limit_allows_a_50_mb_article() -> None:
    assert read.MAX_BYTES >= 50 * 1000 * 1000


def test_limit_is_applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 2**20)
    assert skip_reason(tmp_path, "x" * (2**20 + 1)) == "too large: 1.0 MiB > 1 MiB limit"
    assert read_one(tmp_path, "y" * 2**20, "fits.txt").body == "y" * 2**20


# ----------------------------------------------------------------------- front matter


GOOD = "---\ntitle: Attack on X\noutlet: Daily\nurl: https://e.x/1\npublished: 2024-03-05\n---\n"


@pytest.mark.parametrize(
    ("text", "meta", "body", "warning"),
    [
        pytest.param(
            GOOD + "Body.\n",
            {
                "title": "Attack on X",
                "outlet": "Daily",
                "url": "https://e.x/1",
                "published": dt.date(2024, 3, 5),
            },
            "Body.\n",
            None,
            id="good",
        ),
        pytest.param(
            "---\npublished: 2024-03-05 10:30:00\n---\nB",
            {"published": dt.date(2024, 3, 5)},
            "B",
            None,
            id="datetime",
        ),
        pytest.param(
            "---\npublished: '2024-03-05T10:30:00Z'\n---\nB",
            {"published": dt.date(2024, 3, 5)},
            "B",
            None,
            id="iso-string",
        ),
        pytest.param(
            "---\ntitle: 1984\nauthor: A\ntags: [x]\n---\nB",
            {"title": "1984"},
            "B",
            "unknown front matter keys ignored: author, tags",
            id="unknown-keys",
        ),
        pytest.param(
            "---\ntitle: [unclosed\n---\nB\n",
            {},
            "B\n",
            "front matter is not valid YAML (",
            id="bad-yaml",
        ),
        pytest.param(
            "---\ntitle: T\npublished: 2024-13-45\n---\nB",
            {"title": "T"},
            "B",
            "front matter 'published' is not a date ('2024-13-45'",
            id="bad-yaml-date",
        ),
        pytest.param(
            "---\ntitle: T\npublished: not a date\n---\nB",
            {"title": "T"},
            "B",
            "front matter 'published' is not a date ('not a date'; write e.g. 2025-02-04,"
            " February 4, 2025, 4 Feb 2025 or 2025/02/04); ignored",
            id="published-not-a-date",
        ),
        pytest.param(
            "---\ntitle: T\nbody with no closing line\n",
            {},
            "---\ntitle: T\nbody with no closing line\n",
            "never closes",
            id="never-closes",
        ),
        pytest.param(
            "---\n- a\n- b\n---\nB",
            {},
            "B",
            "front matter is a list, not a mapping of keys; ignored",
            id="not-a-mapping",
        ),
        pytest.param("---\n---\nB", {}, "B", None, id="empty-front-matter"),
        pytest.param("---\ntitle: T\n---", {"title": "T"}, "", None, id="closes-at-eof"),
        pytest.param("--- \ntitle: T\n---\nB", {}, "--- \ntitle: T\n---\nB", None, id="not-exact"),
        pytest.param("\n---\ntitle: T\n---\nB", {}, "\n---\ntitle: T\n---\nB", None, id="line-2"),
        pytest.param(
            "---\ntitle: T\n----\n--- \n---\nB\n---\nC",
            {},
            "B\n---\nC",
            "not valid YAML",
            id="first-exact-closing-line",
        ),
    ],
)
def test_split_front_matter(
    text: str, meta: dict[str, object], body: str, warning: str | None
) -> None:
    got_meta, got_body, warnings = split_front_matter(text)
    assert got_meta == meta
    assert got_body == body
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert warning in warning_text(warnings[0])
        assert "\n" not in warning_text(warnings[0])


def test_bad_yaml_warning_names_the_problem_and_line() -> None:
    _, _, warnings = split_front_matter("---\ntitle: ok\nurl: [x\n---\nB")
    # The problem's wording is PyYAML's (libyaml and the pure-Python loader differ).
    assert len(warnings) == 1
    assert re.fullmatch(
        r"front matter is not valid YAML \(.*',' or '\]'.* on line 4\); ignored",
        warning_text(warnings[0]),
    )
    assert (warnings[0].code, warnings[0].line) == ("front_matter_invalid", 4)


def test_document_gets_front_matter_fields_and_offsets(tmp_path: Path) -> None:
    raw = (GOOD + "Officials said 40 people were hurt.\n").replace("\n", "\r\n").encode()
    doc = read_one(tmp_path, raw, "story.md")
    assert (doc.title, doc.outlet, doc.url, doc.published) == (
        "Attack on X",
        "Daily",
        "https://e.x/1",
        dt.date(2024, 3, 5),
    )
    assert doc.body == "Officials said 40 people were hurt.\n"
    start = doc.body.index("40")
    assert doc.body[start : start + 2] == "40"
    # The body starts right after the closing line of the normalized text.
    text = raw.decode().replace("\r\n", "\n")
    assert text[text.index("\n---\n") + len("\n---\n") :] == doc.body
    assert doc.warnings == ()


def test_document_collects_decoding_and_front_matter_warnings(tmp_path: Path) -> None:
    doc = read_one(tmp_path, b"---\npublished: soon\nextra: 1\n---\ncaf\xe9\n")
    assert doc.published is None
    assert doc.body == "café\n"
    assert warning_text(doc.warnings[0]) == "not valid UTF-8; decoded as cp1252"
    assert [warning_text(w).split(" ")[0:3] for w in doc.warnings[1:]] == [
        ["unknown", "front", "matter"],
        ["front", "matter", "'published'"],
    ]


def test_front_matter_after_utf8_bom(tmp_path: Path) -> None:
    doc = read_one(tmp_path, codecs.BOM_UTF8 + b"---\ntitle: T\n---\nB\n")
    assert (doc.title, doc.body, doc.encoding) == ("T", "B\n", "utf-8-sig")
