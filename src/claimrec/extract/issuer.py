"""Who issued a press release or official statement.

A release speaks for its issuer throughout: "3,000 members walked out" in a union's
release is the union's figure, and its "we" is the union. The heading block (the lines
before the first blank line) says both that the text is a release ("PRESS RELEASE",
"Statement by ...", "X — STATEMENT ON THE FIRE") and who issued it ("UNU NEWS RELEASE",
"PRESS RELEASE — Valdor Aid Agency"): the first heading segment that is not a marker,
a topic ("STATEMENT ON THE FIRE"), a date or a contact. A release may instead say what it
is only at its end, by the line that closes every release ("ENDS", "###"); its heading
then names the issuer only in a segment shaped like a name (capitalised words), never in
a headline.
"""

from __future__ import annotations

import re

from claimrec.extract.markdown_tables import TextSpan
from claimrec.lexicon import Lexicon

MAX_HEADING_LINES = 6
MAX_HEADING_CHARS = 120
MAX_NAME_WORDS = 10
_SEGMENT = re.compile(r"[^—–/|:]+")
NAME_JOINERS = frozenset({"of", "the", "and", "for", "&", "de", "du", "des"})


def issuer(body: str, lexicon: Lexicon, outlet: str | None = None) -> TextSpan | None:
    """The issuer named in the heading of a release, or None for any other text. A
    release whose heading names no one ("FOR IMMEDIATE RELEASE") is its publisher's
    (``outlet``, from the document's metadata), where its body names it."""
    heading = _heading(body)
    words = lexicon.attribution
    markers = [*words.release_markers, *words.release_topics]
    marked = any(m in text.lower() for _, text in heading for m in markers)
    if not marked and not _closed_as_release(body, words.release_trailers):
        return None
    topics = tuple(words.release_topics)
    return _heading_issuer(heading, markers, topics, marked) or _named_outlet(body, outlet)


def _named_outlet(body: str, outlet: str | None) -> TextSpan | None:
    """The first place the body names its publisher."""
    if not outlet or not outlet.strip():
        return None
    start = body.lower().find(outlet.strip().lower())
    if start < 0:
        return None
    end = start + len(outlet.strip())
    return TextSpan(start=start, end=end, text=body[start:end])


def _heading_issuer(
    heading: list[tuple[int, str]], markers: list[str], topics: tuple[str, ...], marked: bool
) -> TextSpan | None:
    """The first heading segment that names who issued the release: not a marker, a
    topic, a label or (in a release marked only by its closing line) a headline."""
    for offset, line in heading:
        for part in _SEGMENT.finditer(line):
            if line[part.end() : part.end() + 1] == ":":
                continue  # a label ("Media contact:"), not a name
            if part.group().strip().lower().startswith(topics):
                continue  # what the statement is about, not who makes it
            name = _name(part.group(), markers)
            if name is not None and (marked or _name_shaped(name)):
                start = offset + part.start() + part.group().index(name)
                return TextSpan(start=start, end=start + len(name), text=name)
    return None


def _closed_as_release(body: str, trailers: list[str]) -> bool:
    """Whether a line of its own closes the text the way releases end ("ENDS", "###")."""
    ends = {t.lower() for t in trailers}
    return any(line.strip().lower() in ends for line in body.split("\n"))


def _name_shaped(text: str) -> bool:
    """Capitalised words, with the small words names keep between them: "Kestrel Mining
    Ltd", "MINISTRY OF HEALTH"; never a headline ("Six miners saved")."""
    return all(w[:1].isupper() or w.lower() in NAME_JOINERS for w in text.split())


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
    """The segment with any release marker removed, if what is left reads as a name; of a
    name followed by a comma, the part before it (what follows says where the issuer
    is, or its legal form)."""
    text = segment
    for marker in markers:
        text = re.sub(re.escape(marker), " ", text, flags=re.IGNORECASE)
    text = " ".join(text.split()).split(",")[0].strip()  # "MINISTRY OF X, REPUBLIC OF Y"
    words = text.split()
    if not words or any(ch.isdigit() for ch in text) or len(words) > MAX_NAME_WORDS:
        return None
    if not words[0][:1].isupper() or text.lower() in {m.strip() for m in markers}:
        return None
    if segment.rstrip().endswith("."):
        return None
    return text if text in segment else None
