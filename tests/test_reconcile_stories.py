"""End to end on invented one-sentence articles (``fixtures/reconcile/``, one story per
folder): what the report must say about a fire, a rising toll and a crowd."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run
from paths import ROOT

from claimrec.models import Graph

STORIES = ROOT / "fixtures" / "reconcile"


def build(tmp_path: Path, *options: str) -> Graph:
    out = tmp_path / "g.json"
    result = run("build", str(STORIES), "-o", str(out), *options)
    assert result.exit_code == 0, result.output
    return Graph.model_validate_json(out.read_text(encoding="utf-8"))


def statuses(graph: Graph, story: str | None) -> list[str]:
    return sorted(f.status for f in graph.facts if f.key.story == story and f.key.type == "count")


def test_folders_are_stories(tmp_path: Path, nlp) -> None:
    graph = build(tmp_path)
    assert {d.story for d in graph.documents} == {"crowd", "fire", "toll"}
    assert all(f.key.story in {"crowd", "fire", "toll"} for f in graph.facts)


def test_three_articles_on_one_fire_give_one_conflict(tmp_path: Path, nlp) -> None:
    graph = build(tmp_path)
    assert statuses(graph, "fire") == ["conflict"]
    report = run("report", str(tmp_path / "g.json"), "--story", "fire").stdout
    assert "Stories compared: 3, each on its own" in " ".join(report.split())


def test_a_rising_toll_from_one_agency_is_updated(tmp_path: Path, nlp) -> None:
    graph = build(tmp_path)
    assert statuses(graph, "toll") == ["updated"]


def test_exceeded_and_a_higher_figure_are_consistent(tmp_path: Path, nlp) -> None:
    graph = build(tmp_path)
    assert statuses(graph, "crowd") == ["consistent"]


def test_one_story_for_everything(tmp_path: Path, nlp) -> None:
    graph = build(tmp_path, "--stories", "one")
    assert {d.story for d in graph.documents} == {None}
    deaths = [f for f in graph.facts if f.key.measure == "deaths"]
    assert {f.key.story for f in deaths} == {None}
    # one story, yet the fire's deaths (stated for the factory) and the floods' stay two
    # questions: a count stated for a place is scoped by it
    assert sorted(len(f.claims) for f in deaths) == [2, 3]


def test_a_window_of_days_turns_the_timeline_into_a_conflict(tmp_path: Path, nlp) -> None:
    graph = build(tmp_path, "--window", "3")
    assert statuses(graph, "toll") == ["updated"]  # one voice: a revision, never a conflict
    data = json.loads(run("report", str(tmp_path / "g.json"), "--format", "json").stdout)
    assert [c["question"]["story"] for c in data["conflicts"]] == ["fire"]


@pytest.mark.parametrize(
    ("args", "contains"),
    [(["--stories", "some"], "--stories"), (["--window", "-1"], "--window")],
)
def test_bad_story_options_are_usage_errors(args: list[str], contains: str) -> None:
    result = run("build", str(STORIES), *args)
    assert result.exit_code == 2
    assert contains in result.output
