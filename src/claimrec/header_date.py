"""The date a document states in its header, for a document that has no ``published``.

A press release, a letter or a statement carries its date in its opening lines ("263 Main
Street, Velm — 4 March 2025, 18:00", "Issued 4 March 2025"), not in front matter. That
date is stated in the text, not guessed: a full calendar date (day, month and year) ending
one of the first short lines (a time of day may follow), before the body's first paragraph
of prose; a date inside a headline ("the 4 March 2025 fire") dates its event instead. Relative words
("Tuesday", "today") never count, so nothing is inferred from them.
"""

from __future__ import annotations

import datetime as dt
import re

from claimrec.dates import resolve_date

HEADER_LINES = 4  # non-empty lines read from the top of the body
MAX_HEADER_LINE = 120  # a longer line is prose, not a header

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)

# What may follow a header's date: a time of day and punctuation, nothing else.
_TAIL = re.compile(
    r"[\s,.;:()\u2013\u2014-]*(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?)?[\s.)]*",
    re.IGNORECASE,
)


def header_date(body: str) -> dt.date | None:
    """The full date on one of the body's first short lines, else None."""
    lines = [line.strip() for line in body.splitlines() if line.strip()][:HEADER_LINES]
    for line in lines:
        if len(line) > MAX_HEADER_LINE:
            return None  # prose has begun: a date further on is the story's, not the header's
        found = _FULL_DATE.search(line)
        if found is None or _TAIL.fullmatch(line[found.end() :]) is None:
            continue  # a date inside a headline ("the 4 March 2025 fire") dates its event
        value = resolve_date(found.group(0), published=None)
        if value.granularity == "day" and value.start is not None:
            return value.start
    return None
