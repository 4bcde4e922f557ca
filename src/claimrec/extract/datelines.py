"""Datelines and live-blog time stamps, blanked before parsing.

A wire story opens with where it was filed and often by whom ("GENEVA —",
"SELM, Teravia (Selwyn Dispatch) —", "Ostrela (Telmar Wire):"; a colon alone is not
enough, since "WHO: 300 dead" is a headline naming its source); a live blog opens each
entry with its time ("08:20 —", "**11:15 a.m.** —"). Neither is part of the first
sentence, and left in place they become its subject or its speaker. They are
replaced by spaces of the same length, so offsets into the body stay exact; the place a
dateline names is handed over on its own (``dateline_places``), as where the story was
filed.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

_DASH = r"(?:—|–|--|-)"
_DASH_OR_COLON = r"(?:—|–|--|-|:)"
_CAPS_WORD = r"[A-Z][A-Z'’.\-]+"
_PLACE_IN_CAPS = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}"
_REGION = r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
_AGENCY = r"\s*\([^()\n]{2,40}\)"
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_DATELINE = re.compile(
    rf"^[ \t]*(?:{_PLACE_IN_CAPS}{_REGION}\s*{_DASH}"
    rf"|(?:{_PLACE_IN_CAPS}|{_TITLE_PLACE}){_REGION}{_AGENCY}\s*{_DASH_OR_COLON})[ \t]+(?=\S)"
)
_STAMP = re.compile(
    r"^[ \t]*(?:\*\*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?(?:\*\*)?"
    rf"\s*{_DASH_OR_COLON}[ \t]+(?=\S)"
)


def dateline(line: str) -> int:
    """Length of the dateline or time stamp opening ``line`` (0 when there is none)."""
    for pattern in (_STAMP, _DATELINE):
        found = pattern.match(line)
        if found is not None:
            return found.end()
    return 0


_PLACE = re.compile(rf"[ \t]*(?P<place>(?:{_PLACE_IN_CAPS}|{_TITLE_PLACE}){_REGION})")


def dateline_places(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of the place each line's dateline names ("SELM, Teravia"
    in "SELM, Teravia (Wire) —"); never a live blog's time stamp, nor a label of function
    words ("FOR IMMEDIATE RELEASE —")."""
    out = []
    at = 0
    for line in text.split("\n"):
        if _DATELINE.match(line) is not None and _STAMP.match(line) is None:
            found = _PLACE.match(line)
            words = re.findall(r"[A-Za-z]+", found.group("place")) if found else []
            if found is not None and not any(w.lower() in STOP_WORDS for w in words):
                out.append((at + found.start("place"), at + found.end("place")))
        at += len(line) + 1
    return out


def mask_datelines(text: str) -> str:
    """``text`` with the dateline or time stamp of each line blanked with spaces."""
    out = []
    for line in text.split("\n"):
        n = dateline(line)
        out.append(" " * n + line[n:] if n else line)
    return "\n".join(out)
