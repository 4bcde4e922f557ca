"""Tests for ``claimrec diff``: the library (``diff_graphs``), its renderers and the CLI.

The snapshot tests build each corpus under ``fixtures/snapshots/`` once per module and
run ``claimrec diff`` through typer's ``CliRunner`` on base against each variant:
(a) an added article with a new conflicting figure, (b) a corrected figure,
(c) a deleted article that held one side of a conflict, (d) whitespace and an
unrelated sentence only. Claim pairing is tested on small graphs built in code,
without spaCy. Markdown goldens live in ``tests/goldens/diff_*.md`` and are
rewritten by ``python -m tests.goldens`` (``make goldens``).
"""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from builders import claim, document, entity, exact
from goldens import GOLDENS, SNAPSHOT_VARIANTS, SNAPSHOTS
from rich.console import Console
from typer.testing import CliRunner

from claimrec.cli import app
from claimrec.diff import GONE, GraphDiff, diff_graphs, fact_label, fails
from claimrec.models import (
    Claim,
    Evidence,
    Fact,
    FactKey,
    FactValue,
    Generator,
    Graph,
)
from claimrec.render.diff import (
    TextDiff,
    build_note,
    render_json,
    render_markdown,
    render_text,
)
from claimrec.store import graph_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
ANSI = re.compile(r"\x1b\[")
runner = CliRunner()

# ------------------------------------------------------------------ snapshot fixtures


@pytest.fixture(scope="module")
def graphs(nlp) -> dict[str, Graph]:
    from claimrec.pipeline import build

    return {name: build([SNAPSHOTS / name]) for name in ("base", *SNAPSHOT_VARIANTS)}


@pytest.fixture(scope="module")
def graph_files(graphs, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("snapshots")
    out = {}
    for name, graph in graphs.items():
        out[name] = folder / f"{name}.json"
        out[name].write_text(graph_json(graph), encoding="utf-8")
    return out


def run_diff(files: dict[str, Path], variant: str, *options: str):
    return runner.invoke(
        app, ["diff", str(files["base"]), str(files[variant]), *options], catch_exceptions=False
    )


def json_diff(files: dict[str, Path], variant: str, *options: str) -> tuple[int, dict]:
    result = run_diff(files, variant, "--format", "json", *options)
    return result.exit_code, json.loads(result.stdout)


def claim_with(graph: Graph, doc: str, quote: str) -> Claim:
    (found,) = [c for c in graph.claims if c.doc == doc and c.evidence.quote == quote]
    return found


def fact_of(graph: Graph, claim_id: str) -> Fact:
    (found,) = [f for f in graph.facts if claim_id in f.claims]
    return found


# ------------------------------------------------------------------ the fixtures say what we mean


def test_base_has_one_conflict_between_police_and_organisers(graphs):
    conflicts = [f for f in graphs["base"].facts if f.status == "conflict"]
    assert len(conflicts) == 1
    assert [v.label for v in conflicts[0].values] == ["12,000", "40,000"]
    assert [v.documents for v in conflicts[0].values] == [["01_harbour_times"], ["02_valley_post"]]


def test_snapshots_share_document_ids(graphs):
    base = {d.id for d in graphs["base"].documents}
    assert {d.id for d in graphs["a_new_conflict"].documents} == base | {"04_river_radio"}
    assert {d.id for d in graphs["c_resolved"].documents} == base - {"02_valley_post"}
    for variant in ("b_correction", "d_whitespace"):
        assert {d.id for d in graphs[variant].documents} == base


# ------------------------------------------------------------------ id stability


def test_adding_a_document_changes_no_existing_id(graphs):
    base, new = graphs["base"], graphs["a_new_conflict"]
    for section in ("documents", "entities", "claims", "facts"):
        old_ids = {item.id for item in getattr(base, section)}
        assert old_ids <= {item.id for item in getattr(new, section)}, section
    new_claims = {c.id: c for c in new.claims}
    assert all(new_claims[c.id] == c for c in base.claims)


def test_an_edit_elsewhere_keeps_the_ids_of_untouched_claims(graphs):
    base, corrected = graphs["base"], graphs["b_correction"]
    edited = claim_with(base, "01_harbour_times", "12,000 people")
    untouched = {c.id for c in base.claims} - {edited.id}
    assert untouched <= {c.id for c in corrected.claims}
    assert edited.id not in {c.id for c in corrected.claims}  # its own sentence changed


def test_whitespace_and_an_unrelated_sentence_change_no_id(graphs):
    base, edited = graphs["base"], graphs["d_whitespace"]
    assert [c.id for c in edited.claims] == [c.id for c in base.claims]
    assert [f.id for f in edited.facts] == [f.id for f in base.facts]
    assert [e.id for e in edited.entities] == [e.id for e in base.entities]


def test_adding_a_document_keeps_claim_ids_in_a_mixed_corpus(tmp_path, nlp):
    from claimrec.pipeline import build

    smaller = tmp_path / "corpus"
    shutil.copytree(CORPUS, smaller)
    (smaller / "quake" / "02_coastal_herald.md").unlink()
    assert {c.id for c in build([smaller]).claims} <= {c.id for c in build([CORPUS]).claims}


def test_adding_a_document_keeps_fact_ids_in_a_mixed_corpus(tmp_path, nlp):
    from claimrec.pipeline import build

    smaller = tmp_path / "corpus"
    shutil.copytree(CORPUS, smaller)
    (smaller / "quake" / "02_coastal_herald.md").unlink()
    assert {f.id for f in build([smaller]).facts} <= {f.id for f in build([CORPUS]).facts}


def test_whitespace_inside_a_claim_sentence_keeps_its_id(tmp_path, graphs):
    from claimrec.pipeline import build

    corpus = tmp_path / "corpus"
    shutil.copytree(SNAPSHOTS / "base", corpus)
    path = corpus / "01_harbour_times.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Police said 12,000", "Police  said 12,000"), encoding="utf-8")
    spaced = build([corpus])
    assert {c.id for c in spaced.claims} == {c.id for c in graphs["base"].claims}
    assert diff_graphs(graphs["base"], spaced).summary.empty


# ------------------------------------------------------------------ the four snapshots


def test_a_new_conflicting_article_is_a_new_conflict(graphs, graph_files):
    code, data = json_diff(graph_files, "a_new_conflict")
    assert code == 1
    base, new = graphs["base"], graphs["a_new_conflict"]
    injured = fact_of(base, claim_with(base, "01_harbour_times", "6 people").id)
    added = claim_with(new, "04_river_radio", "30 people")

    assert [d["id"] for d in data["documents"]["added"]] == ["04_river_radio"]
    assert data["documents"]["removed"] == []
    # The new article's count; its date ("the same evening") is a claim of its own.
    added_counts = [e for e in data["claims"]["added"] if e["claim"]["type"] == "count"]
    assert [e["claim"]["id"] for e in added_counts] == [added.id]
    assert added_counts[0]["fact"] == injured.id
    assert data["claims"]["removed"] == data["claims"]["changed"] == []
    count_facts = {fact_of(new, c.id).id for c in new.claims if c.type == "count"}
    assert [
        (f["id"], f["old_status"], f["new_status"]) for f in data["facts"] if f["id"] in count_facts
    ] == [(injured.id, "single", "conflict")]
    (conflict,) = data["conflicts"]["new"]
    assert conflict["fact"] == injured.id
    assert [(v["label"], v["documents"]) for v in conflict["values"]] == [
        ("6", ["01_harbour_times"]),
        ("30", ["04_river_radio"]),
    ]
    assert data["conflicts"]["resolved"] == data["conflicts"]["changed"] == []


def test_a_corrected_figure_is_a_changed_claim(graphs, graph_files):
    code, data = json_diff(graph_files, "b_correction")
    assert code == 0
    old = claim_with(graphs["base"], "01_harbour_times", "12,000 people")
    new = claim_with(graphs["b_correction"], "01_harbour_times", "15,000 people")

    assert data["claims"]["added"] == data["claims"]["removed"] == []
    (change,) = data["claims"]["changed"]
    assert (change["old"]["claim"]["id"], change["new"]["claim"]["id"]) == (old.id, new.id)
    assert (change["old"]["label"], change["new"]["label"]) == ("12,000", "15,000")
    assert change["changed"] == ["value"]
    assert change["matched_by"] == "sentence"
    assert change["similarity"] >= 80
    assert data["facts"] == []
    (conflict,) = data["conflicts"]["changed"]
    assert conflict["fact"] == fact_of(graphs["base"], old.id).id
    assert [v["label"] for v in conflict["gained"]] == ["15,000"]
    assert [v["label"] for v in conflict["lost"]] == ["12,000"]
    assert data["conflicts"]["new"] == data["conflicts"]["resolved"] == []


def test_deleting_one_side_resolves_the_conflict(graphs, graph_files):
    code, data = json_diff(graph_files, "c_resolved")
    assert code == 0
    base = graphs["base"]
    organisers = claim_with(base, "02_valley_post", "40,000 people")
    size = fact_of(base, organisers.id)

    assert [d["id"] for d in data["documents"]["removed"]] == ["02_valley_post"]
    removed = {e["claim"]["id"] for e in data["claims"]["removed"]}
    assert removed == {c.id for c in base.claims if c.doc == "02_valley_post"}
    (resolved,) = data["conflicts"]["resolved"]
    assert (resolved["fact"], resolved["old_status"], resolved["new_status"]) == (
        size.id,
        "conflict",
        "single",
    )
    assert [v["label"] for v in resolved["values"]] == ["12,000", "40,000"]
    assert (size.id, "conflict", "single") in [
        (f["id"], f["old_status"], f["new_status"]) for f in data["facts"]
    ]
    assert data["conflicts"]["new"] == []


@pytest.mark.parametrize("fail_on", ["new-conflicts", "any-change", "none"])
def test_whitespace_only_is_an_empty_diff(graph_files, fail_on):
    code, data = json_diff(graph_files, "d_whitespace", "--fail-on", fail_on)
    assert code == 0
    assert data["summary"]["empty"] is True
    assert not any(v for k, v in data["summary"].items() if k != "empty")
    result = run_diff(graph_files, "d_whitespace")
    assert "No changes" in result.stdout


@pytest.mark.parametrize(
    ("variant", "fail_on", "code"),
    [
        ("a_new_conflict", None, 1),
        ("a_new_conflict", "new-conflicts", 1),
        ("a_new_conflict", "any-change", 1),
        ("a_new_conflict", "none", 0),
        ("b_correction", None, 0),
        ("b_correction", "any-change", 1),
        ("c_resolved", "new-conflicts", 0),
        ("c_resolved", "any-change", 1),
        ("d_whitespace", "any-change", 0),
    ],
)
def test_exit_codes(graph_files, variant, fail_on, code):
    options = ["--fail-on", fail_on] if fail_on else []
    for format in ("text", "markdown", "json"):
        result = run_diff(graph_files, variant, "--format", format, *options)
        assert result.exit_code == code, (format, result.output)
        assert result.stderr == ""


@pytest.mark.parametrize("variant", SNAPSHOT_VARIANTS)
def test_markdown_matches_the_golden_file(graph_files, variant):
    (golden,) = [g for g in GOLDENS if g.name == f"diff_{variant}.md"]
    result = run_diff(graph_files, variant, "--format", "markdown")
    assert result.stdout == golden.path.read_text(encoding="utf-8")


def test_folders_are_built_and_diffed_like_graph_files(graph_files):
    result = runner.invoke(
        app,
        ["diff", str(SNAPSHOTS / "base"), str(SNAPSHOTS / "a_new_conflict"), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert result.stdout == run_diff(graph_files, "a_new_conflict", "--format", "json").stdout


def test_a_folder_against_a_graph_file(graph_files):
    result = runner.invoke(app, ["diff", str(SNAPSHOTS / "base"), str(graph_files["c_resolved"])])
    assert result.exit_code == 0
    assert "Resolved conflicts" in result.stdout


def test_text_output_has_the_sections(graph_files):
    result = run_diff(graph_files, "a_new_conflict")
    out = result.stdout
    assert out.splitlines()[0].strip("= ") == "Claim graph diff: 1 new conflict"
    for heading in ("New conflicts", "Documents", "Claims", "Facts whose status changed"):
        assert f"\n{heading}\n" in out
    assert "Resolved conflicts" not in out
    assert not ANSI.search(out)
    assert all(line == line.rstrip() for line in out.splitlines())


def test_markdown_shows_a_correction_as_old_and_new(graph_files):
    out = run_diff(graph_files, "b_correction", "--format", "markdown").stdout
    assert "| changed (value) | `01_harbour_times` |" in out
    assert "12,000 → 15,000" in out
    assert "~~Police said 12,000 people attended the protest.~~<br>" in out
    assert "Police said **15,000 people** attended the protest." in out


def test_json_has_the_same_sections(graph_files):
    _, data = json_diff(graph_files, "a_new_conflict")
    assert set(data) == {"summary", "documents", "claims", "facts", "conflicts", "notes"}
    assert set(data["documents"]) == {"added", "removed"}
    assert set(data["claims"]) == {"added", "removed", "changed"}
    assert set(data["conflicts"]) == {"new", "resolved", "changed"}
    assert GraphDiff.model_validate(data).summary.conflicts_new == 1


# ------------------------------------------------------------------ unusable input: exit 2


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "not.json").write_text("{ half", encoding="utf-8")
    (tmp / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp / "future.json").write_text('{"schema_version": "9.0", "claims": []}', encoding="utf-8")
    (tmp / "empty").mkdir()
    return {
        "missing": (tmp / "nope.json", "not found"),
        "not JSON": (tmp / "not.json", "is not valid JSON"),
        "not a graph": (tmp / "list.json", "not a claim graph"),
        "unknown version": (tmp / "future.json", "schema_version '9.0'"),
        "empty folder": (tmp / "empty", "no articles (.txt, .md"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "not JSON", "not a graph", "unknown version", "empty folder"]
)
@pytest.mark.parametrize("side", ["old", "new"])
def test_unusable_input_is_one_line_and_exit_2(tmp_path, graph_files, case, side):
    bad, expected = _bad_inputs(tmp_path)[case]
    good = graph_files["base"]
    args = [str(bad), str(good)] if side == "old" else [str(good), str(bad)]
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimrec: error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.output


def test_unknown_fail_on_is_a_usage_error(graph_files):
    result = run_diff(graph_files, "b_correction", "--fail-on", "sometimes")
    assert result.exit_code == 2
    assert "--fail-on" in result.stderr


def test_help_describes_the_command():
    result = runner.invoke(app, ["diff", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--fail-on", "new-conflicts", "any-change"):
        assert option in result.stdout


# ------------------------------------------------------------------ pairing, on small graphs


def said(quote: str, rest: str = "attended the protest.", who: str = "Police") -> Evidence:
    sentence = f"{who} said {quote} {rest}"
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def both(quote: str, police: str) -> Evidence:
    """One sentence with two counts; ``quote`` is one of them."""
    sentence = f"Police said {police} people came, organisers said 40,000 people came."
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def at(cid: str, n: int, evidence: Evidence, **fields) -> Claim:
    fields.setdefault("predicate", "protested")
    fields.setdefault("subject", None)
    made = claim(cid, exact(n, unit="people"), **fields)
    return made.model_copy(update={"evidence": evidence})


def graph(*claims: Claim, facts: tuple[Fact, ...] = (), model: str = "en_core_web_sm-3.8.0"):
    docs = sorted({c.doc for c in claims})
    return Graph(
        generator=Generator(version="0.1.0", model=model, lexicon="x"),
        documents=[document(d) for d in docs],
        entities=[entity("ent:police", "Police"), entity("ent:organisers", "Organisers")],
        claims=list(claims),
        facts=list(facts),
        edges=[],
    )


CASES = {
    # name: (old claims, new claims, expected (added, removed, [(old, new, changed)]))
    "corrected figure": (
        [at("c1", 12000, said("12,000 people"), source="ent:police")],
        [at("c2", 15000, said("15,000 people"), source="ent:police")],
        ([], [], [("c1", "c2", ["value"])]),
    ),
    "source corrected": (
        [at("c1", 12000, said("12,000 people"), source="ent:police")],
        [at("c2", 12000, said("12,000 people", who="Organisers"), source="ent:organisers")],
        ([], [], [("c1", "c2", ["source"])]),
    ),
    "reworded, same value": (
        [at("c1", 12000, said("12,000 people"))],
        [at("c2", 12000, said("12,000 people", "attended the protest on Saturday."))],
        ([], [], [("c1", "c2", ["wording"])]),
    ),
    "same id, modality changed": (
        [at("c1", 12000, said("12,000 people"))],
        [at("c1", 12000, said("12,000 people")).model_copy(update={"modality": "reported"})],
        ([], [], [("c1", "c1", ["modality"])]),
    ),
    "same id, only offsets moved": (
        [at("c1", 12000, said("12,000 people"))],
        [
            at("c1", 12000, said("12,000 people")).model_copy(
                update={"evidence": said("12,000 people").model_copy(update={"start": 99})}
            )
        ],
        ([], [], []),
    ),
    "sentence rewritten": (
        [at("c1", 12000, said("12,000 people"))],
        [
            at(
                "c2",
                15000,
                Evidence(start=0, end=6, quote="15,000", sentence="15,000 marched, by one count."),
            )
        ],
        (["c2"], ["c1"], []),
    ),
    "other document": (
        [at("c1", 12000, said("12,000 people"), doc="a")],
        [at("c2", 15000, said("15,000 people"), doc="b")],
        (["c2"], ["c1"], []),
    ),
    "other predicate": (
        [at("c1", 12000, said("12,000 people"))],
        [at("c2", 15000, said("15,000 people"), predicate="arrested")],
        (["c2"], ["c1"], []),
    ),
    "two claims in one edited sentence": (
        [at("o1", 12000, both("12,000", "12,000")), at("o2", 40000, both("40,000", "12,000"))],
        [at("n1", 15000, both("15,000", "15,000")), at("n2", 40000, both("40,000", "15,000"))],
        ([], [], [("o1", "n1", ["value"]), ("o2", "n2", ["wording"])]),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_claim_pairing(name):
    old_claims, new_claims, (added, removed, changed) = CASES[name]
    result = diff_graphs(graph(*old_claims), graph(*new_claims))
    assert [e.claim.id for e in result.claims.added] == added
    assert [e.claim.id for e in result.claims.removed] == removed
    got = [(c.old.claim.id, c.new.claim.id, c.changed) for c in result.claims.changed]
    assert sorted(got) == sorted(changed)


def test_similarity_threshold_is_a_parameter():
    old = graph(at("c1", 12000, said("12,000 people")))
    new = graph(at("c2", 15000, said("15,000 people", "came to the big rally downtown.")))
    assert len(diff_graphs(old, new).claims.changed) == 0
    assert len(diff_graphs(old, new, similarity=50).claims.changed) == 1


KEY = FactKey(type="count", subject=None, predicate="protest", unit="people")


def fact(status: str, *values: tuple[int, str], fid: str = "fact:size") -> Fact:
    return Fact(
        id=fid,
        key=KEY,
        claims=[cid for _, cid in values],
        values=[
            FactValue(
                value=exact(n, unit="people"),
                label=f"{n:,}",
                claims=[cid],
                sources=[],
                documents=["a"],
            )
            for n, cid in values
        ],
        status=status,
        explanation=f"{status}.",
    )


def test_a_fact_that_disappears_resolves_its_conflict_and_says_so():
    before = fact("conflict", (12000, "c1"), (40000, "c2"))
    result = diff_graphs(graph(facts=(before,)), graph())
    (resolved,) = result.conflicts.resolved
    assert (resolved.new_status, resolved.explanation) == (None, GONE)
    (change,) = result.facts
    assert (change.old_status, change.new_status) == ("conflict", None)
    assert "conflict → absent" in render_markdown(result)


def test_a_conflict_that_keeps_its_values_is_not_reported():
    same = fact("conflict", (12000, "c1"), (40000, "c2"))
    other_ids = fact("conflict", (12000, "c3"), (40000, "c4"))
    assert diff_graphs(graph(facts=(same,)), graph(facts=(other_ids,))).conflicts.changed == []


def test_fail_on_policies():
    new_conflict = diff_graphs(graph(), graph(facts=(fact("conflict", (1, "c1"), (9, "c2")),)))
    single = diff_graphs(graph(), graph(facts=(fact("single", (1, "c1")),)))
    nothing = diff_graphs(graph(), graph())
    assert [fails(new_conflict, on=p) for p in ("new-conflicts", "any-change", "none")] == [
        True,
        True,
        False,
    ]
    assert [fails(single, on=p) for p in ("new-conflicts", "any-change", "none")] == [
        False,
        True,
        False,
    ]
    assert not any(fails(nothing, on=p) for p in ("new-conflicts", "any-change", "none"))


def test_graphs_from_other_models_get_a_note_not_a_change():
    a = at("c1", 12000, said("12,000 people"))
    result = diff_graphs(graph(a), graph(a, model="en_core_web_lg-3.8.0"))
    assert result.summary.empty
    (note,) = result.notes
    assert (note.what, note.new) == ("model", "en_core_web_lg-3.8.0")
    assert build_note(note) == (
        f"OLD was built with model {note.old}, NEW with en_core_web_lg-3.8.0: "
        "some changes may come from the model, not the articles"
    )
    assert "> **Note:** OLD was built with model" in render_markdown(result)


def test_fact_label_names_subject_and_place():
    key = FactKey(
        type="count", subject="ent:police", predicate="deployment", location="ent:x", unit="troops"
    )
    names = {"ent:police": "Police", "ent:x": "Kursk"}
    assert fact_label(key, entity_names=names) == "deployment (troops), Police, in Kursk"
    assert fact_label(KEY) == "protest (people)"
    story = KEY.model_copy(update={"story": "oskel"})
    assert fact_label(story) == "protest (people) [story: oskel]"


# ------------------------------------------------------------------ renderers


def test_text_renderer_writes_plain_text_to_the_console_given():
    result = diff_graphs(
        graph(at("c1", 12000, said("12,000 people"))),
        graph(at("c2", 15000, said("15,000 people"))),
    )
    out = StringIO()
    render_text(result, Console(file=out, width=100, no_color=True, force_terminal=False))
    text = out.getvalue()
    assert "~ a  protested (count)  12,000 → 15,000  unattributed  [value]" in text
    assert "    - Police said 12,000 people attended the protest." in text
    assert "    + Police said 15,000 people attended the protest." in text
    assert not ANSI.search(text)


def test_text_renderer_needs_a_diff():
    with pytest.raises(TypeError, match="GraphDiff"):
        TextDiff(graph())  # type: ignore[arg-type]


def test_markdown_escapes_what_articles_say():
    evidence = Evidence(
        start=0, end=6, quote="12,000", sentence="12,000 *marched* | police said <b>."
    )
    result = diff_graphs(graph(), graph(at("c1", 12000, evidence)))
    out = render_markdown(result)
    assert "**12,000** \\*marched\\* \\| police said \\<b\\>." in out


def test_empty_diff_renders_one_line_everywhere():
    empty = diff_graphs(graph(), graph())
    assert render_markdown(empty).splitlines()[2] == (
        "No changes: the same documents, claims, facts and conflicts."
    )
    assert json.loads(render_json(empty))["summary"]["empty"] is True
