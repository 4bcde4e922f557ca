"""The date an article states for itself in its head, for a document whose metadata gives none.

A press release, a correction notice or a wire story without front matter often opens with a
dateline that carries its date on a line of its own: "Selm, 4 March 2025",
"CORRECTION AND NOTE — 12 October 2023", "VORSK, March 4, 2025 —", "Issued at Selm on
4 March 2025". That date is stated by the text, not guessed: it is the day the article
speaks for, exactly as a ``published`` field would say. Read only in the article's first
few lines (a date further down, "Update, 3 January 2024" at the end, is a later addition,
not the article's own day), and only when
the whole line is a place or label and a full day-month-year date, so a first sentence that
mentions a date ("On 4 March 2025 the river rose") is never taken for one.
"""

from __future__ import annotations

import datetime as dt
import re

from claimrec.formats import parse_date

HEAD_LINES = 4  # non-blank lines of an article's head that may hold its dateline
MAX_LINE = 80  # a dateline is short; a sentence that happens to end in a date is not one

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE = (
    rf"{_WEEKDAY}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# a time of day after the date: ", 18:00", "(18:00 GMT)", "9.30 a.m."
_TIME = r"(?:[ \t]*,?[ \t]*\(?\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,4}))?\)?)?"
_SEP = r"(?:,|—|–|--|-|:|\|)"
# a place or label of capitalised words, perhaps after a street number and up to three
# lowercase words of the street's name ("12 rue des Lilas", "4 via Roma") (with "and",
# "of", commas, a parenthesised agency)
_LABEL = (
    r"(?:\d+[ \t]+(?:[a-z]+[ \t]+){0,3})?"
    r"[A-Z][\w.'’&/]*(?:[ \t]+(?:[A-Z][\w.'’&/]*|and|of|the|de|du|AND|OF))*"
    r"(?:[ \t]*\([^()\n]{2,40}\))?"
)
# a line saying when the text was issued, perhaps where: "Issued at X on 4 March 2025"
_ISSUED = (
    rf"(?:Issued|Released|Published|Dated|Posted)(?:[ \t]+(?:at|in|from)[ \t]+{_LABEL})?"
    r"[ \t]*,?[ \t]+(?:on[ \t]+)?"
)
_DATELINE_DATE = re.compile(
    rf"^[ \t]*(?:{_ISSUED}|{_LABEL}(?:[ \t]*,[ \t]*{_LABEL})*[ \t]*{_SEP}?[ \t]*)?"
    rf"(?P<date>{_DATE}){_TIME}"
    rf"[ \t]*(?:(?:—|–|--|-|:)(?:[ \t].*)?)?$"
)


def dateline_date(body: str) -> dt.date | None:
    """The date of the dateline among the first ``HEAD_LINES`` non-blank lines of ``body``,
    or None when there is none."""
    seen = 0
    for line in body.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > HEAD_LINES:
            return None
        head = _dateline_head(line)
        if head is None:
            continue
        found = _DATELINE_DATE.match(head)
        if found is not None:
            day = parse_date(found.group("date").replace(".", ""))
            if day is not None:
                return day
    return None


def _dateline_head(line: str) -> str | None:
    """The part of a line a dateline can occupy: the whole line when it is short, else the
    part before a dash that opens the story ("VORSK, March 4, 2025 — The river ...")."""
    if len(line) <= MAX_LINE:
        return line
    cut = re.search(r"\s(?:—|–|--)\s", line)
    if cut is None or cut.start() > MAX_LINE:
        return None
    return line[: cut.start()]
