"""Redraw docs/seeds-conflict.png, the README's picture of a conflict block.

Builds the seeds graph, renders the HTML report and has Debian's headless chromium
(through playwright with ``executable_path``; no browser is downloaded) photograph the
first conflict block. Run by ``make docs``.

    python docs/screenshot.py [--chromium PATH] [--width 1100]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "seeds-conflict.png"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium"))
    parser.add_argument("--width", type=int, default=1100)
    args = parser.parse_args()
    if not args.chromium:
        sys.exit("docs/screenshot.py: no chromium found (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    from claimrec.pipeline import build
    from claimrec.render.html import render_html

    page_html = render_html(build([ROOT / "seeds"]), title="claimrec report: seeds")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        path = Path(folder) / "seeds.report.html"
        path.write_text(page_html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": args.width, "height": 900})
        page.emulate_media(color_scheme="light")
        page.goto(path.as_uri())
        page.add_style_tag(content="#filters{display:none!important}")
        block = page.query_selector('article.fact[data-status~="conflict"]')
        if block is None:
            sys.exit("docs/screenshot.py: the seeds report has no conflict block")
        block.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
