"""Bad input never crashes claimrec and never loses data.

``fixtures/bad/`` holds one file per awkward document (encodings, line endings, binary,
markup, duplicates, broken front matter, number forms); ``make_bad_corpus`` copies it and
adds what cannot be committed (a 50 MB line, 100,000 numbers, a chmod 000 file, a symlink
loop, a sparse 65 MiB file). The build of that corpus must exit 0, write a graph valid
against ``claimrec schema``, and account for every file: read (with a warning when
something was odd) or skipped with a reason. Then every config, graph and output mistake
gets one line on stderr and exit code 2, an interrupted build leaves the previous output
intact, and random text never makes ``build`` raise or lose determinism.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from clirun import one_error_line, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import FIXTURES, SEEDS

from claimrec import read, store
from claimrec.errors import OutputError
from claimrec.models import Graph, GraphDocument
from claimrec.pipeline import build
from claimrec.read import read_corpus, read_document
from claimrec.render.notes import skip_text, warning_text
from claimrec.store import graph_json, write_atomic

BAD = FIXTURES / "bad"
IS_ROOT = os.geteuid() == 0
"""The whole bad corpus, 50 MB line and 100,000 numbers included, builds within this."""
ARTICLE = "The Velmora coast guard said 55 passengers were rescued near Port Maren.\n"


@cache
def graph_schema() -> dict:
    result = run("schema")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def assert_valid(text: str) -> Graph:
    """Valid against ``claimrec schema`` and as a ``Graph``."""
    jsonschema.validate(json.loads(text), graph_schema())
    return Graph.model_validate_json(text)


# --------------------------------------------------------------------------- the corpus


def make_bad_corpus(tmp_path: Path, *, big: bool = True) -> Path:
    """``fixtures/bad/`` copied to ``tmp_path/bad``, plus the cases git cannot hold.

    ``big=False`` leaves out the 50 MB line and the 100,000 numbers, which take most of
    the build time; everything else is always added.
    """
    root = tmp_path / "bad"
    shutil.copytree(BAD, root, symlinks=True)
    if big:
        _write_big_single_line(root / "big_single_line.txt", 50_000_000)
        _write_many_numbers(root / "many_numbers.txt", 100_000)
    with (root / "too_large.txt").open("wb") as handle:  # sparse: no disk space used
        handle.truncate(read.MAX_BYTES + 2**20)
    unreadable = root / "unreadable.txt"
    unreadable.write_text(ARTICLE, encoding="utf-8")
    unreadable.chmod(0)
    (root / "broken_link.txt").symlink_to(root / "no_such_article.txt")
    loop = root / "loop"
    loop.mkdir()
    (loop / "article.txt").write_text(ARTICLE.replace("55", "65"), encoding="utf-8")
    (loop / "self").symlink_to(".", target_is_directory=True)
    (loop / "parent").symlink_to("..", target_is_directory=True)
    (root / "empty_folder").mkdir()
    return root


def _write_big_single_line(path: Path, size: int) -> None:
    """``size`` bytes of news sentences, all on one line: a scraped page without newlines."""
    sentence = (
        "Officials in Velmora said {n} residents were evacuated from the coast on day {d} of "
        "the storm. The weather service warned that more rain would fall near Port Maren. "
    )
    written = 0
    with path.open("w", encoding="ascii", newline="") as handle:
        for i in range(size):
            text = sentence.format(n=100 + i % 900, d=i)[: size - written]
            handle.write(text)
            written += len(text)
            if written >= size:
                break


def _write_many_numbers(path: Path, count: int) -> None:
    """``count`` numbers, ten per line, comma separated: a table saved as text."""
    with path.open("w", encoding="ascii") as handle:
        for start in range(0, count, 10):
            handle.write(", ".join(str(n) for n in range(start, start + 10)) + "\n")


# What happens to every file of the corpus (big ones aside): skipped with this reason, or
# read with warnings containing these texts (an empty tuple: read without a warning).
SKIPPED: dict[str, str] = {
    "empty": "empty",
    "whitespace_only": "whitespace only",
    "image_renamed": "binary (NUL bytes)",
    "too_large": "too large: 65.0 MiB > 64 MiB limit",
    "broken_link": "broken symlink: target does not exist",
}
READ: dict[str, tuple[str, ...]] = {
    "latin1": ("not valid UTF-8; decoded as cp1252",),
    "cp1252": ("not valid UTF-8; decoded as cp1252",),
    "mixed_utf8_latin1": ("not valid UTF-8 in 2 byte(s); those bytes decoded as cp1252",),
    "utf8_bom": (),
    "utf16_le_bom": (),
    "utf16_be_no_bom": ("no byte-order mark; decoded as utf-16-be",),
    "crlf": (),
    "cr_only": (),
    "html_page": (),
    "wire_ferry": (),
    "wire_ferry_reprint": (),
    "frontmatter_bad_yaml": ("front matter is not valid YAML", "on line 5", "ignored"),
    "frontmatter_unknown_keys": ("unknown front matter keys ignored: author, tags",),
    "frontmatter_bad_date": ("front matter 'published' is not a date ('last Tuesday'",),
    "frontmatter_unclosed": ("front matter opened by '---' on line 1 never closes",),
    "numbers": (),
    "loop/article": (),
}
if IS_ROOT:
    READ["unreadable"] = ()  # root reads a chmod 000 file like any other
else:
    SKIPPED["unreadable"] = "unreadable: permission denied"

# Counts each read document must yield, as (low, high): proof its text was found.
COUNTS: dict[str, set[tuple[int | None, int | None]]] = {
    "latin1": {(240, 240)},
    "cp1252": {(85, None)},
    "mixed_utf8_latin1": {(60, 60)},
    "utf8_bom": {(3200, 3200)},
    "utf16_le_bom": {(1100, 1100)},
    "utf16_be_no_bom": {(1150, 1150)},
    "crlf": {(300, 300)},
    "cr_only": {(450, 450)},
    "html_page": {(1240, 1240), (12, None)},
    "wire_ferry": {(37, None)},
    "wire_ferry_reprint": {(37, None)},
    "frontmatter_bad_yaml": {(90, 90)},
    "frontmatter_unknown_keys": {(75, 75)},
    "frontmatter_bad_date": {(520, 520)},
    "frontmatter_unclosed": {(130, 130)},
    "loop/article": {(65, 65)},
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory, nlp):
    """``claimrec build`` of the bad corpus without its two big files, through the CLI."""
    tmp = tmp_path_factory.mktemp("bad")
    root = make_bad_corpus(tmp, big=False)
    out = tmp / "bad.graph.json"
    result = run("build", "--no-cache", str(root), "-o", str(out))
    return root, out, result


@pytest.fixture(scope="module")
def bad_graph(bad_build) -> Graph:
    _, out, result = bad_build
    assert result.exit_code == 0, result.output
    return assert_valid(out.read_text(encoding="utf-8"))


def documents(graph: Graph) -> dict[str, GraphDocument]:
    return {d.id: d for d in graph.documents}


def counts_of(graph: Graph, doc: str) -> set[tuple[int | None, int | None]]:
    return {
        (c.value.low, c.value.high)  # type: ignore[union-attr]
        for c in graph.claims
        if c.doc == doc and c.type == "count"
    }


def test_bad_corpus_builds_a_valid_graph(bad_build) -> None:
    _, out, result = bad_build
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert_valid(out.read_text(encoding="utf-8"))


def test_every_file_is_read_or_skipped_with_its_reason(bad_graph: Graph) -> None:
    docs = documents(bad_graph)
    assert set(docs) == set(SKIPPED) | set(READ), "a file was lost or found twice"
    assert {i: skip_text(d.skipped) for i, d in docs.items() if d.skipped} == SKIPPED
    for doc_id, expected in READ.items():
        warnings = " | ".join(warning_text(w) for w in docs[doc_id].warnings)
        assert docs[doc_id].skipped is None
        assert all(part in warnings for part in expected), (doc_id, warnings)
        assert bool(expected) == bool(warnings), (doc_id, warnings)


def test_the_readme_of_the_fixtures_is_not_an_article() -> None:
    """The folder's README must not be read as one more article (see its first lines)."""
    assert (BAD / "README.markdown").exists()
    assert not read._is_article_name("README.markdown")


def test_skipped_documents_have_no_claims(bad_graph: Graph) -> None:
    skipped = {d.id for d in bad_graph.documents if d.skipped}
    assert not [c.id for c in bad_graph.claims if c.doc in skipped]
    assert all(d.claims == 0 for d in bad_graph.documents if d.skipped)


@pytest.mark.parametrize("doc", sorted(COUNTS))
def test_read_documents_yield_their_counts(bad_graph: Graph, doc: str) -> None:
    assert COUNTS[doc] <= counts_of(bad_graph, doc)


def test_decoding_keeps_every_letter(bad_graph: Graph) -> None:
    sentences: dict[str, str] = {}
    for claim in bad_graph.claims:
        sentences[claim.doc] = sentences.get(claim.doc, "") + claim.evidence.sentence
    assert "Zürich-based relief group Médecins Alpins" in sentences["latin1"]
    assert "Sëlvik" in sentences["latin1"]
    assert "“at least 85 people”" in sentences["cp1252"]
    assert "Volunteers from Zürich" in sentences["mixed_utf8_latin1"]
    names = {alias for e in bad_graph.entities for alias in e.aliases}
    assert "José Arnáez" in names  # the two stray Latin-1 bytes, read as cp1252


def test_front_matter_fields_survive_a_byte_order_mark_and_unknown_keys(bad_graph) -> None:
    docs = documents(bad_graph)
    assert (docs["utf8_bom"].title, str(docs["utf8_bom"].published)) == (
        "Storm Idris closes Velmora schools",
        "2025-03-13",
    )
    assert (
        docs["frontmatter_unknown_keys"].outlet,
        str(docs["frontmatter_unknown_keys"].published),
    ) == (
        "Island Post",
        "2025-03-14",
    )
    assert docs["frontmatter_bad_date"].published is None
    assert docs["frontmatter_bad_date"].outlet == "Velmora Daily"
    assert docs["frontmatter_bad_yaml"].title is None
    assert docs["frontmatter_unclosed"].title is None


def test_evidence_offsets_point_into_the_body_as_read(bad_build, bad_graph: Graph) -> None:
    """CRLF, lone CR, BOMs, UTF-16 and markup: every quote is exactly body[start:end]."""
    root = bad_build[0]
    paths = {d.id: d.path for d in bad_graph.documents}
    bodies = {}
    for claim in bad_graph.claims:
        if claim.doc not in bodies:
            bodies[claim.doc] = read_document(root / paths[claim.doc], root=root).body
        evidence = claim.evidence
        assert bodies[claim.doc][evidence.start : evidence.end] == evidence.quote, claim.id


# ------------------------------------------------------------------------------- markup

MARKUP_NUMBERS = {48213, 650, 7000, 5000, 100, 3000, 900, 2000, 1500, 1200}


def test_markup_numbers_are_never_claims(bad_graph: Graph) -> None:
    """Numbers in tags, attributes, a script, a style sheet and a comment are not counts."""
    values = {v for pair in counts_of(bad_graph, "html_page") for v in pair if v is not None}
    assert values == {1240, 12}
    assert not values & MARKUP_NUMBERS


def test_a_quote_across_markup_is_still_the_exact_body_slice(bad_graph: Graph) -> None:
    """Decision: tags are blanked for parsing, but a quote stays ``body[start:end]`` (SPEC),
    so a count whose words straddle a tag quotes the tag too; no number inside a tag is a
    claim (see above)."""
    body = (BAD / "html_page.txt").read_text(encoding="utf-8")
    for claim in (c for c in bad_graph.claims if c.doc == "html_page"):
        assert body[claim.evidence.start : claim.evidence.end] == claim.evidence.quote


def test_masked_tags_leave_no_runs_of_spaces_in_sources(bad_graph: Graph) -> None:
    sources = [c.source_text for c in bad_graph.claims if c.doc == "html_page" and c.source_text]
    assert sources and not [s for s in sources if s != " ".join(s.split())]


# ---------------------------------------------------------------------------- duplicates


def test_a_reprint_is_kept_but_counts_as_one_independent_source(bad_graph: Graph) -> None:
    """Both copies are documents with claims; the second is ``copy_of`` the first (MinHash
    of word 5-grams, estimated Jaccard >= 0.8); their claims share each fact value, and a
    fact holding only the two copies' unattributed claims has one independent source."""
    docs = documents(bad_graph)
    assert docs["wire_ferry"].copy_of is None
    assert docs["wire_ferry_reprint"].copy_of == "wire_ferry"
    assert docs["wire_ferry"].claims == docs["wire_ferry_reprint"].claims > 0
    pair = {"wire_ferry", "wire_ferry_reprint"}
    doc_of = {c.id: c.doc for c in bad_graph.claims}
    shared = [f for f in bad_graph.facts if {doc_of[c] for c in f.claims} == pair]
    assert shared, "the copies' claims should meet in facts"
    for fact in shared:
        assert fact.status == "consistent"
        assert fact.independent_sources == 1, fact.id
        # every value (a place fact may hold several) comes from both copies
        assert fact.values and all(set(v.documents) == pair for v in fact.values), fact.id


# ------------------------------------------------------------------------------ numbers

# Each number form, by the words of its sentence in numbers.txt, and the count it gives:
# (low, high, approximate, vague), or None for no count at all.
NUMBER_FORMS: list = [
    ("1,00,000 residents", (100_000, 100_000, False, False)),  # Indian grouping
    ("10.000 people", (10_000, 10_000, False, False)),  # European thousands
    ("1.5 million people", (1_500_000, 1_500_000, False, False)),
    ("a few thousand refugees", (2_000, 9_999, True, True)),
    ("dozens of soldiers", (24, 99, True, True)),
    ("hundreds of civilians", (200, 999, True, True)),
    ("\u0661\u0662\u0660 soldiers", (120, 120, False, False)),  # Arabic-Indic digits
    ("\uff11\uff14\uff10 soldiers", (140, 140, False, False)),  # full-width digits
    ("-5 soldiers", None),  # negative: not a count
    ("0 passengers", None),  # zero: not a count
    # Absurd but well formed: above the lexicon's max_count (10 billion), so no claim.
    ("1,000,000,000,000,000 troops", None),
    ("10k protesters", (10_000, 10_000, False, False)),
    ("12\u2009000 protesters", (12_000, 12_000, False, False)),
    ("13\u00a0000 residents", (13_000, 13_000, False, False)),
    ("10^15 troops", None),  # a power: neither side is a count
]


@pytest.mark.parametrize(("words", "expected"), NUMBER_FORMS)
def test_number_forms_in_articles(bad_graph: Graph, words: str, expected) -> None:
    found = [
        (c.value.low, c.value.high, c.value.approximate, c.value.vague)  # type: ignore[union-attr]
        for c in bad_graph.claims
        if c.doc == "numbers" and c.type == "count" and words in c.evidence.sentence
    ]
    assert found == ([expected] if expected else [])


def test_number_forms_are_not_dates(bad_graph: Graph) -> None:
    dates = [c.evidence.quote for c in bad_graph.claims if c.doc == "numbers" and c.type == "date"]
    assert not [q for q in dates if re.fullmatch(r"[\d.,]+k?", q)]


# ------------------------------------------------------------------------------ reports


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_report_summary_counts_the_skipped(bad_build, bad_graph: Graph, format: str) -> None:
    skipped = sum(1 for d in bad_graph.documents if d.skipped)
    result = run("report", str(bad_build[1]), "--format", format)
    assert result.exit_code == 0, result.output
    summary = " ".join(result.stdout.split())
    read_docs = len(bad_graph.documents) - skipped
    assert f"Read {read_docs} documents ({skipped} skipped)" in summary


def test_build_names_each_skipped_or_odd_file_on_stderr(bad_build, bad_graph: Graph) -> None:
    stderr = bad_build[2].stderr
    for doc in bad_graph.documents:
        if doc.skipped or doc.warnings:
            assert doc.path in stderr, doc.path


def test_a_corpus_of_only_bad_files_builds_an_empty_graph(tmp_path: Path, nlp) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.md").write_bytes(b" \r\n\t")
    (tmp_path / "img.txt").write_bytes((BAD / "image_renamed.txt").read_bytes())
    out = tmp_path.parent / f"{tmp_path.name}.json"
    result = run("build", "--no-cache", str(tmp_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    graph = assert_valid(out.read_text(encoding="utf-8"))
    assert (len(graph.documents), graph.claims, graph.facts) == (3, [], [])
    report = run("report", str(out))
    assert report.exit_code == 0
    assert "Read 0 documents (3 skipped)" in " ".join(report.stdout.split())


# -------------------------------------------------------------------------- big inputs


def test_big_documents_build(tmp_path: Path) -> None:
    """A 50 MB one-line article and 100,000 numbers build and are cut with a warning. How
    fast is measured in bench/, not here: a loaded machine must not fail the test."""
    root = make_bad_corpus(tmp_path, big=True)
    out = tmp_path / "g.json"
    result = subprocess.run(
        [sys.executable, "-m", "claimrec", "build", "--no-cache", str(root), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    graph = assert_valid(out.read_text(encoding="utf-8"))
    docs = documents(graph)
    big = docs["big_single_line"]
    assert big.skipped is None and big.claims > 0
    assert [w.code for w in big.warnings] == ["truncated"], big.warnings
    assert "characters" in warning_text(big.warnings[0])
    assert docs["many_numbers"].skipped is None
    assert counts_of(graph, "many_numbers") == set()


# ------------------------------------------------------------------- graphs: report, diff


@pytest.fixture(scope="module")
def graph_text(seeds_graph: Graph) -> str:
    return graph_json(seeds_graph)


def bad_graph_files(folder: Path, graph_text: str) -> dict[str, tuple[Path, str]]:
    """A file for each kind of unusable graph, and the words its error line must contain."""
    data = json.loads(graph_text)
    files: dict[str, tuple[bytes | str, str]] = {
        "empty file": ("", "is not valid JSON"),
        "not JSON": ("claims, facts and all\n", "is not valid JSON"),
        "binary": ((BAD / "image_renamed.txt").read_bytes(), "cannot read graph file"),
        "another JSON object": ('{"a": 1}', "not a claim graph"),
        "a JSON list": ("[1, 2, 3]", "not a claim graph"),
        "a JSON number": ("42", "not a claim graph"),
        "JSON null": ("null", "not a claim graph"),
        "nested too deeply": ("[" * 100_000, "nested too deeply"),
        "unknown schema_version": (
            json.dumps({**data, "schema_version": "9.0"}),
            "has schema_version '9.0'; this claimrec reads 1.0, 1.1",
        ),
        "schema_version a number": (
            json.dumps({**data, "schema_version": 1}),
            "has schema_version 1;",
        ),
        "truncated": (graph_text[: len(graph_text) // 2], "was the file truncated?"),
        "wrong field type": (
            json.dumps({**data, "claims": {"a": 1}}),
            "is not a valid claim graph",
        ),
    }
    out = {}
    for number, (case, (content, message)) in enumerate(files.items()):
        path = folder / f"bad{number}.json"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        out[case] = (path, message)
    return out


GRAPH_CASES = [
    "empty file",
    "not JSON",
    "binary",
    "another JSON object",
    "a JSON list",
    "a JSON number",
    "JSON null",
    "nested too deeply",
    "unknown schema_version",
    "schema_version a number",
    "truncated",
    "wrong field type",
]


@pytest.mark.parametrize("case", GRAPH_CASES)
def test_report_rejects_an_unusable_graph(tmp_path: Path, graph_text: str, case: str) -> None:
    path, message = bad_graph_files(tmp_path, graph_text)[case]
    line = one_error_line(run("report", str(path)), contains=message)
    assert str(path) in line


@pytest.mark.parametrize("side", ["old", "new"])
@pytest.mark.parametrize("case", GRAPH_CASES)
def test_diff_rejects_an_unusable_graph(
    tmp_path: Path, graph_text: str, case: str, side: str
) -> None:
    path, message = bad_graph_files(tmp_path, graph_text)[case]
    good = tmp_path / "good.json"
    good.write_text(graph_text, encoding="utf-8")
    args = [str(path), str(good)] if side == "old" else [str(good), str(path)]
    line = one_error_line(run("diff", *args), contains=message)
    assert str(path) in line


def test_a_graph_saved_with_a_byte_order_mark_is_read(tmp_path: Path, graph_text: str) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + graph_text.encode("utf-8"))
    assert run("report", str(path)).exit_code == 0


# ------------------------------------------------------------------------------- config


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"- units\n- hedges\n", "must be a YAML mapping", id="a list"),
        pytest.param(b"units: 5\n", "input should be a valid dictionary at 'units'", id="type"),
        pytest.param(b"units:\n  robot: {class: r\xe9bots}\n", "cannot read config", id="latin-1"),
        pytest.param(b"units: {robot: {class: robots}\n", "not valid YAML", id="unclosed"),
        pytest.param(b"hedgez: {min: [loads]}\n", "hedgez", id="unknown key"),
    ],
)
@pytest.mark.parametrize("command", ["build", "diff"])
def test_bad_config_is_one_line(tmp_path: Path, content: bytes, message: str, command: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_bytes(content)
    paths = [str(SEEDS)] if command == "build" else [str(SEEDS), str(SEEDS)]
    line = one_error_line(run(command, *paths, "--config", str(config)), contains=message)
    assert str(config) in line


def test_config_that_is_a_folder(tmp_path: Path) -> None:
    one_error_line(run("build", str(SEEDS), "--config", str(tmp_path)), contains=str(tmp_path))


# ------------------------------------------------------------------------------- output


def test_output_into_a_read_only_place(nlp) -> None:
    """/proc takes no new files, even from root."""
    target = Path("/proc/claimrec.json")
    line = one_error_line(run("build", str(SEEDS), "-o", str(target)), contains=str(target))
    assert "choose a writable folder" in line
    assert not target.exists()


@pytest.mark.skipif(IS_ROOT, reason="root can write into a read-only folder")
def test_output_into_a_read_only_folder(tmp_path: Path, nlp) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        line = one_error_line(
            run("build", str(SEEDS), "-o", str(folder / "g.json")), contains="permission denied"
        )
    finally:
        folder.chmod(0o755)
    assert "choose a writable folder" in line
    assert list(folder.iterdir()) == []


def test_output_onto_a_folder(tmp_path: Path, nlp) -> None:
    one_error_line(run("build", str(SEEDS), "-o", str(tmp_path)), contains="Is a directory")
    assert [p.name for p in tmp_path.iterdir()] == []


def test_output_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    one_error_line(
        run("build", str(SEEDS), "-o", str(tmp_path / "notes.txt" / "g.json")),
        contains="is a file, not a folder",
    )


@pytest.mark.parametrize("when", ["writing", "renaming"])
def test_interrupted_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """Ctrl-C while the graph is written: the old file stays whole, no temporary is left."""
    out = tmp_path / "g.json"
    out.write_text("previous", encoding="utf-8")
    def half_then_interrupt(file: Path, *args, **kwargs):
        handle = open(file, *args, **kwargs)  # noqa: SIM115 (closed by write_atomic)
        real_write = handle.write

        def write(text: str) -> int:
            real_write(text[: len(text) // 2])
            handle.flush()
            raise KeyboardInterrupt

        handle.write = write  # type: ignore[method-assign]
        return handle

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    if when == "writing":
        monkeypatch.setattr(store, "open", half_then_interrupt, raising=False)
    else:
        monkeypatch.setattr(store.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, "new graph " * 1000)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_output_permissions_follow_the_umask_or_the_file_replaced(tmp_path: Path) -> None:
    """The temporary file is private (0600); the output must not stay so."""
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "x")
        (tmp_path / "old.json").write_text("previous")
        (tmp_path / "old.json").chmod(0o640)
        write_atomic(tmp_path / "old.json", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "old.json").stat().st_mode) == 0o640


def test_failed_write_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "g.json", "x")


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds 60 times under different names: many batches of documents, so a build
    is still extracting when the first batch reports."""
    folder = tmp_path_factory.mktemp("slow")
    for copy in range(60):
        for article in sorted(SEEDS.glob("*.txt")):
            shutil.copy(article, folder / f"c{copy:02d}_{article.name}")
    return folder


PROGRESS = re.compile(r"^claimrec: extracted (\d+)/(\d+) documents$")


def interrupt_build(corpus: Path, out: Path, signum: int) -> subprocess.CompletedProcess:
    """Start ``claimrec build corpus -o out --progress lines``, send ``signum`` once the
    first batch of documents is extracted (a readiness line, not a sleep), and wait. The
    stderr returned leaves out the progress lines."""
    command = [
        sys.executable, "-m", "claimrec", "build", "--no-cache", "--progress", "lines",
        str(corpus), "-o", str(out),
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        # A shell may start background jobs with SIGINT ignored; Ctrl-C must reach claimrec.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stderr is not None
    seen: list[str] = []
    for line in process.stderr:
        seen.append(line)
        progress = PROGRESS.match(line.strip())
        if progress and 0 < int(progress[1]) < int(progress[2]):
            break
    else:
        process.wait()
        raise AssertionError(f"the build ended before it could be interrupted: {seen}")
    process.send_signal(signum)
    stdout, stderr = process.communicate()
    rest = [line for line in stderr.splitlines(keepends=True) if not PROGRESS.match(line.strip())]
    return subprocess.CompletedProcess(command, process.returncode, stdout, "".join(rest))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_interrupted_build_keeps_the_previous_output(
    tmp_path: Path, slow_corpus: Path, signum: int
) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous graph\n", encoding="utf-8")
    result = interrupt_build(slow_corpus, out, signum)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "previous graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_interrupted_build_says_so(tmp_path: Path, slow_corpus: Path) -> None:
    result = interrupt_build(slow_corpus, tmp_path / "out.json", signal.SIGTERM)
    assert result.stderr.strip().splitlines() == ["claimrec: interrupted; no output was written"]


# --------------------------------------------------------------------------- properties

RANDOM_BUILDS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SOURCES = ["Officials", "The ministry", "Police", "Kyrylo Budanov", "A senior official", "It"]
HEDGES = ["", "at least ", "about ", "up to ", "nearly ", "more than ", "between 10 and "]
NUMBER_WORDS = [
    "dozens of",
    "a few thousand",
    "hundreds of",
    "ten thousand",
    "1.5 million",
    "10k",
    "12\u2009000",
    "1,00,000",
    "10.000",
    "\u0661\u0662\u0660",
    "a dozen",
    "0",
    "10^15",
]
NUMBERS = st.one_of(
    st.integers(-100, 10**7).map(str),
    st.integers(0, 10**7).map("{:,}".format),
    st.sampled_from(NUMBER_WORDS),
)
UNITS = ["troops", "people", "soldiers", "protesters", "civilians", "passengers", "trucks"]
PREDICATES = ["were deployed to", "were evacuated from", "were killed in", "marched in"]
PLACES = ["Kursk", "Port Maren", "Velmora", "the capital", "eastern Russia", "<b>Lund</b>"]
SENTENCES = st.builds(
    "{} said {}{} {} {} {} on {}.".format,
    st.sampled_from(SOURCES),
    st.sampled_from(HEDGES),
    NUMBERS,
    st.sampled_from(UNITS),
    st.sampled_from(PREDICATES),
    st.sampled_from(PLACES),
    st.sampled_from(["Monday", "March 3", "last fall", "2024-06-01", "day 1"]),
)
ARTICLES = st.lists(st.one_of(SENTENCES, st.text(max_size=30)), min_size=1, max_size=6).flatmap(
    lambda parts: st.sampled_from([" ", "\n", "\r\n", "\n\n"]).map(lambda sep: sep.join(parts))
)


def assert_builds_deterministically(tmp_path: Path, texts: list[str]) -> None:
    """``build`` never raises, gives the same bytes twice, a valid graph, every file
    accounted for, and every quote at its offsets in the body."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for number, text in enumerate(texts):
        (folder / f"doc{number}.txt").write_bytes(text.encode("utf-8"))
    first = graph_json(build([folder]))
    assert graph_json(build([folder])) == first
    graph = assert_valid(first)
    assert len(graph.documents) == len(texts)
    bodies = {d.id: d.body for d in read_corpus([folder]).documents}
    for claim in graph.claims:
        assert bodies[claim.doc][claim.evidence.start : claim.evidence.end] == claim.evidence.quote


@RANDOM_BUILDS
@given(texts=st.lists(st.text(), min_size=1, max_size=3))
def test_build_on_random_text(tmp_path: Path, nlp, texts: list[str]) -> None:
    assert_builds_deterministically(tmp_path, texts)


@RANDOM_BUILDS
@given(texts=st.lists(ARTICLES, min_size=1, max_size=3))
def test_build_on_random_articles(tmp_path: Path, nlp, texts: list[str]) -> None:
    assert_builds_deterministically(tmp_path, texts)
