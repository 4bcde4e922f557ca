"""Counts in text tables: a number in a cell counts what its column header names.

News explainers put figures in Markdown-style tables ("| Country | Deaths |"). The
parse of a table row says nothing useful, so a row's numbers are read by position:
the header row (the line before the ``|---|`` rule) names what each column counts
("Deaths", "Freed", "Workers called out"), else the row's first cell does
("| Velorian nationals | 31 |"), else the header row as a whole does when it speaks of
counting ("| Day | Counted by | North | South |"). A cell counts people only when one of
those names people through the lexicon; other tables (prices, dates) give nothing.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from claimrec.extract.markdown_tables import Row, markdown_tables
from claimrec.lexicon import Lexicon
from claimrec.numbers import NumberRange, parse_range

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NUM = (
    r"(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?:thousand|million|billion|hundred|k|m)\b)?"
)
_END = r"(?=[\s*|();]|[.,](?:\s|$)|$)"  # a number ends at a space, bracket or final stop
_CELL_NUMBER = re.compile(
    rf"(?:between\s+)?{_NUM}{_END}(?:\s*(?:-|–|to|and|or)\s*{_NUM}{_END})?",
    re.I,
)


class Cell(BaseModel):
    """A number cell of a table row that counts people, with what its header says."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int  # offsets of the number in the body
    end: int
    value: NumberRange
    hedge: str | None
    unit: str
    predicate: str | None
    column: str = ""  # the column's header ("Paris"): a place when the document names one
    column_start: int = -1  # its offset in the body


def table_cells(body: str, lexicon: Lexicon) -> list[Cell]:
    """Every people-counting number cell of every table in ``body``, in body order."""
    out: list[Cell] = []
    for table in markdown_tables(body):
        header = [cell.raw.text for cell in table.header or ()]
        starts = [cell.raw.start for cell in table.header or ()]
        whole = names(" ".join(header), lexicon, counting_only=True)
        for row in table.rows:
            out.extend(_row(row, header, starts, whole, lexicon))
    return out


def _row(
    row: Row,
    header: list[str],
    starts: list[int],
    whole: tuple[str, str | None] | None,
    lexicon: Lexicon,
) -> list[Cell]:
    """The counting cells of one data row. A cell that says itself what its number counts
    ("71 dead", "12 freed") counts that, wherever it stands; otherwise the row's first cell
    is its header and the others count what their column or row header names."""
    if not row:
        return []
    row_head = row[0].raw.text
    out = []
    for column, cell in enumerate(row):
        found = _number(cell.raw.text, lexicon)
        if found is None:
            continue
        (a, b, value, hedge) = found
        own = names(cell.raw.text[b:], lexicon)
        if own is None and column == 0 and len(row) > 1:
            continue
        col_head = header[column] if column < len(header) else ""
        named = own or names(col_head, lexicon) or names(row_head, lexicon) or whole
        if named is None:
            continue
        unit, predicate = named
        out.append(
            Cell(
                start=cell.raw.start + a,
                end=cell.raw.start + b,
                value=value,
                hedge=hedge,
                unit=unit,
                predicate=predicate,
                column=col_head,
                column_start=starts[column] if column < len(starts) else -1,
            )
        )
    return out


def _number(text: str, lexicon: Lexicon) -> tuple[int, int, NumberRange, str | None] | None:
    """The number a cell opens with ("4,180 (12 Oct)", "**105**", "about 5,000")."""
    lead = len(text) - len(text.lstrip(" *_"))
    rest = text[lead:]
    hedge, skip = None, 0
    low = rest.lower()
    for words, kind in sorted(lexicon.hedge_kinds.items(), key=lambda x: -len(x[0])):
        phrase = " ".join(words) + " "
        if low.startswith(phrase):
            hedge, skip = kind, len(phrase)
            break
    m = _CELL_NUMBER.match(rest[skip:])
    if m is None:
        return None
    raw = m.group().rstrip(" .,")
    following = _WORD.match(rest[skip + len(raw) :].lstrip())
    if following is not None and following.group().lower().rstrip(".") in lexicon.month_words:
        return None  # "13 July": a date, not a figure
    value = parse_range(raw)
    if value is None or value.low is None:
        return None
    return lead, lead + skip + len(raw), value, hedge


def names(
    text: str, lexicon: Lexicon, *, counting_only: bool = False
) -> tuple[str, str | None] | None:
    """(unit class, predicate) when a header names people ("WHO deaths", "Freed")."""
    words = [w.lower() for w in _WORD.findall(text)]
    for word in words:
        if counting_only:
            if word in lexicon.counting_words:
                return "people", None
            continue
        for form in _singulars(word):
            entry = lexicon.units.get(form)
            if entry is not None:
                return entry.cls, entry.default_predicate
        if word in lexicon.people_adjectives:
            return "people", lexicon.people_adjectives[word]
        if word in lexicon.demonym_index:
            return lexicon.demonym_unit_class, None
        measure = lexicon.measure_nouns.get(word)
        if measure is not None and measure.predicate is not None:
            return measure.unit, measure.predicate
    return None


def _singulars(word: str) -> tuple[str, ...]:
    """ "bodies" -> body, "deaths" -> death, "people" -> people."""
    if word.endswith("ies"):
        return word, word[:-3] + "y"
    if word.endswith("s"):
        return word, word[:-1]
    return (word,)
