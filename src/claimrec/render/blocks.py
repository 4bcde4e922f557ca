"""Pieces shared by the renderers: indented blocks for the terminal, escaping for Markdown."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|~"} | {"\n": " ", "\r": " "})


def md(text: str) -> str:
    """Inline Markdown (also safe in a table cell): special characters escaped, line breaks
    turned into spaces."""
    return text.translate(_MD_SPECIAL)


class Indented:
    """``renderable`` indented by ``indent`` cells: after a ``marker`` on the first line (a
    hanging indent), after a ``gutter`` on every line (a block quote), or after spaces.
    Lines are not padded to the full width, so plain text carries no trailing spaces."""

    def __init__(
        self,
        renderable: RenderableType,
        indent: int,
        *,
        marker: tuple[str, str] | None = None,
        gutter: tuple[str, str] | None = None,
    ) -> None:
        for name, mark in (("marker", marker), ("gutter", gutter)):
            if mark is not None and len(mark[0]) >= indent:
                raise ValueError(f"{name} {mark[0]!r} needs an indent wider than {indent}")
        if indent < 0:
            raise ValueError(f"indent must be 0 or more, got {indent}")
        self.renderable = renderable
        self.indent = indent
        self.marker = marker
        self.gutter = gutter

    def _prefix(self, console: Console, mark: tuple[str, str] | None) -> Segment:
        if mark is None:
            return Segment(" " * self.indent)
        return Segment(f"{mark[0]} ".rjust(self.indent), console.get_style(mark[1]))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 1)
        lines = console.render_lines(self.renderable, options.update_width(width), pad=False)
        first, rest = (
            self._prefix(console, self.marker or self.gutter),
            self._prefix(console, self.gutter),
        )
        for number, line in enumerate(lines):
            content = _rstrip(line)
            if content and self.indent:
                yield first if number == 0 else rest
            yield from content
            yield Segment.line()


def _rstrip(line: list[Segment]) -> list[Segment]:
    """A rendered line without trailing whitespace."""
    out = list(line)
    while out and not out[-1].control and not out[-1].text.rstrip():
        out.pop()
    if out and not out[-1].control:
        last = out[-1]
        out[-1] = Segment(last.text.rstrip(), last.style)
    return out
