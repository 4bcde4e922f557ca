"""The HTML report in a real browser: Debian's ``chromium``, headless, driven by
playwright with ``executable_path`` (playwright never downloads a browser here).

The page must load with no console error, the filters must hide what they should, and
screenshots at 1280 and 400 px wide must not be blank. Skipped, saying why, only when no
chromium can be found (``.ci/run`` installs it with apt-get)."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from html_builders import THREE_VOICES, Voice, count, graph_of

from claimrec.models import Graph
from claimrec.render.html import render_html

CHROMIUM_NAMES = ("chromium", "chromium-browser")


def chromium_path() -> str | None:
    """Debian's chromium: ``$CLAIMREC_CHROMIUM`` if set, else the first on ``PATH``."""
    configured = os.environ.get("CLAIMREC_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium found ($CLAIMREC_CHROMIUM or PATH); install Debian's: "
    "apt-get install -y chromium (.ci/run does)",
)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is a dev dependency: pip install -e '.[dev]'"
    )
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


def open_page(browser, graph: Graph, tmp_path: Path, *, width: int = 1280):
    """The report of ``graph`` loaded from a file, with console errors collected."""
    path = tmp_path / "report.html"
    path.write_text(render_html(graph), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request", lambda r: errors.append(f"fetched {r.url}") if r.url != path.as_uri() else None
    )
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors


def two_facts() -> Graph:
    """Two facts whose values differ: a conflict and an update, from different sources."""
    conflict = graph_of(THREE_VOICES)
    updated = graph_of(
        [
            Voice("Cara Odell", count(10, 10), doc="u1"),
            Voice("Cara Odell", count(25, 25), doc="u2"),
        ],
        status="updated",
    )
    fact = updated.facts[0].model_copy(
        update={
            "id": "fact:fedcba987654",
            "key": updated.facts[0].key.model_copy(update={"predicate": "rescued"}),
            "claims": [c.replace("clm:", "clm:u") for c in updated.facts[0].claims],
            "values": [
                v.model_copy(update={"claims": [c.replace("clm:", "clm:u") for c in v.claims]})
                for v in updated.facts[0].values
            ],
        }
    )
    claims = [c.model_copy(update={"id": c.id.replace("clm:", "clm:u")}) for c in updated.claims]
    return conflict.model_copy(
        update={
            "documents": sorted([*conflict.documents, *updated.documents], key=lambda d: d.id),
            "entities": sorted([*conflict.entities, *updated.entities], key=lambda e: e.id),
            "claims": [*conflict.claims, *claims],
            "facts": [*conflict.facts, fact],
        }
    )


def distinct_bytes(png: bytes) -> int:
    """How many different byte values the PNG's decoded image data holds: a blank
    screenshot has a handful (one colour and the filter bytes), a drawn page hundreds."""
    data, at = b"", 8
    while at < len(png):
        length = struct.unpack(">I", png[at : at + 4])[0]
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))


def visible_facts(page) -> list[str]:
    return page.eval_on_selector_all(
        "article.fact", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
    )


def test_page_loads_without_console_errors_or_requests(browser, tmp_path: Path) -> None:
    page, errors = open_page(browser, two_facts(), tmp_path)
    assert errors == []
    assert page.is_visible("#filters"), "the script shows the filters"
    assert len(visible_facts(page)) == 2
    page.close()


@pytest.mark.parametrize(
    ("select", "value", "shown"),
    [
        ("status", "conflict", ["fact-0123456789ab"]),
        ("status", "updated", ["fact-fedcba987654"]),
        ("status", "single", []),
        ("source", "ent:cara-odell", ["fact-fedcba987654"]),
        ("source", "ent:borek-lund", ["fact-0123456789ab"]),
        ("source", "none", ["fact-0123456789ab"]),
        ("status", "", ["fact-0123456789ab", "fact-fedcba987654"]),
    ],
)
def test_filters_hide_what_they_should(
    browser, tmp_path: Path, select: str, value: str, shown: list[str]
) -> None:
    page, errors = open_page(browser, two_facts(), tmp_path)
    page.select_option(f"#filters select[name={select}]", value)
    assert sorted(visible_facts(page)) == shown
    hidden_sources = page.eval_on_selector_all(
        "section.source", "els => els.filter(e => e.hidden).map(e => e.id)"
    )
    if select == "source" and value:
        assert f"src-{value.removeprefix('ent:')}" not in hidden_sources
        assert hidden_sources, "other sources are hidden"
    assert errors == []
    page.close()


def forty_voices() -> Graph:
    """Forty sources with long names and forty different figures."""
    name = "Spokesperson {} of the Talvern Valley Emergency Relief Coordination Committee"
    return graph_of([Voice(name.format(i), count(i * 53, i * 53 + i)) for i in range(1, 41)])


GRAPHS = {"two facts": two_facts, "forty voices": forty_voices}


@pytest.mark.parametrize("width", [1280, 400])
@pytest.mark.parametrize("graph", sorted(GRAPHS))
def test_screenshots_are_not_blank(browser, tmp_path: Path, width: int, graph: str) -> None:
    page, errors = open_page(browser, GRAPHS[graph](), tmp_path, width=width)
    shot = tmp_path / f"page-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5_000
    # not blank: the chart's marks are drawn with a size inside the viewport's width
    boxes = page.eval_on_selector_all(
        "figure.chart .mark", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert boxes and all(w > 0 for w in boxes)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    assert distinct_bytes(png) > 20, "the screenshot is one flat colour"
    blank = browser.new_page(viewport={"width": width, "height": 900})
    blank.set_content("<html><body></body></html>")
    assert distinct_bytes(blank.screenshot()) <= 20, "the blankness check itself works"
    blank.close()
    assert errors == []
    page.close()


def test_readable_without_javascript(browser, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(two_facts()), encoding="utf-8")
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(path.as_uri())
    assert not page.is_visible("#filters"), "filters need the script, so they stay hidden"
    assert len(visible_facts(page)) == 2
    assert page.eval_on_selector_all("figure.chart .mark", "els => els.length") > 0
    context.close()


def test_dark_mode_and_print(browser, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(two_facts()), encoding="utf-8")
    backgrounds = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(path.as_uri())
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if scheme == "light":
            page.emulate_media(media="print")
            assert not page.is_visible("#filters") and not page.is_visible("nav")
            assert len(visible_facts(page)) == 2
        context.close()
    assert backgrounds["light"] == "rgb(255, 255, 255)"
    assert backgrounds["dark"] != backgrounds["light"]
