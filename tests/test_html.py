"""Tests for the HTML report: its structure, parsed with lxml, on small graphs built in
code (no spaCy), and the seeds page pinned byte for byte by a golden file
(``make goldens`` rewrites it). The page in a real browser is tested in
``test_html_browser.py``."""

from __future__ import annotations

import datetime as dt

import pytest
from goldens import GOLDENS
from html_builders import THREE_VOICES, Voice, count, graph_of
from lxml import html as lxml_html

from claimrec.models import (
    CountValue,
    Graph,
    Reason,
)
from claimrec.render.charts import nice_ticks
from claimrec.render.html import anchor, render_html
from claimrec.values import count_label


def page(graph: Graph):
    return lxml_html.document_fromstring(render_html(graph))


def chart_rows(tree) -> list:
    return tree.xpath(
        '//figure[@class="chart"]/div[contains(@class,"crow")][not(contains(@class,"axis"))]'
    )


def marks(tree, shape: str) -> list:
    return tree.xpath(
        f'//*[contains(concat(" ", @class, " "), " mark ")]'
        f'[contains(concat(" ", @class, " "), " {shape} ")]'
    )


# ------------------------------------------------------------------------ structure


def test_one_block_per_fact_with_differing_values() -> None:
    tree = page(graph_of(THREE_VOICES))
    blocks = tree.xpath('//article[contains(@class,"fact")]')
    assert [b.get("id") for b in blocks] == [anchor("fact", "fact:0123456789ab")]
    assert blocks[0].get("data-status") == "conflict"


def test_a_fact_with_one_value_has_no_block() -> None:
    tree = page(graph_of([Voice("Ilse Marwen", count(5, 5)), Voice("Borek Lund", count(5, 5))]))
    assert tree.xpath('//article[contains(@class,"fact")]') == []


def test_one_chart_row_per_independent_voice() -> None:
    rows = chart_rows(page(graph_of(THREE_VOICES)))
    labels = [r.get("data-voice") for r in rows]
    assert len(rows) == 3
    assert {"Ilse Marwen", "Borek Lund"} <= set(labels)


def test_unattributed_claims_in_one_article_share_a_row() -> None:
    voices = [
        Voice(None, count(10, 10), doc="a"),
        Voice(None, count(20, 20), doc="a"),
        Voice(None, count(30, 30), doc="b"),
    ]
    assert len(chart_rows(page(graph_of(voices)))) == 2


@pytest.mark.parametrize(
    ("value", "shape", "edge"),
    [
        (count(400, 400), "exact", None),
        (count(400, 600), "range", None),
        (count(400, None), "open-high", "99.00%"),  # "at least": arrow to the right edge
        (count(None, 600), "open-low", "1.00%"),  # "up to": arrow to the left edge
    ],
)
def test_value_shapes(value: CountValue, shape: str, edge: str | None) -> None:
    tree = page(graph_of([Voice("Ilse Marwen", value), Voice("Borek Lund", count(50, 50))]))
    (mark,) = [m for m in marks(tree, shape) if count_label(value) in m.text_content()]
    if edge is None:
        assert mark.xpath(".//line[@marker-end]") == []
    else:
        (line,) = mark.xpath(".//line[@marker-end]")
        assert line.get("x2") == edge
        assert line.get("marker-end") == "url(#arrow-r)"
    assert tree.xpath('//marker[@id="arrow-r"]'), "the arrowhead is defined on the page"


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (count(400, 400, approximate=True), True),
        (count(400, 400), False),
        (count(None, 400, approximate=True), True),
    ],
)
def test_about_is_drawn_as_a_soft_band(value: CountValue, band: bool) -> None:
    tree = page(graph_of([Voice("Ilse Marwen", value), Voice("Borek Lund", count(50, 50))]))
    assert bool(tree.xpath('//rect[@class="approx-band"]')) is band


@pytest.mark.parametrize(
    ("modality", "hedged"),
    [("expected", True), ("possible", True), ("asserted", False), ("reported", False)],
)
def test_hedged_values_are_drawn_distinctly(modality: str, hedged: bool) -> None:
    voices = [
        Voice("Ilse Marwen", count(400, 400), modality=modality),
        Voice("Borek Lund", count(50, 50)),
    ]
    tree = page(graph_of(voices))
    assert bool(marks(tree, "hedged")) is hedged


def test_superseded_values_are_drawn_distinctly() -> None:
    reason = Reason(kind="superseded", values=["400"], claims=["clm:0000000000000000"])
    voices = [Voice("Ilse Marwen", count(400, 400)), Voice("Borek Lund", count(50, 50))]
    tree = page(graph_of(voices, reasons=(reason,)))
    (mark,) = marks(tree, "superseded")
    assert "400" in mark.text_content()


def test_consensus_is_marked_in_every_row() -> None:
    tree = page(graph_of(THREE_VOICES, consensus=count(1500, 1500)))
    assert len(tree.xpath('//rect[@class="consensus"]')) == len(chart_rows(tree))
    assert "consensus: 1,500" in tree.xpath('string(//*[@class="legend-consensus"])')


@pytest.mark.parametrize("n", [2, 40])
def test_charts_stay_legible_for_2_and_40_values(n: int) -> None:
    voices = [
        Voice(f"Source Number {i} of the Talvern Valley Relief Committee", count(i * 37, i * 37))
        for i in range(1, n + 1)
    ]
    tree = page(graph_of(voices))
    rows = chart_rows(tree)
    assert len(rows) == n
    xs = [float(c.get("cx").rstrip("%")) for c in tree.xpath('//circle[contains(@class,"exact")]')]
    assert len(xs) == n and all(0 <= x <= 100 for x in xs)
    assert len(set(xs)) == n, "distinct values get distinct positions"
    # names are HTML text in their own cell, so they wrap instead of overflowing the SVG
    assert all(r.xpath('./div[@class="voice"]') for r in rows)
    ticks = tree.xpath('//figure[@class="chart"]//svg//text')
    assert 2 <= len(ticks) <= 12


def test_rows_read_low_to_high() -> None:
    voices = [
        Voice("Ilse Marwen", count(900, 900)),
        Voice("Borek Lund", count(100, 100)),
        Voice("Cara Odell", count(500, 500)),
    ]
    rows = chart_rows(page(graph_of(voices)))
    assert [r.get("data-voice") for r in rows] == ["Borek Lund", "Cara Odell", "Ilse Marwen"]


def test_updated_fact_has_a_timeline() -> None:
    voices = [
        Voice("Ilse Marwen", count(10, 10), as_of=dt.date(2031, 5, 1)),
        Voice("Ilse Marwen", count(25, 25), as_of=dt.date(2031, 5, 3)),
        Voice("Ilse Marwen", count(40, None), as_of=dt.date(2031, 5, 6)),
    ]
    tree = page(graph_of(voices, status="updated"))
    (timeline,) = tree.xpath('//figure[@class="timeline"]')
    assert len(timeline.xpath('.//*[contains(@class,"tmark")]')) == 3
    assert timeline.xpath('.//polyline[@class="trend"]')
    labels = [t.text for t in timeline.xpath(".//text")]
    assert "2031-05-01" in labels and "2031-05-06" in labels


def test_conflict_has_no_timeline() -> None:
    tree = page(graph_of(THREE_VOICES))
    assert tree.xpath('//figure[@class="timeline"]') == []


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        (
            Reason(kind="clash", values=["1,200", "1,500-1,800"], sources=["ent:ilse-marwen"]),
            ["1,200 and 1,500-1,800 cannot both be true", "Ilse Marwen"],
        ),
        (
            Reason(kind="update", values=["10", "25"], dates=[dt.date(2031, 5, 3)]),
            ["10 → 25", "2031-05-03"],
        ),
        (Reason(kind="hedged", values=["1,200"]), ["1,200 is hedged"]),
    ],
)
def test_reasons_in_plain_words(reason: Reason, words: list[str]) -> None:
    tree = page(graph_of(THREE_VOICES, reasons=(reason,)))
    text = tree.xpath('string(//ul[@class="reasons"])')
    assert all(w in text for w in words), text
    assert "ent:" not in text


def test_each_value_with_sources_documents_and_highlighted_sentence() -> None:
    tree = page(graph_of(THREE_VOICES))
    values = tree.xpath('//ol[@class="values"]/li')
    assert len(values) == 3
    quotes = tree.xpath('//blockquote[@class="quote"]')
    assert len(quotes) == 4
    for quote in quotes:
        (mark,) = quote.xpath("./mark")
        assert mark.text.endswith("residents")
        footer = quote.xpath("string(./footer)")
        assert "Talvern Courier" in footer and "2031-05-01" in footer
        assert quote.xpath('.//a[@href="https://news.example/valley"]')


# -------------------------------------------------------------------- document view


def test_every_claim_is_in_the_document_view() -> None:
    graph = graph_of([*THREE_VOICES, Voice("Ilse Marwen", count(7, 7), doc="d00")])
    tree = page(graph)
    (documents,) = tree.xpath('//section[@id="documents"]')
    for claim in graph.claims:
        (tag,) = documents.xpath(f'.//*[@id="{anchor("clm", claim.id)}"]')
        assert tag.get("data-claim") == claim.id
        mark = tag.getparent()
        assert mark.tag == "mark" and mark.text == claim.evidence.quote
        assert "displaced" in tag.text and claim.modality in tag.text


def test_overlapping_claims_share_one_highlight() -> None:
    graph = graph_of([*THREE_VOICES[:1], Voice("Borek Lund", count(3, 3))])
    doc = graph.documents[0]
    first = graph.claims[0]
    inner = first.model_copy(
        update={
            "id": "clm:ffffffffffffffff",
            "evidence": first.evidence.model_copy(
                update={
                    "start": first.evidence.start,
                    "end": first.evidence.start + 5,
                    "quote": doc.body[first.evidence.start : first.evidence.start + 5],
                }
            ),
        }
    )
    graph = graph.model_copy(update={"claims": [*graph.claims, inner]})
    tree = page(graph)
    (mark,) = tree.xpath(f'//mark[.//*[@id="{anchor("clm", inner.id)}"]]')
    assert len(mark.xpath('./span[@class="tag"]')) == 2


def test_a_graph_without_bodies_still_lists_every_claim() -> None:
    graph = graph_of(THREE_VOICES, bodies=False)
    tree = page(graph)
    for claim in graph.claims:
        assert tree.xpath(f'//ul[@class="lost"]//*[@id="{anchor("clm", claim.id)}"]')


# --------------------------------------------------------------------- self-contained


def test_no_external_url_except_article_links() -> None:
    graph = graph_of(THREE_VOICES)
    tree = page(graph)
    articles = {d.url for d in graph.documents}
    for element in tree.xpath("//*[@src or @href]"):
        for attr in ("src", "href"):
            url = element.get(attr)
            if url is None or url.startswith("#"):
                continue
            assert url in articles, f"{element.tag} {attr}={url}"
            assert "ext" in element.get("class", "")
    assert tree.xpath("//script[@src] | //link | //img | //iframe") == []


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example/a", True),
        ("http://news.example/a", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        (None, False),
    ],
)
def test_only_web_urls_become_links(url: str | None, linked: bool) -> None:
    tree = page(graph_of(THREE_VOICES, url=url))
    assert bool(tree.xpath('//a[contains(@class,"ext")]')) is linked


def test_text_from_articles_is_escaped() -> None:
    tree = page(graph_of(THREE_VOICES, title='<script>alert("x")</script> & co'))
    assert len(tree.xpath("//script")) == 1  # the page's own
    assert '<script>alert("x")</script> & co' in tree.text_content()


def test_filters_are_hidden_without_javascript() -> None:
    tree = page(graph_of(THREE_VOICES))
    (form,) = tree.xpath('//form[@id="filters"]')
    assert form.get("hidden") is not None
    names = {s.get("name") for s in form.xpath(".//select")}
    assert names == {"status", "story", "source"}
    sources = {o.get("value") for o in form.xpath('.//select[@name="source"]/option')}
    assert {"ent:ilse-marwen", "ent:borek-lund", "none"} <= sources


def test_sources_index_lists_every_claim_of_a_source() -> None:
    tree = page(graph_of(THREE_VOICES))
    (section,) = tree.xpath(f'//section[@id="{anchor("src", "ent:ilse-marwen")}"]')
    assert len(section.xpath(".//tr[td]")) == 2
    assert "in a conflict" in section.text_content()


def test_overview_links_each_conflict_to_its_block() -> None:
    tree = page(graph_of(THREE_VOICES))
    (overview,) = tree.xpath('//section[@id="overview"]')
    links = overview.xpath(".//ol//a/@href")
    assert links == ["#" + anchor("fact", "fact:0123456789ab")]
    assert "Stories compared" in overview.text_content()


@pytest.mark.parametrize(
    ("ident", "kind", "expected"),
    [
        ("fact:0123", "fact", "fact-0123"),
        ("ent:ilse-marwen", "src", "src-ilse-marwen"),
        ("floods/01_report", "doc", None),
        ("feed.jsonl#3", "doc", None),
    ],
)
def test_anchors_are_valid_and_distinct(ident: str, kind: str, expected: str | None) -> None:
    made = anchor(kind, ident)
    if expected is not None:
        assert made == expected
    assert all(c.isalnum() or c in "-_" for c in made)
    plain = ident.replace("/", "-").replace("#", "-").replace(".", "-")
    if plain != ident:  # an id that had to be changed never takes the plain one's anchor
        assert made != anchor(kind, plain)


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [(0, 10, [0, 2, 4, 6, 8, 10]), (9800, 12200, [10000, 10500, 11000, 11500, 12000])],
)
def test_nice_ticks(lo: float, hi: float, expected: list[float]) -> None:
    assert nice_ticks(lo, hi, 5) == expected


def test_the_page_is_deterministic() -> None:
    assert render_html(graph_of(THREE_VOICES)) == render_html(graph_of(THREE_VOICES))


# ---------------------------------------------------------------------------- seeds


def test_seeds_page_matches_golden(seeds_graph: Graph) -> None:
    golden = next(g for g in GOLDENS if g.name == "seeds_report.html")
    expected = golden.path.read_text(encoding="utf-8")
    assert golden.render(seeds_graph) == expected, "run `make goldens` and review the diff"


@pytest.fixture(params=["seeds_graph", "corpus_graph"])
def built_graph(request) -> Graph:
    return request.getfixturevalue(request.param)


def test_built_page_structure(built_graph: Graph) -> None:
    tree = page(built_graph)
    differing = [f for f in built_graph.facts if len(f.values) > 1]
    assert len(tree.xpath('//article[contains(@class,"fact")]')) == len(differing)
    for claim in built_graph.claims:
        assert tree.xpath(f'//section[@id="documents"]//*[@id="{anchor("clm", claim.id)}"]')
    articles = {d.url for d in built_graph.documents if d.url}
    external = [u for u in tree.xpath("//@href | //@src") if not u.startswith("#")]
    assert set(external) <= articles
    stories = {f.key.story for f in built_graph.facts}
    options = tree.xpath('//select[@name="story"]/option[@value!=""]')
    assert len(options) == len(stories)


# ------------------------------------------------------------------------------ cli


def test_cli_report_html_to_a_file(tmp_path) -> None:
    from clirun import run

    from claimrec.store import graph_json

    graph_file = tmp_path / "g.json"
    graph_file.write_text(graph_json(graph_of(THREE_VOICES)), encoding="utf-8")
    result = run("report", str(graph_file), "--format", "html", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == render_html(graph_of(THREE_VOICES))
    to_stdout = run("report", str(graph_file), "--format", "html")
    assert to_stdout.stdout == render_html(graph_of(THREE_VOICES))


def test_cli_report_markdown_to_a_file(tmp_path) -> None:
    from clirun import run

    from claimrec.store import graph_json

    graph_file = tmp_path / "g.json"
    graph_file.write_text(graph_json(graph_of(THREE_VOICES)), encoding="utf-8")
    result = run("report", str(graph_file), "--format", "markdown", "-o", str(tmp_path / "r.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Contradiction report")


def test_cli_build_writes_html(tmp_path, nlp) -> None:
    from clirun import run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Officials in Talvern said 300 residents were evacuated.\n")
    (corpus / "b.txt").write_text("Mayor Ilse Marwen said 450 residents were evacuated.\n")
    out = tmp_path / "r.html"
    result = run("build", str(corpus), "-o", str(tmp_path / "g.json"), "--html", str(out))
    assert result.exit_code == 0, result.output
    tree = lxml_html.document_fromstring(out.read_text(encoding="utf-8"))
    assert len(tree.xpath('//section[@id="documents"]//span[@class="tag"]')) >= 2


def test_a_large_corpus_shows_paragraphs_with_claims(monkeypatch) -> None:
    import claimrec.render.html as html_module

    graph = graph_of(THREE_VOICES)
    filler = "The valley road reopened at dawn."
    docs = [
        d.model_copy(
            update={"body": f"{d.body}\n\n{filler}\n\n{d.body.replace('residents', 'goats')}"}
        )
        for d in graph.documents
    ]
    graph = graph.model_copy(update={"documents": docs})
    monkeypatch.setattr(html_module, "FULL_TEXT_BUDGET", 10)
    tree = page(graph)
    (documents,) = tree.xpath('//section[@id="documents"]')
    text = documents.text_content()
    assert filler not in text and "goats" not in text and "[…]" in text
    for claim in graph.claims:
        (tag,) = documents.xpath(f'.//*[@id="{anchor("clm", claim.id)}"]')
        assert tag.getparent().text == claim.evidence.quote
    monkeypatch.setattr(html_module, "FULL_TEXT_BUDGET", 10**9)
    assert filler in page(graph).xpath('string(//section[@id="documents"])')


def test_a_value_with_nothing_to_place_is_named_in_its_row() -> None:
    voices = [Voice("Ilse Marwen", count(None, None)), Voice("Borek Lund", count(50, 50))]
    tree = page(graph_of(voices))
    (text,) = tree.xpath('//svg//text[@class="unplaced"]')
    assert "no figure to place" in text.text


@pytest.mark.parametrize(
    ("reason", "css"),
    [
        (Reason(kind="superseded", values=["400"]), "superseded"),  # named by label only
        (Reason(kind="hedged", values=["400"]), "hedged"),
        (Reason(kind="clash", values=["400", "50"]), None),
    ],
)
def test_reasons_naming_values_mark_them(reason: Reason, css: str | None) -> None:
    voices = [Voice("Ilse Marwen", count(400, 400)), Voice("Borek Lund", count(50, 50))]
    tree = page(graph_of(voices, reasons=(reason,)))
    for name in ("superseded", "hedged"):
        found = [m.text_content() for m in marks(tree, name)]
        assert found == (["400"] if name == css else [])


def test_ids_are_unique_and_every_internal_link_lands(built_graph: Graph) -> None:
    tree = page(built_graph)
    ids = [e.get("id") for e in tree.xpath("//*[@id]")]
    assert len(ids) == len(set(ids))
    targets = {h[1:] for h in tree.xpath("//a/@href") if h.startswith("#")}
    assert targets and targets <= set(ids), targets - set(ids)
    assert tree.xpath("//*[@marker-end]") and all(
        m == "url(#arrow-r)" for m in tree.xpath("//@marker-end")
    )
