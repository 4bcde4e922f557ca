"""The rough edges a newcomer hits: help, usage errors, the model name, `build --report`,
`lexicon`, diffs of folders and of edited sentences, and `make` on an old Python."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from clirun import one_error_line, run
from paths import ROOT, SEEDS

from claimrec.errors import InputError
from claimrec.lexicon import packaged_path

COMMANDS = ["build", "report", "diff", "schema", "lexicon"]

OLD_A = (
    "---\npublished: 2025-05-10\n---\n"
    "Police said 12,000 people attended the protest in Lunvale on Saturday, and 20 people "
    "were arrested.\nMayor Oskar Venn met the marchers outside the Lunvale Transit Authority.\n"
)
NEW_A = OLD_A.replace("12,000", "15,000").replace("20 people", "25 people")
B = (
    "---\npublished: 2025-05-10\n---\n"
    "Organisers said 40,000 people attended the protest in Lunvale on Saturday.\n"
    "Mayor Oskar Venn met the marchers outside the Lunvale Transit Authority.\n"
)


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def snapshots(tmp_path: Path) -> tuple[Path, Path]:
    old = write(tmp_path / "old", {"a.txt": OLD_A, "b.txt": B})
    new = write(tmp_path / "new", {"a.txt": NEW_A, "b.txt": B, "empty.txt": ""})
    return old, new


# ------------------------------------------------------------------------------ help


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_shows_flags_as_flags(command: str, flag: str) -> None:
    result = run(command, flag)
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.stdout
    assert "<bool>" not in result.stdout and "{" not in result.stdout.split("\n\n")[0]


def test_help_shows_arguments_in_capitals() -> None:
    out = run("build", "-h").stdout
    assert "PATHS..." in out and "{paths}" not in out
    assert "Article files or folders" in out  # arguments keep their help
    assert "OLD snapshot" in run("diff", "-h").stdout
    assert "--report " in out and "<bool>" not in out


def test_top_level_short_help() -> None:
    result = run("-h")
    assert result.exit_code == 0 and "build" in result.stdout


@pytest.mark.parametrize(
    ("args", "contains"),
    [
        (["build"], "missing argument 'PATHS...'"),
        (["build", ".", "--bogus"], "no such option"),
        (["build", ".", "-j", "0"], "invalid value for '--jobs'"),
        (["diff", "a.json", "b.json", "--format", "yaml"], "invalid value for '--format'"),
        (["diff", "a.json", "b.json", "--fail-on", "sometimes"], "invalid value for '--fail-on'"),
        (["report"], "missing argument"),
        (["buidl"], "no such command 'buidl'"),
    ],
)
def test_usage_error_is_one_line_and_exit_2(args: list[str], contains: str) -> None:
    line = one_error_line(run(*args), contains=contains)
    assert "--help" in line


def test_debug_shows_the_exception(tmp_path: Path) -> None:
    result = run("--debug", "build", str(tmp_path / "nope"))
    assert isinstance(result.exception, InputError)


# ----------------------------------------------------------------------------- model


def test_model_en_core_web_sm_works_with_the_pinned_package(tmp_path: Path, nlp) -> None:
    write(tmp_path / "a", {"a.txt": B})
    result = run("build", "--no-cache", "--model", "en_core_web_sm", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    default = run("build", "--no-cache", str(tmp_path / "a"))
    assert result.stdout == default.stdout


def test_missing_model_says_how_to_install_one(tmp_path: Path) -> None:
    write(tmp_path / "a", {"a.txt": B})
    line = one_error_line(
        run("build", "--no-cache", "--model", "xx_missing_pipeline", str(tmp_path / "a")),
        contains="'xx_missing_pipeline' is not installed",
    )
    assert "pip install" in line and "make test" not in line


# ------------------------------------------------------------------- build --report


def test_build_report_without_output_writes_a_named_graph_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp
) -> None:
    folder = write(tmp_path / "lunvale", {"a.txt": OLD_A, "b.txt": B})
    monkeypatch.chdir(tmp_path)
    result = run("build", str(folder), "--report")
    assert result.exit_code == 0, result.output
    assert "claimrec: graph written to lunvale.graph.json" in result.stderr
    graph = json.loads((tmp_path / "lunvale.graph.json").read_text(encoding="utf-8"))
    assert graph["schema_version"] and graph["claims"]
    assert "Contradiction report" in result.stdout and '"schema_version"' not in result.stdout


def test_build_report_with_output_uses_it(tmp_path: Path, monkeypatch, nlp) -> None:
    folder = write(tmp_path / "lunvale", {"a.txt": OLD_A})
    monkeypatch.chdir(tmp_path)
    result = run("build", str(folder), "--report", "-o", "mine.json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lunvale", "mine.json"]


# ---------------------------------------------------------------------------- lexicon


def test_lexicon_show_prints_the_packaged_path() -> None:
    result = run("lexicon", "--show")
    assert result.exit_code == 0
    path = Path(result.stdout.strip())
    assert path.name == "lexicon.yaml" and path.is_file()
    assert str(path) == packaged_path()


@pytest.mark.parametrize(
    ("config", "contains"),
    [
        ("synonym:\n  spy agency: intelligence agency\n", "unknown key 'synonym' (did you mean "),
        ("units:\n  robot: {clas: robots}\n", "unknown key 'units.robot.clas' (did you mean "),
        ("hedges:\n  zzz: [a]\n", "unknown key 'hedges.zzz'"),
        ("max_count: many\n", "at 'max_count'"),
    ],
)
def test_lexicon_errors_suggest_a_key_and_name_the_packaged_file(
    tmp_path: Path, config: str, contains: str
) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(config, encoding="utf-8")
    for args in (
        ["lexicon", "--config", str(path)],
        ["build", str(tmp_path), "--config", str(path)],
    ):
        line = one_error_line(run(*args), contains=contains)
        assert packaged_path() in line


def test_lexicon_suggestion_names_the_valid_key(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text("synonym:\n  a: b\n", encoding="utf-8")
    assert "did you mean 'synonyms'?" in run("lexicon", "--config", str(path)).stderr


# ------------------------------------------------------------------------------- diff


def test_diff_of_folders_prints_skips_and_fills_the_cache(
    tmp_path: Path, snapshots: tuple[Path, Path], nlp
) -> None:
    old, new = snapshots
    cache = tmp_path / "cache"
    args = ["diff", str(old), str(new), "--cache-dir", str(cache), "--jobs", "2"]
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert "claimrec: skipped empty.txt: empty" in first.stderr
    assert list(cache.rglob("*.json"))
    cached = {p: p.stat().st_mtime_ns for p in cache.rglob("*.json")}
    second = run(*args)
    assert second.stdout == first.stdout
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.json")} == cached


def test_diff_progress_lines(snapshots: tuple[Path, Path], nlp) -> None:
    old, new = snapshots
    result = run("diff", str(old), str(new), "--no-cache", "--progress", "lines")
    assert "claimrec: extracted 2/2 documents" in result.stderr
    assert "claimrec: extracted 3/3 documents" not in result.stderr  # empty.txt is skipped


def test_plain_diff_marks_old_and_new_once_per_sentence(snapshots: tuple[Path, Path], nlp) -> None:
    old, new = snapshots
    out = run("diff", str(old), str(new), "--no-cache").stdout
    lines = out.splitlines()
    olds = [line for line in lines if line.startswith("    - ")]
    news = [line for line in lines if line.startswith("    + ")]
    assert olds and news
    assert "12,000" in " ".join(olds) and "15,000" in " ".join(news)
    assert " ".join(olds).count("Police said") == 1  # one pair for the sentence's two figures
    assert " ".join(news).count("Police said") == 1
    assert sum(line.startswith("  ~ a ") for line in lines) >= 2


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("new-conflicts", 0), ("changed-conflicts", 1), ("any-change", 1), ("none", 0)],
)
def test_fail_on_changed_conflicts(
    snapshots: tuple[Path, Path], nlp, fail_on: str, code: int
) -> None:
    old, new = snapshots
    result = run("diff", str(old), str(new), "--no-cache", "--fail-on", fail_on)
    assert result.exit_code == code, result.output
    assert "Conflicts whose values changed" in result.stdout


def test_fail_on_changed_conflicts_passes_when_conflicts_keep_their_values(
    snapshots: tuple[Path, Path], nlp
) -> None:
    old, _ = snapshots
    result = run("diff", str(old), str(old), "--no-cache", "--fail-on", "changed-conflicts")
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------------------- make


def test_make_refuses_an_old_python_before_creating_the_venv(tmp_path: Path) -> None:
    old_python = tmp_path / "python3.9"
    old_python.write_text('#!/bin/sh\n[ "$1" = "--version" ] && echo "Python 3.9.2"\nexit 1\n')
    old_python.chmod(0o755)
    venv = tmp_path / "venv"
    result = subprocess.run(
        ["make", "-C", str(ROOT), f"PYTHON={old_python}", f"VENV={venv}", f"{venv}/.installed"],
        capture_output=True,
        text=True,
        env={**os.environ, "MAKEFLAGS": ""},
        check=False,
    )
    assert result.returncode != 0
    assert "claimrec needs Python 3.11 or newer" in result.stderr
    assert "Python 3.9.2" in result.stderr
    assert not venv.exists()


def test_readme_documents_make_clean_and_the_graph_contract() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make clean" in readme
    assert "docs/graph.md" in readme
    contract = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    for field in ("schema_version", "documents", "entities", "claims", "facts", "edges"):
        assert f"`{field}`" in contract


def test_diff_refuses_html(tmp_path: Path) -> None:
    """diff has no HTML rendering: asking for one is a usage error, not JSON in disguise."""
    graph = tmp_path / "g.json"
    assert run("build", str(SEEDS), "-o", str(graph)).exit_code == 0
    result = run("diff", str(graph), str(graph), "--format", "html")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimrec: error:")


def test_html_report_refuses_filters(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    assert run("build", str(SEEDS), "-o", str(graph)).exit_code == 0
    result = run(
        "report", str(graph), "--format", "html", "--fact", "fact:0", "-o", str(tmp_path / "r.html")
    )
    assert result.exit_code == 2
    assert "claimrec: error: the HTML report always holds every fact" in result.stderr
    assert not (tmp_path / "r.html").exists()
