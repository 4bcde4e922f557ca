"""Cutting a document body into the pieces the pipeline sees, and deciding which to parse.

A paragraph (one line of the body) is the unit of parsing: news text puts a new
sentence on every line even when it has no final period (titles, bullets), and
reported speech never carries across a paragraph break. Very long lines are cut
at sentence punctuation so no piece exceeds the parser's comfortable size.
Markup tags are blanked with spaces of the same length, so offsets into the
body stay exact while tags never reach the parser.

The parser is the expensive part, and most sentences cannot hold a claim. A cheap
pass (``plan``) marks the sentences that can: a number or number word, a date
word, or a place phrase beside an event word (all from the lexicon's
``prefilter``). Those are parsed, with the sentence before each unless the
sentence names its own speaker ("said", "according"); the rest only go
through NER, so the entity table still knows every name; with
``entities="claims"`` they are skipped altogether.
"""

from __future__ import annotations

import bisect
import re

from pydantic import BaseModel, ConfigDict

from claimrec.extract.datelines import mask_datelines
from claimrec.lexicon import Lexicon

MAX_PIECE_CHARS = 20_000
_TAG = re.compile(r"<[^<>\n]{1,300}>")
_CUT = re.compile(r"(?<=[.!?])\s+")
_ENDS = frozenset(".!?:;\"”’')]")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z]?)\.$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_ASCII_DIGIT = re.compile(r"[0-9]")


QUOTE_MARKS = frozenset('"“”')
# The start of an item of a bulleted or numbered list.
LIST_ITEM = re.compile(r"\s*(?:[-*•–]|\d{1,2}[.)])\s")


class Quotes:
    """Where quotations are open in a body, answered in log time per position: a position
    is inside a quotation opened earlier in its paragraph (its line) when an odd number of
    straight quotes, or more “ than ”, come before it on the line."""

    def __init__(self, body: str) -> None:
        self.lines = [0] + [i + 1 for i in _positions(body, "\n")]
        self.marks = {m: _positions(body, m) for m in '"“”'}

    def inside(self, position: int) -> bool:
        start = self.lines[bisect.bisect_right(self.lines, position) - 1]

        def between(mark: str) -> int:
            found = self.marks[mark]
            return bisect.bisect_left(found, position) - bisect.bisect_left(found, start)

        return between('"') % 2 == 1 or between("“") > between("”")

    def opening(self, position: int) -> int | None:
        """Where the quotation open at ``position`` opened (the last straight quote or “
        before it on its line), or None outside one."""
        if not self.inside(position):
            return None
        start = self.lines[bisect.bisect_right(self.lines, position) - 1]
        found = [
            marks[i - 1]
            for mark in ('"', "“")
            if (i := bisect.bisect_left(marks := self.marks[mark], position)) > 0
            and marks[i - 1] >= start
        ]
        return max(found, default=None)

    def closing(self, position: int) -> int | None:
        """Where the quotation open at ``position`` closes on its line (the next straight
        quote, or the next ”), or None when it runs on past the line."""
        if not self.inside(position):
            return None
        k = bisect.bisect_right(self.lines, position)
        end = self.lines[k] if k < len(self.lines) else None
        found = [
            marks[i]
            for mark in ('"', "”")
            if (i := bisect.bisect_left(marks := self.marks[mark], position)) < len(marks)
        ]
        close = min(found, default=None)
        return close if close is not None and (end is None or close < end) else None


def _positions(text: str, char: str) -> list[int]:
    """Every index of ``char`` in ``text``, in order (str.find: a per-character loop in
    Python cost ~1% of a build)."""
    out = []
    at = text.find(char)
    while at != -1:
        out.append(at)
        at = text.find(char, at + 1)
    return out


class Piece(BaseModel):
    """A stretch of the body to parse, and where it starts in the body."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    text: str
    paragraph: int
    parse: bool = True


def mask_markup(text: str) -> str:
    """Blank out HTML-like tags, keeping every other character at its offset."""
    return _TAG.sub(lambda m: " " * len(m.group()), text)


def pieces(body: str, *, max_chars: int = MAX_PIECE_CHARS) -> list[Piece]:
    """Non-blank paragraphs of ``body`` (markup and datelines masked), long ones cut into
    pieces. A paragraph starts at its first visible character: a blanked dateline left as
    leading spaces would change how NER reads the first sentence."""
    out: list[Piece] = []
    for number, (offset, text) in enumerate(_paragraphs(mask_datelines(mask_markup(body)))):
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.extend(_cut(text[lead:], offset + lead, number, max_chars))
    return out


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Lines, with hard-wrapped continuations joined: a line that does not end a sentence
    followed by one that starts in lowercase or with a digit is the same paragraph (the
    newline stays in the text, so offsets are unchanged)."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if out and _continues(out[-1][1], line):
            start, previous = out[-1]
            out[-1] = (start, f"{previous}\n{line}")
        else:
            out.append((offset, line))
        offset += len(line) + 1
    return out


def _continues(previous: str, line: str) -> bool:
    head = previous.rstrip()
    first = line.lstrip()[:1]
    return bool(head) and head[-1] not in _ENDS and (first.islower() or first.isdigit())


def _cut(line: str, offset: int, paragraph: int, max_chars: int) -> list[Piece]:
    if len(line) <= max_chars:
        return [Piece(start=offset, text=line, paragraph=paragraph)]
    out: list[Piece] = []
    begin = 0
    while begin < len(line):
        end = min(len(line), begin + max_chars)
        if end < len(line):
            cuts = [m.end() for m in _CUT.finditer(line, begin, end)]
            if cuts and cuts[-1] > begin:
                end = cuts[-1]
        out.append(Piece(start=offset + begin, text=line[begin:end], paragraph=paragraph))
        begin = end
    return [p for p in out if p.text.strip()]


def plan(body: str, lexicon: Lexicon, *, entities: str = "all") -> list[Piece]:
    """``pieces`` split at sentences into runs to parse and runs only to scan for names."""
    words = _prefilter(lexicon)
    runs: list[Piece] = []
    for piece in pieces(body):
        sentences = _sentences(piece, words.titles)
        wanted = [words.candidate(text) for _, text in sentences]
        needs_context = [
            w and not words.speaks(text) for w, (_, text) in zip(wanted, sentences, strict=True)
        ]
        parse = [w or (k + 1 < len(wanted) and needs_context[k + 1]) for k, w in enumerate(wanted)]
        parse = _to_closing_quote(piece, sentences, parse)
        runs.extend(_runs(piece, sentences, parse))
    runs = _list_introductions(runs)
    return [run for run in runs if run.parse or entities == "all"]


def _list_introductions(runs: list[Piece]) -> list[Piece]:
    """A sentence ending in a colon before a list with figures is parsed: it may name who
    gives them ("X gave these figures:")."""
    out = list(runs)
    for k, run in enumerate(runs[:-1]):
        after = runs[k + 1]
        opens = not run.parse and run.text.rstrip().endswith(":")
        if opens and after.parse and LIST_ITEM.match(after.text):
            out[k] = run.model_copy(update={"parse": True})
    return out


def _to_closing_quote(
    piece: Piece, sentences: list[tuple[int, str]], parse: list[bool]
) -> list[bool]:
    """A quotation running on from a parsed sentence is parsed to the sentence that closes
    it, which may name its speaker ('"... 30 died. Nobody came," X said.')."""
    if not any(mark in piece.text for mark in QUOTE_MARKS):
        return parse
    quotes = Quotes(piece.text)
    out, running = [], False
    for (start, text), flag in zip(sentences, parse, strict=True):
        flag = flag or running
        out.append(flag)
        running = flag and quotes.inside(start - piece.start + len(text.rstrip()))
    return out


def _sentences(piece: Piece, titles: frozenset[str]) -> list[tuple[int, str]]:
    """(offset in body, text) of each sentence of a piece, by punctuation alone. A cut that
    might fall inside a sentence ("Lt. Gen. X", "the U.S. Army") is not made: parsing two
    sentences together costs little, parsing half a sentence loses its claim."""
    out = []
    begin = 0
    for match in _SENTENCE.finditer(piece.text):
        before = piece.text[begin : match.start()].rsplit(None, 1)[-1:] or [""]
        if _ABBREVIATION.search(before[0]) or before[0].lower() in titles:
            continue
        out.append((piece.start + begin, piece.text[begin : match.end()]))
        begin = match.end()
    out.append((piece.start + begin, piece.text[begin:]))
    return [(start, text) for start, text in out if text.strip()]


def _runs(piece: Piece, sentences: list[tuple[int, str]], parse: list[bool]) -> list[Piece]:
    runs: list[Piece] = []
    for (start, text), flag in zip(sentences, parse, strict=True):
        if runs and runs[-1].parse == flag:
            last = runs[-1]
            gap = start - (last.start + len(last.text))
            runs[-1] = last.model_copy(update={"text": last.text + " " * gap + text})
        else:
            runs.append(Piece(start=start, text=text, paragraph=piece.paragraph, parse=flag))
    return runs


_PREFILTERS: dict[int, tuple[Lexicon, _Prefilter]] = {}


def _prefilter(lexicon: Lexicon) -> _Prefilter:
    """The lexicon's ``_Prefilter``, built once per lexicon, not per document (its word
    stems cost ~0.5% of a build each time)."""
    cached = _PREFILTERS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_PREFILTERS) >= 8:  # a few lexicons per process at most; never a leak
            _PREFILTERS.clear()
        cached = _PREFILTERS[id(lexicon)] = (lexicon, _Prefilter(lexicon))
    return cached[1]


class _Prefilter:
    """The lexicon's cheap tests for "this sentence may hold a claim"."""

    def __init__(self, lexicon: Lexicon) -> None:
        pre = lexicon.prefilter
        self.numbers = frozenset(pre.number_words)
        self.dates = frozenset(pre.date_words)
        self.preps = frozenset(lexicon.location_preps)
        self.titles = lexicon.title_set
        stems = {
            w[: max(4, len(w) - 1)] for p in lexicon.predicates.values() for w in p.verbs + p.nouns
        }
        self.event_stems = tuple(sorted(stems | set(pre.event_forms)))
        self.speech = frozenset(pre.speech_forms)

    def speaks(self, text: str) -> bool:
        """Whether a sentence names its own speaker ("said", "according to"), so the sentence
        before it is not needed for attribution."""
        return any(w.lower() in self.speech for w in _WORD.findall(text))

    def candidate(self, text: str) -> bool:
        if _has_digit(text):
            return True
        words = _WORD.findall(text)
        lower = [w.lower() for w in words]
        parts = {p for w in lower for p in re.split(r"['’-]", w)}  # "twenty-six", "15-hundred"
        if any(w in self.numbers or w in self.dates for w in parts):
            return True
        return self._place_near_event(words, lower)

    def _place_near_event(self, words: list[str], lower: list[str]) -> bool:
        places = any(
            w in self.preps and any(n[:1].isupper() for n in words[k + 1 : k + 3])
            for k, w in enumerate(lower)
        )
        return places and any(w.startswith(self.event_stems) for w in lower)


def _has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``, with a regex doing the common cases: a per-
    character loop over every sentence cost ~0.5% of a build."""
    if _ASCII_DIGIT.search(text):
        return True
    return not text.isascii() and any(ch.isdigit() for ch in text)
