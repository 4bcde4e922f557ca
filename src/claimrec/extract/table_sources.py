"""Who gives the figures in a Markdown table.

Explainers set competing counts side by side in a table, and the table itself says
whose each figure is: a column headed "Source" or "Counted by" names it on every
row, a column header names it for the whole column ("Workers out (UNU
figure)", "WHO cases", or a header that is only a name: "Port Authority"), and a
name in brackets after a cell's figure names that figure's own source ("410 (Harbour
Board)"). The table is read from the document body with its offsets, so a claim whose
number sits in a cell finds its source by position alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimrec.extract.markdown_tables import MARKUP, Row, TextSpan, markdown_tables
from claimrec.lexicon import Lexicon

MAX_NAME_WORDS = 6
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_NAME_END = re.compile(r"\s*(?:,|\(|;|—|–| - ).*$", re.S)
# a figure followed by a bracketed name: "410 (Harbour Board)", "more than 90 (the union)"
_BRACKETED = re.compile(r"\d[^()]*\(\s*(?:the\s+)?([A-Z][^()\d]*?)\s*\)\s*$")
_NAME_WORD = re.compile(r"[A-Z][\w'’&.-]*|of|the|and|for")  # capitalised, or a joiner


@dataclass(frozen=True)
class CellSource:
    """The figures in body[start:end] are given by ``source`` (a cell or header span)."""

    start: int
    end: int
    source: TextSpan


def table_sources(body: str, lexicon: Lexicon) -> list[CellSource]:
    """For every data cell of every table in ``body``, the source its figure is given by."""
    out: list[CellSource] = []
    for table in markdown_tables(body):
        if table.header is not None:
            out.extend(_sources(table.header, table.rows, lexicon))
        else:  # a table without a rule still opens with the row naming its columns
            out.extend(_sources(table.rows[0], table.rows[1:], lexicon))
    return out


def source_at(sources: list[CellSource], position: int) -> TextSpan | None:
    """The source of the cell holding body offset ``position``, if any."""
    for found in sources:
        if found.start <= position < found.end:
            return found.source
    return None


def _sources(header: Row, rows: tuple[Row, ...], lexicon: Lexicon) -> list[CellSource]:
    words = lexicon.attribution
    by_row = [k for k, c in enumerate(header) if c.text.text.lower() in words.table_source_headers]
    by_column = {k: _column_author(c.text, lexicon) for k, c in enumerate(header)}
    out = []
    for row in rows:
        named = _name(row[by_row[0]].text) if by_row and by_row[0] < len(row) else None
        for k, cell in enumerate(row):
            if k in by_row:
                continue
            source = named or _bracketed(cell.text, lexicon) or by_column.get(k)
            if source is not None and source.text:
                out.append(CellSource(start=cell.text.start, end=cell.text.end, source=source))
    return out


def _name(cell: TextSpan) -> TextSpan | None:
    """The name a source cell opens with ("Shore Monitor, from calls" -> "Shore Monitor")."""
    text = _NAME_END.sub("", cell.text).rstrip(MARKUP)
    return TextSpan(start=cell.start, end=cell.start + len(text), text=text) if text else None


def _bracketed(cell: TextSpan, lexicon: Lexicon) -> TextSpan | None:
    """The source a cell names for its own figure in brackets after it ("410 (Harbour
    Board)", "12 (Velk governor)"): a name, never a note ("(estimate)", "(March)")."""
    found = _BRACKETED.search(cell.text)
    if found is None or not _source_name(found.group(1), lexicon, lone=False):
        return None
    return _span(cell, found.start(1), found.end(1))


def _source_name(text: str, lexicon: Lexicon, *, lone: bool) -> bool:
    """Whether ``text`` reads as the name of who gives a figure: an acronym, or
    capitalised words (with the small words names keep) ending in an organisation noun
    or any name; ``lone`` (a header with nothing else in it) asks for the stricter
    acronym or organisation-noun ending, since a lone capitalised header is most often
    what the column counts ("Deaths", "Region")."""
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    heads = {*lexicon.attribution.organization_heads, *lexicon.merging.short_form_heads}
    last = words[-1].lower().strip("'’")
    if len(words) == 1:
        return bool(_ACRONYM.match(words[0]))
    inner = words if lone else words[:-1]  # "(Velk governor)": a role may close it
    if not all(_NAME_WORD.fullmatch(w) for w in inner) or not words[0][:1].isupper():
        return False
    if last in heads or last.rstrip("s") in heads:
        return True
    roles = {*lexicon.title_set, *lexicon.attribution.agent_nouns}
    return not lone and (last in roles or words[-1][:1].isupper())  # "(X governor)"


def _column_author(cell: TextSpan, lexicon: Lexicon) -> TextSpan | None:
    """The author a header names for its column: the capitalised words before a report
    noun ("(UNU figure)", "Aid League estimate"), an acronym or organisation noun
    opening it ("WHO cases", "Bureau deaths"), or the header as a whole when it is a
    name ("KFA", "Water Board")."""
    if _source_name(cell.text.strip(MARKUP + " "), lexicon, lone=True):
        text = cell.text.strip(MARKUP + " ")
        start = cell.text.index(text)
        return _span(cell, start, start + len(text))
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


def _span(cell: TextSpan, start: int, end: int) -> TextSpan:
    return TextSpan(start=cell.start + start, end=cell.start + end, text=cell.text[start:end])
