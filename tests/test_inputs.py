"""Inputs people actually have: saved web pages, JSON Lines dumps, and front matter dates as
people write them. Fixtures in ``fixtures/formats/`` are invented (places, people, figures)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from clirun import run
from paths import FIXTURES

from claimrec.formats import jsonl_records, parse_date
from claimrec.models import DocumentWarning
from claimrec.read import read_corpus, split_front_matter
from claimrec.render.notes import skip_text, warning_text

FORMATS = FIXTURES / "formats"


def build_json(*paths: Path) -> tuple[dict, str]:
    result = run("build", "--no-cache", *map(str, paths))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def counts(graph: dict, doc: str) -> set[int]:
    return {c["value"]["low"] for c in graph["claims"] if c["doc"] == doc and c["type"] == "count"}


# ------------------------------------------------------------------------------- HTML


def test_html_page_gives_its_article_and_metadata(tmp_path: Path, nlp) -> None:
    shutil.copy(FORMATS / "page.html", tmp_path / "page.html")
    graph, _ = build_json(tmp_path)
    (doc,) = graph["documents"]
    assert (doc["id"], doc["path"]) == ("page", "page.html")
    assert doc["title"] == "Flood in Pellwick displaces thousands"
    assert doc["outlet"] == "Lakeside Courier"
    assert doc["url"] == "https://lakeside-courier.example/news/varnholm-flood"
    assert doc["published"] == "2025-02-04"
    assert counts(graph, "page") == {4200, 37}


@pytest.mark.parametrize(
    "boilerplate",
    ["Top 50 stories", "300 jobs open", "900 soldiers", "120 reporters", "8,000 subscribers"],
)
def test_html_navigation_and_footer_are_not_the_body(boilerplate: str) -> None:
    (doc,) = read_corpus([FORMATS / "page.html"]).documents
    assert boilerplate in (FORMATS / "page.html").read_text(encoding="utf-8")
    assert boilerplate not in doc.body
    assert "4,200 residents had been displaced" in doc.body


def test_html_evidence_offsets_count_in_the_extracted_body(tmp_path: Path, nlp) -> None:
    shutil.copy(FORMATS / "page.html", tmp_path / "page.html")
    graph, _ = build_json(tmp_path)
    (doc,) = read_corpus([tmp_path]).documents
    claims = [c for c in graph["claims"] if c["doc"] == "page"]
    assert claims
    for claim in claims:
        evidence = claim["evidence"]
        assert doc.body[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_html_page_without_article_text_is_skipped_with_a_reason(tmp_path: Path, nlp) -> None:
    for name in ("page.html", "nav_only.html"):
        shutil.copy(FORMATS / name, tmp_path / name)
    (tmp_path / "nav_only.htm").write_text("<html><body><nav>Home</nav></body></html>")
    graph, stderr = build_json(tmp_path)
    skipped = {d["path"]: d["skipped"] for d in graph["documents"] if d["skipped"]}
    assert set(skipped) == {"nav_only.html", "nav_only.htm"}
    assert all(reason == {"code": "no_article_text"} for reason in skipped.values())
    assert "claimrec: skipped nav_only.html: no article text in the HTML page" in stderr


# ------------------------------------------------------------------------ JSON Lines


def test_jsonl_reads_every_good_line_and_skips_the_broken_one(tmp_path: Path, nlp) -> None:
    shutil.copy(FORMATS / "news.jsonl", tmp_path / "news.jsonl")
    graph, stderr = build_json(tmp_path)
    docs = {d["id"]: d for d in graph["documents"]}
    assert sorted(docs) == ["news#3", "news#4", "news#a1", "news#a2"]
    assert docs["news#3"]["skipped"]["code"] == "invalid_json"
    assert docs["news#3"]["path"] == "news.jsonl:3"
    assert "claimrec: skipped news.jsonl:3: not valid JSON" in stderr
    a1, a2, four = docs["news#a1"], docs["news#a2"], docs["news#4"]
    assert (a1["title"], a1["outlet"], a1["published"]) == (
        "Ferry sinks off Kestrel Point",
        "Harbour Gazette",
        "2025-03-02",
    )
    assert a1["url"] == "https://harbour-gazette.example/ferry"
    assert (a2["outlet"], a2["published"]) == ("Coastal Wire", "2025-03-03")  # body, date
    assert (four["outlet"], four["published"]) == ("Tidewater Post", "2025-03-03")  # no id
    assert counts(graph, "news#a1") == {41}
    assert counts(graph, "news#a2") == {43}


def test_jsonl_offsets_count_in_the_record_text(tmp_path: Path, nlp) -> None:
    shutil.copy(FORMATS / "news.jsonl", tmp_path / "news.jsonl")
    graph, _ = build_json(tmp_path)
    bodies = {d.id: d.body for d in read_corpus([tmp_path]).documents}
    for claim in graph["claims"]:
        evidence = claim["evidence"]
        assert bodies[claim["doc"]][evidence["start"] : evidence["end"]] == evidence["quote"]


@pytest.mark.parametrize(
    ("line", "key", "reason"),
    [
        ('{"id": "x", "text": "Body."}', "x", None),
        ('{"id": 7, "body": "Body."}', "7", None),
        ('{"text": "Body."}', "1", None),
        ('{"id": "a/b", "text": "Body."}', "1", None),
        ('{"id": "x", "text": "Body.', "1", "not valid JSON"),
        ('["text", "Body."]', "1", "not a JSON object (a list)"),
        ('{"id": "x", "title": "T"}', "x", "no 'text' or 'body' field"),
        ('{"id": "x", "text": 12}', "x", "'text' is not text (a number)"),
        ('{"id": "x", "text": "  "}', "x", "'text' is whitespace only"),
    ],
)
def test_jsonl_record(line: str, key: str, reason: str | None) -> None:
    (record,) = jsonl_records(line)
    assert record.key == key
    if reason is None:
        assert record.article is not None and record.article.body == "Body."
    else:
        assert record.article is None and record.reason is not None
        assert reason in skip_text(record.reason)


def test_jsonl_blank_lines_are_not_records() -> None:
    assert [r.line for r in jsonl_records('{"text": "A."}\n\n  \n{"text": "B."}\n')] == [1, 4]


# ---------------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    "name", ["iso", "written", "daymonth", "slashes", "alias"], ids=lambda n: n
)
def test_front_matter_date_styles(tmp_path: Path, nlp, name: str) -> None:
    shutil.copy(FORMATS / "dates" / f"{name}.md", tmp_path / f"{name}.md")
    graph, stderr = build_json(tmp_path)
    (doc,) = graph["documents"]
    assert doc["published"] == "2025-02-04"
    assert doc["title"] == "Pellwick bridge reopens" and doc["warnings"] == []
    assert "warning" not in stderr
    (when,) = [c for c in graph["claims"] if c["type"] == "date"]
    assert (when["value"]["start"], when["value"]["end"]) == ("2025-01-27", "2025-02-02")


def test_impossible_date_warns_about_that_field_and_keeps_the_rest(tmp_path: Path, nlp) -> None:
    shutil.copy(FORMATS / "dates" / "impossible.md", tmp_path / "impossible.md")
    graph, stderr = build_json(tmp_path)
    (doc,) = graph["documents"]
    assert (doc["title"], doc["outlet"], doc["published"]) == (
        "Pellwick bridge reopens",
        "Lakeside Courier",
        None,
    )
    (warning,) = doc["warnings"]
    assert warning == {
        "code": "bad_date",
        "origin": "front_matter",
        "field": "published",
        "kind": "text",
        "value": "2025-13-45",
    }
    text = warning_text(DocumentWarning.model_validate(warning))
    assert text.startswith("front matter 'published' is not a date ('2025-13-45'")
    assert f"claimrec: warning: impossible.md: {text}" in stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-02-04", dt.date(2025, 2, 4)),
        ("2025-02-04T08:30:00Z", dt.date(2025, 2, 4)),
        ("2025/02/04", dt.date(2025, 2, 4)),
        ("February 4, 2025", dt.date(2025, 2, 4)),
        ("Feb. 4, 2025", dt.date(2025, 2, 4)),
        ("Sept. 14, 2025", dt.date(2025, 9, 14)),
        ("4 Feb 2025", dt.date(2025, 2, 4)),
        ("4 February 2025", dt.date(2025, 2, 4)),
        ("Tuesday, February 4th, 2025", dt.date(2025, 2, 4)),
        ("Tue, 04 Feb 2025 08:30:00 GMT", dt.date(2025, 2, 4)),
        ("2025-13-45", None),
        ("February 30, 2025", None),
        ("04/02/2025", None),  # day-first or month-first: ambiguous
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("header", "meta", "warning"),
    [
        ("date: 2025-02-04", {"published": dt.date(2025, 2, 4)}, None),
        ("date: '4 Feb 2025'", {"published": dt.date(2025, 2, 4)}, None),
        (
            "published: 2025-02-04\ndate: 2025-02-05",
            {"published": dt.date(2025, 2, 4)},
            "both 'published' and 'date'",
        ),
        ("title: T\ndate: 2025-13-45", {"title": "T"}, "'date' is not a date ('2025-13-45'"),
    ],
)
def test_front_matter_date_alias(header: str, meta: dict, warning: str | None) -> None:
    got, body, warnings = split_front_matter(f"---\n{header}\n---\nBody.")
    assert (got, body) == (meta, "Body.")
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warning_text(warnings[0])


def test_a_mixed_folder_reads_every_format(nlp) -> None:
    graph, _ = build_json(FORMATS)
    read = [d["path"] for d in graph["documents"] if not d["skipped"]]
    assert "page.html" in read and "news.jsonl:1" in read and "dates/written.md" in read
