"""Who gives the figures in a Markdown table.

Explainers set competing counts side by side in a table, and the table itself says
whose each figure is: a column headed "Source" or "Counted by" names it on every
row, or a column header names it for the whole column ("Workers out (UNU
figure)", "WHO cases"). The table is read from the document body with its offsets,
so a claim whose number sits in a cell finds its source by position alone.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from claimrec.lexicon import Lexicon

_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_SEPARATOR = re.compile(r"^[\s|:\-]+$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_NAME_END = re.compile(r"\s*(?:,|\(|;|—|–| - ).*$", re.S)
_MARKUP = "*_` "


@dataclass(frozen=True)
class Cell:
    """A cell's text (markup and padding trimmed) and where that text sits in the body."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CellSource:
    """The figures in body[start:end] are given by ``source`` (a cell or header span)."""

    start: int
    end: int
    source: Cell


def table_sources(body: str, lexicon: Lexicon) -> list[CellSource]:
    """For every data cell of every table in ``body``, the source its figure is given by."""
    out: list[CellSource] = []
    for table in _tables(body):
        out.extend(_sources(table, lexicon))
    return out


def source_at(sources: list[CellSource], position: int) -> Cell | None:
    """The source of the cell holding body offset ``position``, if any."""
    for found in sources:
        if found.start <= position < found.end:
            return found.source
    return None


def _tables(body: str) -> list[list[list[Cell]]]:
    """Runs of table rows (header first), each row a list of cells; separators dropped."""
    tables: list[list[list[Cell]]] = []
    current: list[list[Cell]] = []
    offset = 0
    for line in body.split("\n"):
        if _ROW.match(line):
            if not _SEPARATOR.match(line):
                current.append(_cells(line, offset))
        elif current:
            tables.append(current)
            current = []
        offset += len(line) + 1
    if current:
        tables.append(current)
    return [t for t in tables if len(t) > 1]


def _cells(line: str, offset: int) -> list[Cell]:
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    cells = []
    for left, right in itertools.pairwise(bars):
        raw = line[left + 1 : right]
        lead = len(raw) - len(raw.lstrip(_MARKUP))
        text = raw.strip(_MARKUP)
        start = offset + left + 1 + lead
        cells.append(Cell(start=start, end=start + len(text), text=text))
    return cells


def _sources(table: list[list[Cell]], lexicon: Lexicon) -> list[CellSource]:
    header, rows = table[0], table[1:]
    words = lexicon.attribution
    by_row = [k for k, c in enumerate(header) if c.text.lower() in words.table_source_headers]
    by_column = {k: _column_author(c, lexicon) for k, c in enumerate(header)}
    out = []
    for row in rows:
        named = _name(row[by_row[0]]) if by_row and by_row[0] < len(row) else None
        for k, cell in enumerate(row):
            if k in by_row:
                continue
            source = named or by_column.get(k)
            if source is not None and source.text:
                out.append(CellSource(start=cell.start, end=cell.end, source=source))
    return out


def _name(cell: Cell) -> Cell | None:
    """The name a source cell opens with ("Alarm Phone, from calls" -> "Alarm Phone")."""
    text = _NAME_END.sub("", cell.text).rstrip(_MARKUP)
    return Cell(start=cell.start, end=cell.start + len(text), text=text) if text else None


def _column_author(cell: Cell, lexicon: Lexicon) -> Cell | None:
    """The author a header names for its column: the capitalised words before a report
    noun ("(UNU figure)", "Red Cross estimate"), or an acronym or organisation noun
    opening it ("WHO cases", "Ministry deaths")."""
    report = lexicon.attribution.report_nouns
    words = [(m.start(), m.group()) for m in re.finditer(r"[\w'’&.]+", cell.text)]
    for k, (_, word) in enumerate(words):
        if word.lower() in report or word.lower().rstrip("s") in report:
            names: list[tuple[int, str]] = []
            for start, before in reversed(words[:k]):
                if not before[:1].isupper():
                    break
                names.insert(0, (start, before))
            if names:
                return _span(cell, names[0][0], names[-1][0] + len(names[-1][1]))
    first = words[0][1] if words else ""
    heads = lexicon.attribution.organization_heads
    if len(words) > 1 and (_ACRONYM.match(first) or first.lower() in heads):
        return _span(cell, words[0][0], words[0][0] + len(first))
    return None


def _span(cell: Cell, start: int, end: int) -> Cell:
    return Cell(start=cell.start + start, end=cell.start + end, text=cell.text[start:end])
