"""Counts in text tables: a number in a cell counts what its column header names.

News explainers put figures in Markdown-style tables ("| Country | Deaths |"). The
parse of a table row says nothing useful, so a row's numbers are read by position:
the header row (the line before the ``|---|`` rule) names what each column counts
("Deaths", "Freed", "Workers called out"), else the row's first cell does
("| Velorian nationals | 31 |"), else the header row as a whole does when it speaks of
counting ("| Day | Counted by | North | South |"). A cell counts people only when one of
those names people through the lexicon; other tables (prices, dates) give nothing.

A date set beside a figure dates that figure: in its own cell ("| 2,710 (14 Sept) |"),
else in its column's header ("| Deaths, 21 Sept |": two columns with different dates are
two moments), else beside a figure of its row from the same source ("| WHO cases | WHO
deaths |"), else in a cell of its row that holds only a date ("| Tuesday 7 March | ...").
"""

from __future__ import annotations

import re
from itertools import pairwise

from pydantic import BaseModel, ConfigDict

from claimrec.dates import resolve_date
from claimrec.extract.markdown_tables import MARKUP, Row, markdown_tables
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
    column: str = ""  # the column's header ("Selm"): a place when the document names one
    column_start: int = -1  # its offset in the body
    time: str | None = None  # the date phrase that dates the figure, as written


def table_cells(body: str, lexicon: Lexicon) -> list[Cell]:
    """Every people-counting number cell of every table in ``body``, in body order."""
    out: list[Cell] = []
    for table in markdown_tables(body):
        header = [cell.raw.text for cell in table.header or ()]
        starts = [cell.raw.start for cell in table.header or ()]
        # the corner cell names what the whole table counts ("| Deaths | 14 May | 18 May |"),
        # else a header that speaks of counting does
        corner = names(header[0], lexicon) if header else None
        whole = corner or names(" ".join(header), lexicon, counting_only=True)
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
    row_day = _row_date(row, lexicon)
    out: list[Cell] = []
    columns: list[int] = []
    for column, cell in enumerate(row):
        found = _number(cell.raw.text, lexicon)
        if found is None:
            continue
        (a, b, value, hedge) = found
        own = names(cell.raw.text[b:], lexicon)
        if own is None and column == 0 and len(row) > 1:
            continue
        col_head = header[column] if column < len(header) else ""
        headed = names(col_head, lexicon) or names(row_head, lexicon) or whole
        named = own or headed
        if named is None:
            continue
        unit, predicate = named
        if predicate is None and headed is not None:
            predicate = headed[1]  # "| People on board | 420 people |": the header says what
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
                time=_own_date(cell.raw.text[b:], lexicon) or date_text(col_head, lexicon),
            )
        )
        columns.append(column)
    return _dated_by_source(out, columns, header, lexicon, row_day)


def _dated_by_source(
    cells: list[Cell], columns: list[int], header: list[str], lexicon: Lexicon, row_day: str | None
) -> list[Cell]:
    """Undated figures of a row take the date of a figure whose column has the same source
    ("| WHO cases | WHO deaths |": a row's WHO figures come from one report, so "2,710 (14
    Sept)" dates the WHO deaths beside it), else the row's own date."""
    sources = [_source_words(header[k] if k < len(header) else "", lexicon) for k in columns]
    out = []
    for cell, source in zip(cells, sources, strict=True):
        time = cell.time
        if time is None and source:
            time = next(
                (c.time for c, s in zip(cells, sources, strict=True) if c.time and s == source),
                None,
            )
        out.append(cell.model_copy(update={"time": time or row_day}))
    return out


def _source_words(head: str, lexicon: Lexicon) -> frozenset[str]:
    """The words of a column header that are neither what it counts nor a date: who gives
    its figures ("WHO deaths" -> who)."""
    return frozenset(
        w.lower()
        for w in _WORD.findall(head)
        if names(w, lexicon) is None and w.lower().rstrip(".") not in lexicon.month_words
    )


_PIECES = re.compile(r"[,;()\[\]–—]")
MAX_DATE_WORDS = 5


def date_text(text: str, lexicon: Lexicon) -> str | None:
    """The date phrase of a cell or header ("(14 Sept)", "Deaths, 21 Sept", "as of 3 May",
    "deaths on 2 June"): the longest run of words, within one stretch between brackets or
    commas, that names a month or weekday and reads as a date. None when there is none."""
    for piece in _PIECES.split(text):
        words = piece.strip(MARKUP).split()
        named = [k for k, w in enumerate(words) if _calendar_word(w, lexicon)]
        if not named:
            continue
        spans = sorted(
            ((a, b) for a in range(named[0] + 1) for b in range(named[0] + 1, len(words) + 1)),
            key=lambda ab: ab[0] - ab[1],
        )
        for a, b in spans:
            if b - a > MAX_DATE_WORDS:
                continue
            phrase = " ".join(words[a:b]).strip(MARKUP + ":")
            if resolve_date(phrase, published=None).granularity != "unknown":
                return None if _opens_window(words, a, lexicon) else phrase
    return None


def _opens_window(words: list[str], start: int, lexicon: Lexicon) -> bool:
    """Whether the date starting at ``words[start]`` opens a running count ("since 16 March")."""
    windows = lexicon.where_when.window_preps
    return any(w.lower().strip(MARKUP) in windows for w in words[max(0, start - 1) : start + 1])


def _own_date(tail: str, lexicon: Lexicon) -> str | None:
    """The date a cell gives its figure ("2,710 (14 Sept)"); not one that dates another
    figure in the cell ("2,710 (up from 2,100 on 7 Sept)")."""
    found = date_text(tail, lexicon)
    if found is None or any(ch.isdigit() for ch in tail.replace(found, "", 1)):
        return None
    return found


def _calendar_word(word: str, lexicon: Lexicon) -> bool:
    """A capitalised month or weekday name ("Sept.", "Tuesday"); never the verb "may"."""
    word = word.strip(MARKUP + ".:")
    return word[:1].isupper() and word.lower() in lexicon.month_words


def _row_date(row: Row, lexicon: Lexicon) -> str | None:
    """The date of a row: a cell that holds a date and nothing else ("| Sept. 15 |")."""
    for cell in row:
        text = cell.text.text.strip(MARKUP + ".:")
        found = date_text(text, lexicon)
        if found is not None and found.strip(".:") == text:
            return found
    return None


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
    """(unit class, predicate) when a header names people ("WHO deaths", "Freed"). A word
    that says what happened decides the predicate wherever it stands, the first people noun
    the class ("Officers injured": officers, injured)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if counting_only:
        return ("people", None) if any(w in lexicon.counting_words for w in words) else None
    first: tuple[str, str | None] | None = None
    for word in words:
        found = _word_names(word, lexicon)
        if found is not None and found[1] is not None:
            return (first[0] if first is not None else found[0]), found[1]
        first = first or found
    state = _state_named(words, lexicon)  # "People on board", "Workers on strike"
    if state is None and words:
        state = _participle_named(words[0], lexicon)  # "Treated for burns"
    if state is None:
        state = _taking_part(words, first[0] if first is not None else None, lexicon)
    if state is not None:
        return (first[0] if first is not None else "people"), state
    return first


def _taking_part(words: list[str], unit: str | None, lexicon: Lexicon) -> str | None:
    """A phrase of taking part in a header ("Workers walked out", "Members called out"):
    what its people's class implies (workers called out are out on strike), else the
    phrase's own default."""
    part = lexicon.participation
    for verb, particle in pairwise(words):
        for stem in (verb, verb.removesuffix("ed"), verb.removesuffix("d")):
            phrase = f"{stem} {particle}"
            if phrase in part.phrases:
                implied = part.subject_classes.get(unit) if unit is not None else None
                return implied or part.defaults.get(phrase)
    return None


def _state_named(words: list[str], lexicon: Lexicon) -> str | None:
    """The predicate of a state phrase a header states ("on board", "on strike", "aboard",
    "in shelters": the state's object may be plural)."""
    for i, word in enumerate(words):
        pairs = (
            [f"{words[i]} {obj}" for obj in _singulars(words[i + 1])] if i + 1 < len(words) else []
        )
        for phrase in (*pairs, word):
            name = lexicon.state_predicates.get(phrase)
            if name is not None:
                return name
    return None


def _participle_named(word: str, lexicon: Lexicon) -> str | None:
    """A header opening with the past participle of a predicate's verb ("Treated for
    burns", "Sheltered overnight"): the people it happened to, that predicate."""
    if not word.endswith("ed"):
        return None
    for stem in (word[:-2], word[:-1], word[:-3] if word[-3:-2] == word[-4:-3] else ""):
        name = lexicon.verb_predicates.get(stem)
        if stem and name is not None:
            return name
    return None


def _word_names(word: str, lexicon: Lexicon) -> tuple[str, str | None] | None:
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
