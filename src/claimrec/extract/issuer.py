"""Who issued a press release or official statement.

A release speaks for its issuer throughout: "3,000 members walked out" in a union's
release is the union's figure, and its "we" is the union. The heading block (the lines
before the first blank line) says both that the text is a release ("PRESS RELEASE",
"Statement by ...") and who issued it ("UNU NEWS RELEASE", "PRESS RELEASE — Valdor
Relief Agency"): the first heading segment that is not a marker, a date or a contact.
"""

from __future__ import annotations

import re

from claimrec.extract.markdown_tables import TextSpan
from claimrec.lexicon import Lexicon

MAX_HEADING_LINES = 6
MAX_HEADING_CHARS = 120
MAX_NAME_WORDS = 10
_SEGMENT = re.compile(r"[^—–/|:]+")


def issuer(body: str, lexicon: Lexicon) -> TextSpan | None:
    """The issuer named in the heading of a release, or None for any other text."""
    heading = _heading(body)
    markers = lexicon.attribution.release_markers
    if not any(m in text.lower() for _, text in heading for m in markers):
        return None
    for offset, line in heading:
        for part in _SEGMENT.finditer(line):
            if line[part.end() : part.end() + 1] == ":":
                continue  # a label ("Media contact:"), not a name
            name = _name(part.group(), markers)
            if name is not None:
                start = offset + part.start() + part.group().index(name)
                return TextSpan(start=start, end=start + len(name), text=name)
    return None


def _heading(body: str) -> list[tuple[int, str]]:
    """The short lines opening the body, up to the first blank or long (prose) line."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in body.split("\n"):
        if not line.strip() or len(line) > MAX_HEADING_CHARS:
            if lines or len(line) > MAX_HEADING_CHARS:
                break
        else:
            lines.append((offset, line))
        offset += len(line) + 1
    return lines[:MAX_HEADING_LINES]


def _name(segment: str, markers: list[str]) -> str | None:
    """The segment with any release marker removed, if what is left reads as a name."""
    text = segment
    for marker in markers:
        text = re.sub(re.escape(marker), " ", text, flags=re.IGNORECASE)
    text = " ".join(text.split())
    words = text.split()
    if not words or any(ch.isdigit() for ch in text) or len(words) > MAX_NAME_WORDS:
        return None
    if not words[0][:1].isupper() or text.lower() in {m.strip() for m in markers}:
        return None
    if segment.rstrip().endswith("."):
        return None
    return text if text in segment else None
