"""The command line end to end: exact exit codes, one-line errors, outputs written whole."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from clirun import one_error_line, run
from paths import ROOT, SEEDS

from claimrec.cli import app
from claimrec.models import Graph


def test_build_writes_a_valid_graph(tmp_path: Path, nlp) -> None:
    out = tmp_path / "g.json"
    result = run("build", str(SEEDS), "-o", str(out))
    assert result.exit_code == 0, result.output
    graph = Graph.model_validate_json(out.read_text(encoding="utf-8"))
    assert [d.id for d in graph.documents] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert graph.claims and graph.facts and graph.entities and graph.edges


def test_build_to_stdout_is_the_same_json(tmp_path: Path, nlp) -> None:
    out = tmp_path / "g.json"
    assert run("build", str(SEEDS), "-o", str(out)).exit_code == 0
    result = run("build", str(SEEDS))
    assert result.exit_code == 0
    assert result.stdout == out.read_text(encoding="utf-8")


def test_graph_validates_against_the_printed_schema(tmp_path: Path, nlp) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run("schema").stdout)
    out = tmp_path / "g.json"
    run("build", str(SEEDS), "-o", str(out))
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema)


def test_schema_names_the_contract_fields() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert set(schema["properties"]) >= {
        "schema_version",
        "generator",
        "documents",
        "entities",
        "claims",
        "facts",
        "edges",
    }
    claim = schema["$defs"]["Claim"]["properties"]
    assert set(claim) >= {
        "id",
        "doc",
        "type",
        "subject",
        "predicate",
        "value",
        "location",
        "time",
        "source",
        "source_text",
        "modality",
        "confidence",
        "evidence",
    }


def test_missing_path(tmp_path: Path) -> None:
    one_error_line(run("build", str(tmp_path / "nope")), contains="no such file or folder")


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    one_error_line(run("build", str(tmp_path)), contains="no articles (.txt, .md")


def test_bad_config_yaml(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("units: [unclosed\n")
    one_error_line(run("build", str(SEEDS), "--config", str(config)), contains="not valid YAML")


def test_unknown_config_key(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("unitz:\n  robot: {class: robots}\n")
    one_error_line(run("build", str(SEEDS), "--config", str(config)), contains="unitz")


def test_missing_config(tmp_path: Path) -> None:
    one_error_line(
        run("build", str(SEEDS), "--config", str(tmp_path / "none.yaml")), contains="not found"
    )


def test_unknown_model() -> None:
    one_error_line(run("build", str(SEEDS), "--model", "xx_no_such_model"), contains="install")


def test_output_into_missing_folder(tmp_path: Path, nlp) -> None:
    target = tmp_path / "missing" / "g.json"
    one_error_line(run("build", str(SEEDS), "-o", str(target)), contains="does not exist")
    assert not target.parent.exists()


def test_failed_build_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    out.write_text("previous")
    one_error_line(run("build", str(tmp_path / "nope"), "-o", str(out)), contains="no such")
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_config_extends_the_lexicon(tmp_path: Path, nlp) -> None:
    (tmp_path / "a.txt").write_text("Officials said 40 robots were deployed to the port.\n")
    before = json.loads(run("build", str(tmp_path)).stdout)
    config = tmp_path.parent / f"{tmp_path.name}-robots.yaml"
    config.write_text("units:\n  robot: {class: robots}\n")
    after = json.loads(run("build", str(tmp_path), "--config", str(config)).stdout)
    assert not [c for c in before["claims"] if c["type"] == "count"]
    counts = [c for c in after["claims"] if c["type"] == "count"]
    assert [(c["value"]["low"], c["value"]["unit"]) for c in counts] == [(40, "robots")]
    assert before["generator"]["lexicon"] != after["generator"]["lexicon"]


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"build", "report", "diff", "schema"} <= set(commands)
    for name in commands:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout
        assert re.search(rf"claimrec {name}\b", readme), f"README does not show `claimrec {name}`"


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "claimrec", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("claimrec ")
