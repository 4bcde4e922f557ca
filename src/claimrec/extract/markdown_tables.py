"""The Markdown tables of a document body, read once with their body offsets.

News explainers set figures side by side in pipe tables ("| Country | Deaths |").
Two readers ask different things of them (what a cell counts, who gives its figure),
but both need the same layout: which lines are rows, which row heads the table, and
where each cell's text sits in the body. A row is a line whose first non-blank
character is a pipe; its cells are the stretches between successive pipes. A rule
("|---|:--:|") makes the row just above it the header of a new table; any line that
is not a row ends the table. A run of rows with no rule is a table without a header.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

MARKUP = "*_` "  # padding and inline emphasis around a cell's text
_DASHES = re.compile(r"\s*:?-+:?\s*")


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the body: its text and where it sits (body[start:end] == text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TableCell:
    """One cell of a row: everything between its two pipes (``raw``, padding and
    markup included), and its text with padding and markup trimmed (``text``)."""

    raw: TextSpan
    text: TextSpan


Row = tuple[TableCell, ...]


@dataclass(frozen=True)
class Table:
    """A header row (the row above the rule; None when the table has no rule) and the
    data rows under it, in body order."""

    header: Row | None
    rows: tuple[Row, ...]


def markdown_tables(body: str) -> list[Table]:
    """Every table of ``body``, in body order."""
    tables: list[Table] = []
    header: Row | None = None
    rows: list[Row] = []
    previous: Row | None = None  # the row on the line just above, if it was a row
    for offset, line in _lines(body):
        if not line.lstrip().startswith("|"):
            tables += _close(header, rows)
            header, rows, previous = None, [], None
        elif _is_rule(line):
            if previous is not None:  # the row above heads a new table
                tables += _close(header, rows[:-1])
                header, rows = previous, []
            previous = None
        else:
            previous = _row(line, offset)
            rows.append(previous)
    return tables + _close(header, rows)


def _close(header: Row | None, rows: list[Row]) -> list[Table]:
    """The table so far, if it has any row at all."""
    return [Table(header=header, rows=tuple(rows))] if header is not None or rows else []


def _lines(body: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in body.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _is_rule(line: str) -> bool:
    """Whether a row is a rule: every cell a run of dashes, perhaps with colons."""
    inner = line.strip()[1:]
    inner = inner[:-1] if inner.endswith("|") else inner
    return all(_DASHES.fullmatch(part) for part in inner.split("|"))


def _row(line: str, offset: int) -> Row:
    bars = [k for k, ch in enumerate(line) if ch == "|"]
    return tuple(_cell(line[a + 1 : b], offset + a + 1) for a, b in itertools.pairwise(bars))


def _cell(raw: str, start: int) -> TableCell:
    lead = len(raw) - len(raw.lstrip(MARKUP))
    text = raw.strip(MARKUP)
    return TableCell(
        raw=TextSpan(start=start, end=start + len(raw), text=raw),
        text=TextSpan(start=start + lead, end=start + lead + len(text), text=text),
    )
