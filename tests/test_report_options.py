"""The report's options: importance order, filters, --all, stdin, width, and the sections
(stories, updates) an analyst reads; on a graph built by hand from invented articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from builders import claim, count, document, entity, exact
from clirun import one_error_line, runner

from claimrec.cli import app
from claimrec.lexicon import Lexicon
from claimrec.models import Claim, Generator, Graph
from claimrec.reconcile import reconcile
from claimrec.render.explain import explanation
from claimrec.store import graph_json

D = dt.date
POLICE, HOSPITAL, UNION, AGENCY = (
    "ent:varn-police",
    "ent:saint-odile-hospital",
    "ent:textile-union",
    "ent:kestovan-agency",
)
ENTITIES = [
    entity(POLICE, "Varn police"),
    entity(HOSPITAL, "Saint Odile hospital"),
    entity(UNION, "textile union"),
    entity(AGENCY, "Kestovan agency"),
]


def killed(cid: str, n: int | None, doc: str, source: str, *, low: int | None = None) -> Claim:
    value = exact(n, unit="people") if n is not None else count(low, None, unit="people")
    return claim(cid, value, doc=doc, source=source, predicate="killed", subject=None)


def injured(cid: str, n: int, doc: str, source: str) -> Claim:
    value = exact(n, unit="people")
    return claim(cid, value, doc=doc, source=source, predicate="injured", subject=None)


def graph(lexicon: Lexicon) -> Graph:
    documents = [
        document("fire/a", D(2025, 3, 4)),
        document("fire/b", D(2025, 3, 4)),
        document("fire/c", D(2025, 3, 6)),
        document("flood/d", D(2025, 3, 4)),
        document("flood/e", D(2025, 3, 4)),
    ]
    documents = [d.model_copy(update={"story": d.id.split("/")[0]}) for d in documents]
    claims = [
        killed("c1", 12, "fire/a", POLICE),
        killed("c2", 17, "fire/b", HOSPITAL),
        killed("c3", None, "fire/c", UNION, low=20),
        injured("c4", 30, "fire/a", POLICE),
        killed("c5", 3, "flood/d", AGENCY),
        killed("c6", 900, "flood/e", UNION),
        injured("c7", 8, "flood/d", AGENCY),
        injured("c8", 11, "flood/e", AGENCY),
    ]
    result = reconcile(claims, documents=documents, entities=ENTITIES, lexicon=lexicon)
    names = {e.id: e.name for e in ENTITIES}
    facts = [f.model_copy(update={"explanation": explanation(f, names)}) for f in result.facts]
    return Graph(
        generator=Generator(version="0", model="test", lexicon="0"),
        documents=documents,
        entities=ENTITIES,
        claims=claims,
        facts=facts,
        edges=result.edges,
    )


@pytest.fixture()
def graph_file(tmp_path: Path, lexicon: Lexicon) -> Path:
    path = tmp_path / "graph.json"
    path.write_text(graph_json(graph(lexicon)), encoding="utf-8")
    return path


def report(*args: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, ["report", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_conflicts_most_important_first(graph_file: Path) -> None:
    data = json.loads(report(str(graph_file), "--format", "json"))
    spreads = [(c["independent_sources"], c["spread"]) for c in data["conflicts"]]
    assert spreads == sorted(spreads, reverse=True)
    # the fire's toll has three voices; the flood's (3 vs 900) two, however wide the gap
    assert [c["question"]["story"] for c in data["conflicts"]] == ["fire", "flood"]


def test_the_report_says_which_stories_were_compared(graph_file: Path) -> None:
    out = report(str(graph_file))
    assert "Stories compared: 2, each on its own: fire (3 documents), flood (2 documents)." in (
        " ".join(out.split())
    )


def test_updated_facts_read_as_a_timeline(graph_file: Path) -> None:
    out = " ".join(report(str(graph_file), "--story", "flood").split())
    assert "Updated over time: 1 fact" in out
    assert (
        "[flood] Injured: how many (injured)? revised up from 8 (Tue 4 Mar 2025, Kestovan "
        "agency) to 11 (Tue 4 Mar 2025, Kestovan agency)"
    ) in out
    assert "Consistent across" not in out  # different values are never agreement


@pytest.mark.parametrize(
    ("args", "stories"),
    [
        (["--story", "fire"], {"fire"}),
        (["--story", "FLOOD"], {"flood"}),
        (["--source", "hospital"], {"fire"}),
        (["--source", "kestovan"], {"flood"}),
        (["--source", "nobody"], set()),
    ],
)
def test_filters(graph_file: Path, args: list[str], stories: set[str]) -> None:
    data = json.loads(report(str(graph_file), "--format", "json", *args))
    assert {c["question"]["story"] for c in data["conflicts"]} == stories


def test_fact_filter_shows_one_fact(graph_file: Path) -> None:
    first = json.loads(report(str(graph_file), "--format", "json"))["conflicts"][0]["fact"]
    data = json.loads(report(str(graph_file), "--format", "json", "--fact", first))
    assert [c["fact"] for c in data["conflicts"]] == [first]


def test_all_lists_single_claim_facts(graph_file: Path) -> None:
    plain = json.loads(report(str(graph_file), "--format", "json"))
    everything = json.loads(report(str(graph_file), "--format", "json", "--all"))
    assert plain["singles"] == []
    assert [s["value"] for s in everything["singles"]] == ["30"]
    assert "Stated once: 1 fact" in report(str(graph_file), "--all")


def test_report_reads_the_graph_from_stdin(graph_file: Path) -> None:
    text = graph_file.read_text(encoding="utf-8")
    assert report("-", stdin=text) == report(str(graph_file))


def test_stdin_that_is_not_a_graph_is_one_error_line() -> None:
    result = runner.invoke(app, ["report", "-"], input="not json")
    one_error_line(result, contains="<stdin>")


def test_lines_wrap_within_100_columns(graph_file: Path) -> None:
    result = runner.invoke(app, ["report", str(graph_file)], env={"COLUMNS": "300"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
