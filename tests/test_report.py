"""Tests for the contradiction report: the model, the three renderers and the CLI.

The seeds tests go through ``claimrec report`` with typer's ``CliRunner`` on the
seeds graph (built once per session); the renderer itself is tested on small graphs
built in code, so it needs no spaCy. Golden files are rewritten by
``python -m tests.goldens`` (``make goldens``) and compared exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from goldens import GOLDENS, SEEDS, text_report
from rich.console import Console
from typer.testing import CliRunner

from claimrec.cli import app
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
    LocationValue,
    Reason,
)
from claimrec.render.report import (
    Report,
    TextReport,
    render_json,
    render_markdown,
    render_report,
    render_text,
    report_model,
)
from claimrec.store import graph_json

ANSI = re.compile(r"\x1b\[")
ENTITY_ID = re.compile(r"\bent:[\w-]")
runner = CliRunner()


def flat(text: str) -> str:
    """Rendered text with wrapping, indentation and quote gutters undone."""
    return " ".join(text.replace("│", " ").split())


def golden(name: str):
    return next(g for g in GOLDENS if g.name == name)


# ------------------------------------------------------------------ small graphs


def entity(id_: str, name: str, type_: str = "PERSON") -> Entity:
    return Entity(id=id_, name=name, type=type_, aliases=[name], mentions=1)


def claim(
    id_: str,
    doc: str,
    value: CountValue | LocationValue,
    quote: str,
    sentence: str,
    *,
    source: str | None = None,
    modality: str = "asserted",
    type_: str = "count",
) -> Claim:
    start = sentence.index(quote)
    return Claim(
        id=id_,
        doc=doc,
        type=type_,
        subject="ent:freedonia",
        predicate="deployed",
        value=value,
        source=source,
        modality=modality,
        confidence=0.9,
        evidence=Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence),
    )


def troops(low: int | None, high: int | None, *, approximate: bool = False) -> CountValue:
    return CountValue(low=low, high=high, approximate=approximate, unit="troops")


LONG = (
    "Defence minister Anna Berg told a crowded news conference in the capital on Monday "
    "evening that 5,000 troops had been sent to the Kursk region over the past month."
)
CLAIMS = [
    claim("clm:a", "a", troops(5000, 5000), "5,000 troops", LONG, source="ent:anna-berg"),
    claim(
        "clm:b",
        "b",
        troops(9000, None),
        "more than 9,000 soldiers",
        "- Officials say more than 9,000 soldiers *and* tanks | moved.",
        modality="reported",
    ),
    claim(
        "clm:c",
        "a",
        LocationValue(entity="ent:kursk"),
        "Kursk",
        "Troops were seen in Kursk.",
        source="ent:anna-berg",
        type_="location",
    ),
    claim(
        "clm:d",
        "b",
        LocationValue(entity="ent:kursk"),
        "Kursk",
        "Convoys reached Kursk.",
        type_="location",
    ),
    claim("clm:e", "b", troops(40, 40), "40 troops", "Only 40 troops were hurt."),
]
ENTITIES = [
    entity("ent:anna-berg", "Anna Berg"),
    entity("ent:freedonia", "Freedonia", "GPE"),
    entity("ent:kursk", "Kursk", "LOC"),
]
DOCUMENTS = [
    GraphDocument(id="a", path="a.txt", outlet="Daily Wire", title="Troops sent", claims=2),
    GraphDocument(id="b", path="b.md", claims=3),
    GraphDocument(id="c", path="c.txt", skipped="not UTF-8"),
]
CONFLICT = Fact(
    id="fact:1",
    key=FactKey(type="count", subject="ent:freedonia", predicate="deployment", unit="troops"),
    claims=["clm:a", "clm:b"],
    values=[
        FactValue(
            value=troops(5000, 5000),
            label="5,000",
            claims=["clm:a"],
            sources=["ent:anna-berg"],
            documents=["a"],
        ),
        FactValue(
            value=troops(9000, None),
            label="at least 9,000",
            claims=["clm:b"],
            sources=[],
            documents=["b"],
        ),
    ],
    status="conflict",
    explanation="Sources disagree: 5,000 vs at least 9,000.",
    independent_sources=2,
    reasons=[
        Reason(
            kind="revision",
            values=["4,000", "5,000"],
            sources=["ent:anna-berg", "ent:anna-berg"],
            dates=[dt.date(2025, 1, 1), dt.date(2025, 2, 1)],
        )
    ],
)
AGREEMENT = Fact(
    id="fact:2",
    key=FactKey(type="location", subject="ent:freedonia", predicate="deployment"),
    claims=["clm:c", "clm:d"],
    values=[
        FactValue(
            value=LocationValue(entity="ent:kursk"),
            label="ent:kursk",
            claims=["clm:c", "clm:d"],
            sources=["ent:anna-berg"],
            documents=["a", "b"],
        )
    ],
    status="consistent",
    explanation="Places are not exclusive.",
    multi_valued=True,
    independent_sources=2,
)
SINGLE = Fact(
    id="fact:3",
    key=FactKey(type="count", subject=None, predicate="injured", unit="troops"),
    claims=["clm:e"],
    values=[
        FactValue(value=troops(40, 40), label="40", claims=["clm:e"], sources=[], documents=["b"])
    ],
    status="single",
    explanation="One claim.",
    independent_sources=1,
)


def small_graph(*facts: Fact) -> Graph:
    return Graph(
        generator=Generator(version="0", model="test", lexicon="0"),
        documents=DOCUMENTS,
        entities=ENTITIES,
        claims=CLAIMS,
        facts=list(facts),
        edges=[],
    )


def text_of(graph_or_report: Graph | Report, *, width: int = 80, **console_options) -> str:
    report = (
        graph_or_report if isinstance(graph_or_report, Report) else report_model(graph_or_report)
    )
    out = StringIO()
    render_text(report, Console(file=out, width=width, **console_options))
    return out.getvalue()


SMALL_TEXT = """\
==================== Contradiction report: 1 conflict =====================
Stories compared: 1 (all 2 documents).

CONFLICT Freedonia — deployment: how many troops?  fact:1
  Sources disagree: 5,000 vs at least 9,000.

  5,000
    Anna Berg · a (Daily Wire: "Troops sent")
    │ Defence minister Anna Berg told a crowded news conference in the
    │ capital on Monday evening that 5,000 troops had been sent to the
    │ Kursk region over the past month.

  at least 9,000
    unattributed, reported · b
    │ - Officials say more than 9,000 soldiers *and* tanks | moved.

  Consensus: none

  Revisions:
  - Anna Berg revised 4,000 (2025-01-01) to 5,000 (2025-02-01)

-------------- Consistent across independent sources: 1 fact --------------
✓ Freedonia — deployment: where? Kursk (2 independent sources)

Read 2 documents (1 skipped): 5 claims in 3 facts — 1 conflict, 0 updated,
1 consistent, 1 single.
"""


# ------------------------------------------------------------------ model


def test_report_model_resolves_names_and_counts():
    report = report_model(small_graph(SINGLE, AGREEMENT, CONFLICT))
    assert [c.fact for c in report.conflicts] == ["fact:1"]
    conflict = report.conflicts[0]
    assert conflict.question.text == "Freedonia — deployment: how many troops?"
    assert conflict.question.subject == "Freedonia"
    assert [v.label for v in conflict.values] == ["5,000", "at least 9,000"]
    assert conflict.values[0].sources == ("Anna Berg",)
    assert conflict.values[1].sources == ()
    assert conflict.values[1].unattributed == 1
    quote = conflict.values[0].quotes[0]
    assert (quote.doc.id, quote.doc.outlet, quote.doc.title) == ("a", "Daily Wire", "Troops sent")
    assert quote.sentence[quote.quote_start :].startswith("5,000 troops")
    assert conflict.consensus.label is None
    assert [a.values for a in report.agreements] == [("Kursk",)]
    summary = report.summary
    assert (summary.documents, summary.skipped, summary.claims, summary.facts) == (2, 1, 5, 3)
    assert (summary.conflicts, summary.consistent, summary.single) == (1, 1, 1)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            FactKey(
                type="count",
                subject="ent:freedonia",
                predicate="deployment",
                location="ent:kursk",
                unit="troops",
            ),
            "Freedonia — deployment in Kursk: how many troops?",
        ),
        (FactKey(type="count", subject=None, predicate="killed", unit="people"), None),
        (FactKey(type="date", subject="ent:freedonia", predicate="signed"), None),
        (FactKey(type="location", subject=None, predicate="stationed"), None),
        (
            FactKey(type="count", subject=None, predicate="killed", unit="people", story="kursk"),
            "[Kursk] Killed: how many people?",
        ),
    ],
)
def test_question_text(key, expected):
    fact = CONFLICT.model_copy(update={"key": key})
    text = report_model(small_graph(fact)).conflicts[0].question.text
    defaults = {
        "killed": "Killed: how many people?",
        "signed": "Freedonia — signed: when?",
        "stationed": "Stationed: where?",
    }
    assert text == (expected or defaults[key.predicate])


def test_consensus_is_labelled():
    fact = CONFLICT.model_copy(
        update={"consensus": troops(5000, 5000), "consensus_support": 2, "consensus_voices": 2}
    )
    conflict = report_model(small_graph(fact)).conflicts[0]
    assert (conflict.consensus.label, conflict.consensus.note) == (
        "5,000",
        "2 of 2 independent sources in the latest window allow 5,000, a strict majority.",
    )
    assert (
        "Consensus: 5,000 — 2 of 2 independent sources in the latest window allow 5,000"
    ) in " ".join(text_of(small_graph(fact)).split())


# ------------------------------------------------------------------ text


def test_text_report_of_a_small_graph():
    assert text_of(small_graph(SINGLE, AGREEMENT, CONFLICT), width=75) == SMALL_TEXT


@pytest.mark.parametrize(
    "options",
    [
        {"no_color": True},
        {"force_terminal": False},
        {"no_color": True, "force_terminal": False},
        {},
    ],
)
def test_text_report_has_no_ansi_codes_off_a_terminal(options):
    out = text_of(small_graph(SINGLE, AGREEMENT, CONFLICT), width=100, **options)
    assert not ANSI.search(out)
    assert "Freedonia — deployment: how many troops?" in out


def test_text_report_on_a_terminal_emphasises_the_quote():
    out = text_of(small_graph(CONFLICT), width=200, force_terminal=True, no_color=True)
    assert "\x1b[1;4m5,000 troops\x1b[0m" in out
    assert "\x1b[31" not in out  # no colour under no_color, emphasis stays


def test_wide_quotes_wrap_within_the_width():
    out = text_of(small_graph(CONFLICT), width=40)
    lines = out.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert all(line == line.rstrip() for line in lines)
    quoted = [line for line in lines if "│" in line]
    assert len(quoted) > 3
    assert all(line.startswith("    │ ") for line in quoted)
    assert "5,000 troops had been sent to the Kursk region" in flat(out)


def test_entity_ids_are_never_shown():
    graph = small_graph(SINGLE, AGREEMENT, CONFLICT)
    report = report_model(graph)
    for out in (text_of(report), render_markdown(report), render_json(report)):
        assert not ENTITY_ID.search(out)


def test_single_facts_only_count():
    out = text_of(small_graph(SINGLE, AGREEMENT, CONFLICT))
    assert "fact:3" not in out
    assert "40" not in out
    assert "injured" not in out.lower()
    assert "1 single" in flat(out)


def test_no_conflicts_is_said_plainly():
    graph = small_graph(SINGLE, AGREEMENT)
    report = report_model(graph)
    assert "No conflicts" in text_of(report)
    assert "Contradiction report: 0 conflicts" in text_of(report)
    assert "**No conflicts" in render_markdown(report)
    assert json.loads(render_json(report))["conflicts"] == []


def test_text_report_is_a_renderable():
    report = report_model(small_graph(CONFLICT))
    out = StringIO()
    Console(file=out, width=75).print(TextReport(report))
    assert out.getvalue() == text_of(report, width=75)
    with pytest.raises(TypeError, match="report_model"):
        TextReport(small_graph(CONFLICT))  # type: ignore[arg-type]


# ------------------------------------------------------------------ markdown, json


def test_markdown_escapes_and_quotes():
    md = render_markdown(report_model(small_graph(SINGLE, AGREEMENT, CONFLICT)))
    assert md.startswith("# Contradiction report: 1 conflict\n")
    assert "## Freedonia — deployment: how many troops?" in md
    assert "| 5,000 | Anna Berg | `a` |" in md
    assert "| at least 9,000 | unattributed | `b` |" in md
    assert "> \\- Officials say **more than 9,000 soldiers** \\*and\\* tanks \\| moved." in md
    assert "> — unattributed, reported, `b`" in md
    assert "> — Anna Berg, `a` (Daily Wire: *Troops sent*)" in md
    assert "**Consensus:** none" in md
    assert "- Anna Berg revised 4,000 (2025-01-01) to 5,000 (2025-02-01)" in md
    assert "- **Freedonia — deployment: where?** Kursk (2 independent sources)" in md
    assert md.endswith(
        "Read 2 documents (1 skipped): 5 claims in 3 facts — 1 conflict, 0 updated, "
        "1 consistent, 1 single.\n"
    )


def test_json_has_every_section_of_the_text():
    data = json.loads(render_json(report_model(small_graph(SINGLE, AGREEMENT, CONFLICT))))
    assert sorted(data) == [
        "agreements",
        "conflicts",
        "singles",
        "stories",
        "summary",
        "updates",
    ]
    assert data["stories"] == [{"documents": 2, "label": None, "name": "main"}]
    assert [a["fact"] for a in data["agreements"]] == ["fact:2"]
    [conflict] = data["conflicts"]
    assert conflict["fact"] == "fact:1"
    assert conflict["question"]["text"] == "Freedonia — deployment: how many troops?"
    assert [v["label"] for v in conflict["values"]] == ["5,000", "at least 9,000"]
    assert conflict["values"][0]["sources"] == ["Anna Berg"]
    assert conflict["values"][0]["documents"] == ["a"]
    assert conflict["values"][0]["quotes"][0]["quote"] == "5,000 troops"
    assert conflict["explanation"] == "Sources disagree: 5,000 vs at least 9,000."
    assert conflict["consensus"] == {"label": None, "note": None, "value": None}
    assert (conflict["independent_sources"], conflict["spread"]) == (2, 0.444)
    assert data["summary"]["skipped"] == 1


def test_render_report_writes_to_the_console_given():
    graph = small_graph(SINGLE, AGREEMENT, CONFLICT)
    report = report_model(graph)
    for fmt, expected in (
        ("markdown", render_markdown(report)),
        ("json", render_json(report)),
        ("text", text_of(report)),
    ):
        out = StringIO()
        render_report(graph, format=fmt, console=Console(file=out, width=80))
        assert out.getvalue() == expected
    with pytest.raises(ValueError, match="unknown report format 'html'"):
        render_report(graph, format="html", console=Console(file=StringIO()))


# ------------------------------------------------------------------ seeds, through the CLI


@pytest.fixture(scope="session")
def seeds_file(seeds_graph: Graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "seeds.json"
    path.write_text(graph_json(seeds_graph), encoding="utf-8")
    return path


def test_report_shows_the_seeds_conflicts(seeds_graph, seeds_file):
    result = runner.invoke(app, ["report", str(seeds_file)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not ANSI.search(out)
    text = flat(out)
    conflicts = [f for f in seeds_graph.facts if f.status == "conflict"]
    assert conflicts, "the seeds have a conflict"
    names = {e.id: e.name for e in seeds_graph.entities}
    claims = {c.id: c for c in seeds_graph.claims}
    labels = {v.label for f in conflicts for v in f.values}
    assert {"10,000", "12,000"} <= labels
    for fact in conflicts:
        assert fact.id in text
        for value in fact.values:
            assert value.label in text
            for source in value.sources:
                assert names[source] in text
            for claim_id in value.claims:
                assert " ".join(claims[claim_id].evidence.sentence.split()) in text
    assert "Kyrylo Budanov" in text
    assert not ENTITY_ID.search(text)
    for fact in seeds_graph.facts:
        if fact.status == "single":
            assert fact.id not in text
    summary = f"Read {len(seeds_graph.documents)} documents (0 skipped): "
    assert summary in text
    assert f"{len(seeds_graph.claims)} claims in {len(seeds_graph.facts)} facts" in text


def test_report_json_lists_exactly_the_conflicts(seeds_graph, seeds_file):
    result = runner.invoke(app, ["report", str(seeds_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = sorted(f.id for f in seeds_graph.facts if f.status == "conflict")
    assert [c["fact"] for c in data["conflicts"]] == expected
    assert data["summary"]["conflicts"] == len(expected)
    assert data["summary"]["claims"] == len(seeds_graph.claims)
    for conflict in data["conflicts"]:
        assert {"fact", "question", "values", "explanation", "consensus"} <= set(conflict)
        for value in conflict["values"]:
            assert {"label", "sources", "documents", "quotes"} <= set(value)


def test_report_markdown_matches_golden(seeds_file):
    result = runner.invoke(app, ["report", str(seeds_file), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout == golden("seeds_report.md").path.read_text(encoding="utf-8")


def test_report_text_matches_golden(seeds_graph):
    assert text_report(seeds_graph) == golden("seeds_report.txt").path.read_text(encoding="utf-8")


def test_report_respects_no_color(seeds_file):
    coloured = runner.invoke(app, ["report", str(seeds_file)], env={"FORCE_COLOR": "1"})
    plain = runner.invoke(
        app, ["report", str(seeds_file)], env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert "\x1b[1;31m" in coloured.stdout
    assert "\x1b[1m" in plain.stdout
    assert "\x1b[1;31m" not in plain.stdout


def test_build_report_prints_the_same_report(seeds_file, tmp_path):
    built = runner.invoke(app, ["build", str(SEEDS), "--report", "-o", str(tmp_path / "g.json")])
    assert built.exit_code == 0, built.output
    reported = runner.invoke(app, ["report", str(seeds_file)])
    assert built.stdout == reported.stdout


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "not found"),
        ("broken.json", '{"schema_version": "1.0", "claims": [', "not valid JSON"),
        ("list.json", "[1, 2, 3]", "not a claim graph"),
        ("other.json", '{"name": "claimrec"}', "not a claim graph"),
    ],
)
def test_report_rejects_bad_input(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("claimrec: error:")
    assert message in lines[0]
    assert "Traceback" not in result.output
