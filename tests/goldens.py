"""Golden files: the exact output some tests compare against, rewritten on purpose.

``make goldens`` (``python -m tests.goldens``) rewrites every file in ``GOLDENS``
from the current code; review the diff before committing it. To add one, append a
``Golden`` to the list: a file name under ``tests/goldens/``, the corpus it is built
from, and a function from that corpus's graph to the exact text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from rich.console import Console

from claimrec.models import Graph
from claimrec.render.report import render_markdown, render_text, report_model

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = Path(__file__).resolve().parent / "goldens"
SEEDS = ROOT / "seeds"
TEXT_WIDTH = 100


def text_report(graph: Graph, *, width: int = TEXT_WIDTH) -> str:
    """The text report as a pipe would get it: fixed width, no colour, no terminal."""
    out = StringIO()
    console = Console(file=out, width=width, no_color=True, force_terminal=False)
    render_text(report_model(graph), console)
    return out.getvalue()


def markdown_report(graph: Graph) -> str:
    return render_markdown(report_model(graph))


@dataclass(frozen=True)
class Golden:
    name: str  # file name under tests/goldens/
    corpus: Path  # folder the graph is built from
    render: Callable[[Graph], str]

    @property
    def path(self) -> Path:
        return GOLDEN_DIR / self.name


def html_report(graph: Graph) -> str:
    from claimrec.render.html import render_html

    return render_html(graph)


GOLDENS: list[Golden] = [
    Golden("seeds_report.md", SEEDS, markdown_report),
    Golden("seeds_report.txt", SEEDS, text_report),
    Golden("seeds_report.html", SEEDS, html_report),
]


# claimrec diff: the Markdown diff of each fixture snapshot against the base snapshot.
SNAPSHOTS = ROOT / "fixtures" / "snapshots"
SNAPSHOT_VARIANTS = ("a_new_conflict", "b_correction", "c_resolved", "d_whitespace")


def markdown_diff_from_base(graph: Graph) -> str:
    """``claimrec diff base/ <variant>/ --format markdown``, as a function of the variant."""
    from claimrec.diff import diff_graphs
    from claimrec.render.diff import render_markdown as render_diff_markdown

    return render_diff_markdown(diff_graphs(_graph(SNAPSHOTS / "base"), graph))


GOLDENS += [
    Golden(f"diff_{variant}.md", SNAPSHOTS / variant, markdown_diff_from_base)
    for variant in SNAPSHOT_VARIANTS
]


@functools.cache
def _graph(corpus: Path) -> Graph:
    from claimrec.pipeline import build

    return build([corpus])


def main() -> None:
    GOLDEN_DIR.mkdir(exist_ok=True)
    for golden in GOLDENS:
        text = golden.render(_graph(golden.corpus))
        golden.path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {golden.path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
