"""Cutting a document body into the pieces the parser sees.

A paragraph (one line of the body) is the unit of parsing: news text puts a new
sentence on every line even when it has no final period (titles, bullets), and
reported speech never carries across a paragraph break. Very long lines are cut
at sentence punctuation so no piece exceeds the parser's comfortable size.
Markup tags are blanked with spaces of the same length, so offsets into the
body stay exact while tags never reach the parser.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

MAX_PIECE_CHARS = 20_000
_TAG = re.compile(r"<[^<>\n]{1,300}>")
_CUT = re.compile(r"(?<=[.!?])\s+")
_ENDS = frozenset(".!?:;\"”’')]")


class Piece(BaseModel):
    """A stretch of the body to parse, and where it starts in the body."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    text: str
    paragraph: int


def mask_markup(text: str) -> str:
    """Blank out HTML-like tags, keeping every other character at its offset."""
    return _TAG.sub(lambda m: " " * len(m.group()), text)


def pieces(body: str, *, max_chars: int = MAX_PIECE_CHARS) -> list[Piece]:
    """Non-blank paragraphs of ``body`` (markup masked), long ones cut into pieces."""
    out: list[Piece] = []
    for number, (offset, text) in enumerate(_paragraphs(mask_markup(body))):
        if text.strip():
            out.extend(_cut(text, offset, number, max_chars))
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
