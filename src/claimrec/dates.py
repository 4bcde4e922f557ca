"""Resolve the text of a DATE span to an inclusive ISO interval.

The extractor hands over only the text of a date span ("in June 2024", "next month",
"last fall"); this module turns it into a ``DateValue`` whose ``start``/``end`` are
inclusive dates covering the expression at its granularity, so reconciliation can
compare dates by interval overlap instead of by wording.

Decisions (each one is a place where the text alone is ambiguous):

* The article's ``published`` date is the only anchor for relative expressions.
  Without it they stay unresolved (``start = end = None``) but keep the granularity
  their form implies. Today's date is never consulted.
* A month or day-month without a year ("in March", "by November 1") is the occurrence
  nearest to ``published``, with days into the future counted double because news
  mostly reports what already happened: roughly eight months back to four ahead.
* Prepositions ("in", "by", "since", "until", "starting", ...) are dropped; the
  interval is the anchor date only. "by November 1" is November 1, "since 2020" is
  2020; what the preposition means (deadline, open range) is the caller's business.
* "early/mid/late X" and "the beginning/middle/end of X" narrow a month to days
  1-10 / 11-20 / 21-end, a year to Jan-Apr / May-Aug / Sep-Dec, a season or quarter
  to its first / second / third month; weeks and days are not narrowed. The
  granularity stays that of X: it names the unit the text is stated in, not the
  width of the interval.
* "earlier this year" (or "so far this year") is Jan 1 .. ``published`` and "later
  this year" is ``published`` .. Dec 31 (likewise for week, month, quarter), with the
  unit's granularity. ``published`` itself is included, so the span is never empty.
* "3 days ago", "two weeks ago", "in a month" resolve to the whole day, ISO week,
  month or year containing the shifted date; a count with no "ago"/"in"/"from now"
  ("five years") is a duration.
* Weeks are ISO weeks (Monday..Sunday). A bare weekday ("on Tuesday") is the most
  recent one on or before ``published``; "last Tuesday" is strictly before,
  "next Tuesday" the first one strictly after, "this Tuesday" the one in the same week.
* Seasons are Northern-hemisphere meteorological seasons: spring Mar-May, summer
  Jun-Aug, fall/autumn Sep-Nov, winter Dec-Feb. "winter 2024" is Dec 2023 - Feb 2024
  (the winter whose January and February fall in 2024). "last fall" is the latest
  fall that ended before ``published``; "next fall" the first that starts after it;
  "this fall" the one containing ``published``, else the one starting in its year.
  A bare season ("winter", "the fall") stays unresolved: it is too often generic.
* Quarters are calendar quarters; a quarter without a year stays unresolved.
* Durations and vague spans ("the last 2.5 years", "the coming months", "just
  days", "five years", "recent weeks") are not points in time: unresolved, "unknown".
* A day range inside one month ("19 to 21 September", "September 19-21") runs from its
  first to its last day, with granularity "day".
* Numeric dates follow dateparser's English order (month/day/year for "1/2/2024").
* Anything else, and any text over 80 characters, is unresolved with "unknown".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import dateparser

from claimrec.models import DateValue, Granularity

__all__ = ["resolve_date"]


class _Span(NamedTuple):
    """An interval and its granularity; ``None`` bounds mean unresolved."""

    start: dt.date | None
    end: dt.date | None
    granularity: Granularity


# A period that recurs yearly ("March", "fall"): its bounds in a given label year.
_Bounds = tuple[dt.date, dt.date]
_Occurrence = Callable[[int], _Bounds | None]

_UNKNOWN = _Span(None, None, "unknown")
_MAX_CHARS = 80  # DATE spans are short; longer text is an extraction error, not a date.

_MONTHS: dict[str, int] = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_WEEKDAYS: dict[str, int] = {calendar.day_name[i].lower(): i for i in range(7)}
_SEASON_START: dict[str, int] = {
    "spring": 3,
    "summer": 6,
    "fall": 9,
    "autumn": 9,
    "winter": 12,
}
_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
}  # fmt: skip
# "this past week" is last week, "this coming week" next week.
_REL_OFFSET: dict[str, int] = {
    "last": -1, "this past": -1, "this": 0, "next": 1, "this coming": 1,
}  # fmt: skip
# Regex group text -> granularity, so handlers pass a ``Granularity``, not a bare str.
_UNITS: dict[str, Granularity] = {
    "day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
}  # fmt: skip
_PARTS: dict[str, str] = {
    "early": "early", "beginning of": "early", "start of": "early",
    "mid": "mid", "middle of": "mid",
    "late": "late", "end of": "late",
}  # fmt: skip

_REL = r"(?P<rel>this past|this coming|this|last|next)"
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASON_RE = "|".join(_SEASON_START)
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_NUMBER_RE = r"\d{1,3}|" + "|".join(_NUMBERS)

_FILLER = re.compile(
    r"(?:as of|as early as|as late as|no later than|not until|some ?time in|sometime"
    r"|starting in|starting on|starting|beginning in|beginning on|in|on|by|since|from"
    r"|until|till|through|throughout|during|at|before|after|around|about|roughly"
    r"|nearly|almost|approximately|circa|some|just|only) "
    # "the" is a filler except where it makes a duration: "the last 2.5 years".
    r"|the (?!(?:last|past|next|coming|previous|following|recent|same|other)\b)"
)
_PART = re.compile(r"(?:the )?(?P<part>early|mid|late|(?:beginning|start|middle|end) of)\b ?")
_EARLIER_LATER = re.compile(
    r"(?P<which>earlier|later|so far) (?:this|in the) (?P<unit>week|month|quarter|year)"
)
_RELATIVE_UNIT = re.compile(_REL + r" (?P<unit>week|month|quarter|year)")
_RELATIVE_MONTH = re.compile(_REL + rf" (?P<month>{_MONTH_RE})")
_WEEKDAY = re.compile(
    rf"(?:{_REL} )?(?P<day>{_WEEKDAY_RE})(?: (?:morning|afternoon|evening|night))?"
)
_SEASON = re.compile(rf"(?:{_REL} )?(?P<season>{_SEASON_RE})(?: (?:of )?(?P<year>\d{{4}}))?")
_QUARTER = re.compile(
    r"(?:q(?P<q>[1-4])|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) quarter)"
    r"(?: (?:of )?(?P<year>\d{4}))?"
)
_YEAR = re.compile(r"\d{4}")
_COUNT = re.compile(
    rf"(?P<n>{_NUMBER_RE}) (?P<unit>day|week|month|year)s?(?P<tail> ago| from now)?"
)
# Day ranges inside one month: "19 to 21 september (2023)", "september 19-21".
_DAY_RANGE = re.compile(
    rf"(?P<a>\d{{1,2}}) ?(?:to|-|until|through|and) ?(?P<b>\d{{1,2}}) (?P<month>{_MONTH_RE})"
    r"(?: (?P<year>\d{4}))?"
    rf"|(?P<month2>{_MONTH_RE}) (?P<a2>\d{{1,2}}) ?(?:to|-|until|through|and) ?(?P<b2>\d{{1,2}})"
    r"(?: (?P<year2>\d{4}))?"
)
# Digit-only forms dateparser may read; anything else numeric ("12", "1990s") is refused.
_NUMERIC_DAY = re.compile(r"\d{1,4}([-/.])\d{1,2}\1\d{1,4}")
_NUMERIC_MONTH = re.compile(r"\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{4}")
_WORD = re.compile(r"[a-z]+")

# Two anchors that differ in year, month and day: a part of dateparser's answer that is
# the same under both came from the text, one that differs was filled in from the anchor.
_PROBE_BASES = (dt.datetime(2001, 1, 5), dt.datetime(2013, 7, 23))


def resolve_date(text: str, *, published: dt.date | None) -> DateValue:
    """Resolve a DATE span's text to an inclusive interval; never raises.

    ``published`` anchors relative expressions; without it they come back with
    ``start = end = None``. The returned ``text`` is always the text given.
    """
    if isinstance(published, dt.datetime):  # a datetime would break date comparisons
        published = published.date()
    span = _resolve(text, published)
    return DateValue(text=text, start=span.start, end=span.end, granularity=span.granularity)


@lru_cache(maxsize=4096)
def _resolve(text: str, published: dt.date | None) -> _Span:
    """Cached core of ``resolve_date``: the same span recurs across a corpus."""
    core = _normalize(text)
    if not core or len(core) > _MAX_CHARS:
        return _UNKNOWN
    try:
        return _resolve_core(core, published)
    except (ValueError, OverflowError):  # date arithmetic beyond year 1 or 9999
        return _UNKNOWN


def _normalize(text: str) -> str:
    """Lower-case, unify punctuation and spacing so the patterns below stay simple."""
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"(?<=[a-z])\.", "", s)  # "sept." -> "sept"; keeps "15.10.2024"
    s = re.sub(r"\bmid-", "mid ", s).replace(",", " ")
    return " ".join(s.split()).strip(" .;:!?\"'()[]")


def _strip_fillers(core: str) -> tuple[str, bool]:
    """Drop leading prepositions and fillers; also say whether an "in" was among them.

    "in" is reported because "in two weeks" is a point in the future while
    "two weeks" alone is a duration.
    """
    saw_in = False
    while match := _FILLER.match(core):
        saw_in = saw_in or match.group(0) == "in "
        core = core[match.end() :]
    return core, saw_in


def _resolve_core(core: str, published: dt.date | None) -> _Span:
    """Split off fillers and an early/mid/late part, resolve the rest, then narrow."""
    core, saw_in = _strip_fillers(core)
    if match := _EARLIER_LATER.fullmatch(core):
        return _earlier_later(match, published)
    part = None
    if match := _PART.match(core):
        part = _PARTS[match.group("part")]
        core, saw_in = _strip_fillers(core[match.end() :])
        if core in ("week", "month", "quarter", "year"):  # "the end of the year"
            core = f"this {core}"
    span = _resolve_expression(core, published, saw_in)
    return _narrow(span, part) if part and span.start is not None else span


def _resolve_expression(core: str, published: dt.date | None, saw_in: bool) -> _Span:
    """Try each form in turn, most specific first; unknown forms stay unresolved."""
    if core in _DAY_WORDS:
        return _day_word(core, published)
    if match := _COUNT.fullmatch(core):
        return _count(match, published, saw_in)
    if match := _DAY_RANGE.fullmatch(core):
        return _day_range(match, published)
    for pattern, handler in _HANDLERS:
        if match := pattern.fullmatch(core):
            return handler(match, published)
    return _via_dateparser(core, published) or _UNKNOWN


# ---------------------------------------------------------------- interval helpers


def _month_bounds(year: int, month: int) -> _Bounds:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_bounds(year: int, month: int, count: int) -> _Bounds:
    """First day of a month to the last day of the month ``count - 1`` later."""
    index = year * 12 + month - 1 + count - 1
    return dt.date(year, month, 1), _month_bounds(index // 12, index % 12 + 1)[1]


def _week_bounds(day: dt.date) -> _Bounds:
    """The ISO week (Monday..Sunday) containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _unit_span(unit: Granularity, day: dt.date) -> _Span:
    """The calendar unit (day, week, month, quarter, year) containing ``day``."""
    if unit == "day":
        return _Span(day, day, "day")
    if unit == "week":
        return _Span(*_week_bounds(day), "week")
    if unit == "month":
        return _Span(*_month_bounds(day.year, day.month), "month")
    if unit == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        return _Span(*_months_bounds(day.year, first, 3), "quarter")
    return _Span(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")


def _shift(unit: Granularity, day: dt.date, offset: int) -> dt.date:
    """A day inside the unit ``offset`` units away from the one containing ``day``."""
    if unit == "week":
        return day + dt.timedelta(weeks=offset)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * offset
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _narrow(span: _Span, part: str) -> _Span:
    """Cut a span to its early, mid or late third (see the module docstring)."""
    assert span.start is not None and span.end is not None
    third = ("early", "mid", "late").index(part)
    start = span.start
    if span.granularity == "month":
        first = start.replace(day=1 + 10 * third)
        last = span.end if part == "late" else start.replace(day=10 + 10 * third)
        return _Span(first, last, "month")
    if span.granularity == "year":
        return _Span(*_months_bounds(start.year, 1 + 4 * third, 4), "year")
    if span.granularity in ("season", "quarter"):
        index = start.year * 12 + start.month - 1 + third
        return _Span(*_month_bounds(index // 12, index % 12 + 1), span.granularity)
    return span


# ------------------------------------------------------------ recurring periods


def _season_occurrence(season: str) -> _Occurrence:
    """Bounds of a season by label year; winter Y runs from December Y-1."""
    first = _SEASON_START[season]

    def bounds(year: int) -> _Bounds:
        return _months_bounds(year - 1 if first == 12 else year, first, 3)

    return bounds


def _month_occurrence(month: int) -> _Occurrence:
    """Bounds of a named month in a given year."""
    return lambda year: _month_bounds(year, month)


def _day_occurrence(month: int, day: int) -> _Occurrence:
    """A month-day in a given year, or ``None`` where it does not exist (Feb 29)."""

    def bounds(year: int) -> _Bounds | None:
        if day > calendar.monthrange(year, month)[1]:
            return None
        return dt.date(year, month, day), dt.date(year, month, day)

    return bounds


def _candidates(occurrence: _Occurrence, around: dt.date, reach: int) -> list[_Bounds]:
    """Occurrences labelled within ``reach`` years of ``around``, in date order."""
    found = (occurrence(year) for year in range(around.year - reach, around.year + reach + 1))
    return sorted(bounds for bounds in found if bounds is not None)


def _nearest(occurrence: _Occurrence, published: dt.date) -> _Bounds | None:
    """The occurrence nearest to ``published``, future days counting double."""

    def cost(bounds: _Bounds) -> int:
        start, end = bounds
        if start > published:
            return 2 * (start - published).days
        return max(0, (published - end).days)

    options = _candidates(occurrence, published, reach=4)
    return min(options, key=cost, default=None)  # ties keep the earlier: news looks back


def _relative(occurrence: _Occurrence, rel: str, published: dt.date) -> _Bounds | None:
    """The last (ended before), next (starts after) or this (contains, else same year)."""
    options = _candidates(occurrence, published, reach=2)
    offset = _REL_OFFSET[rel]
    if offset < 0:
        return max((b for b in options if b[1] < published), default=None)
    if offset > 0:
        return min((b for b in options if b[0] > published), default=None)
    containing = [b for b in options if b[0] <= published <= b[1]]
    return next(iter(containing or [b for b in options if b[0].year == published.year]), None)


def _span_or_open(bounds: _Bounds | None, granularity: Granularity) -> _Span:
    """A resolved span, or an unresolved one of the same granularity."""
    return _Span(*bounds, granularity) if bounds else _Span(None, None, granularity)


# -------------------------------------------------------------------- handlers


def _day_word(word: str, published: dt.date | None) -> _Span:
    """A day next to ``published``: yesterday, today, tonight or tomorrow."""
    if published is None:
        return _Span(None, None, "day")
    return _unit_span("day", published + dt.timedelta(days=_DAY_WORDS[word]))


def _count(match: re.Match[str], published: dt.date | None, saw_in: bool) -> _Span:
    """Forms like "3 days ago", "in two weeks": a point offset from ``published``.

    Without "ago", "from now" or a leading "in" the count is a duration ("five
    years") and stays unresolved. The calendar arithmetic (month ends, leap days)
    is left to dateparser.
    """
    unit, tail = _UNITS[match.group("unit")], match.group("tail")
    if tail is None and not saw_in:
        return _UNKNOWN
    if published is None:
        return _Span(None, None, unit)
    count = _NUMBERS.get(match.group("n")) or int(match.group("n"))
    phrase = f"{count} {unit}s ago" if tail == " ago" else f"in {count} {unit}s"
    day = _dateparser(phrase, _as_datetime(published), "relative-time")
    return _unit_span(unit, day) if day else _Span(None, None, unit)


def _day_range(match: re.Match[str], published: dt.date | None) -> _Span:
    """ "19 to 21 September": first to last day; the month's year is found as for a
    day-month ("21 September" nearest to ``published``)."""
    month = match.group("month") or match.group("month2")
    first = int(match.group("a") or match.group("a2"))
    last = int(match.group("b") or match.group("b2"))
    year = match.group("year") or match.group("year2")
    end = _via_dateparser(f"{last} {month}" + (f" {year}" if year else ""), published)
    if end is None or end.start is None or end.start.day != last or not 1 <= first <= last:
        return _Span(None, None, "day")
    return _Span(end.start.replace(day=first), end.end, "day")


def _earlier_later(match: re.Match[str], published: dt.date | None) -> _Span:
    """Forms like "earlier/so far this year": unit start .. ``published``; "later this month":
    ``published`` .. unit end. Granularity stays the unit's (module docstring)."""
    unit = _UNITS[match.group("unit")]
    if published is None:
        return _Span(None, None, unit)
    span = _unit_span(unit, published)
    if match.group("which") == "later":
        return span._replace(start=published)
    return span._replace(end=published)


def _relative_unit(match: re.Match[str], published: dt.date | None) -> _Span:
    """Forms like "last week", "next month", "this quarter", "last year": a whole calendar unit."""
    unit = _UNITS[match.group("unit")]
    if published is None:
        return _Span(None, None, unit)
    return _unit_span(unit, _shift(unit, published, _REL_OFFSET[match.group("rel")]))


def _relative_month(match: re.Match[str], published: dt.date | None) -> _Span:
    """Forms like "last March", "next June": the named month picked like a season."""
    if published is None:
        return _Span(None, None, "month")
    occurrence = _month_occurrence(_MONTHS[match.group("month")])
    return _span_or_open(_relative(occurrence, match.group("rel"), published), "month")


def _weekday(match: re.Match[str], published: dt.date | None) -> _Span:
    """Forms like "on Tuesday", "last Friday", "next Monday" (see the module docstring)."""
    if published is None:
        return _Span(None, None, "day")
    back = (published.weekday() - _WEEKDAYS[match.group("day")]) % 7
    offset = _REL_OFFSET.get(match.group("rel") or "")
    if offset is None:  # bare: on or before published
        day = published - dt.timedelta(days=back)
    elif offset < 0:
        day = published - dt.timedelta(days=back or 7)
    elif offset > 0:
        day = published + dt.timedelta(days=7 - back if back else 7)
    else:
        day = _week_bounds(published)[0] + dt.timedelta(days=_WEEKDAYS[match.group("day")])
    return _Span(day, day, "day")


def _season(match: re.Match[str], published: dt.date | None) -> _Span:
    """Forms like "last fall", "winter 2024"; a bare "winter" stays unresolved."""
    occurrence = _season_occurrence(match.group("season"))
    rel, year = match.group("rel"), match.group("year")
    if year and rel:
        return _UNKNOWN
    if year:
        return _span_or_open(occurrence(int(year)), "season")
    if rel is None or published is None:
        return _Span(None, None, "season")
    return _span_or_open(_relative(occurrence, rel, published), "season")


def _quarter(match: re.Match[str], published: dt.date | None) -> _Span:
    """Forms like "Q3 2024", "the third quarter of 2024"; without a year unresolved."""
    quarter = int(match.group("q") or _ORDINALS[match.group("ord")])
    if match.group("year") is None:
        return _Span(None, None, "quarter")
    return _Span(*_months_bounds(int(match.group("year")), 3 * quarter - 2, 3), "quarter")


def _year(match: re.Match[str], published: dt.date | None) -> _Span:
    """A bare four-digit year."""
    year = int(match.group(0))
    return _Span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


_Handler = Callable[[re.Match[str], dt.date | None], _Span]
_HANDLERS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_RELATIVE_UNIT, _relative_unit),
    (_RELATIVE_MONTH, _relative_month),
    (_WEEKDAY, _weekday),
    (_SEASON, _season),
    (_QUARTER, _quarter),
    (_YEAR, _year),
)


# ------------------------------------------------------------------ dateparser


def _as_datetime(day: dt.date) -> dt.datetime:
    """dateparser wants a datetime as its relative base."""
    return dt.datetime.combine(day, dt.time())


def _dateparser(text: str, base: dt.datetime, parser: str) -> dt.date | None:
    """One dateparser call with the given anchor and parser; ``None`` on any failure."""
    settings = {
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": [parser],
    }
    try:
        result = dateparser.parse(text, languages=["en"], settings=settings)
    # dateparser raises assorted internal errors (ValueError, OverflowError, KeyError,
    # regex errors) on odd input; a span it cannot parse is simply unresolved.
    except Exception:
        return None
    return result.date() if result else None


@lru_cache(maxsize=4096)
def _stated_parts(core: str) -> tuple[int | None, int | None, int | None] | None:
    """Year, month and day that the text itself states, per dateparser.

    dateparser fills missing parts from its anchor ("June 2024" -> June 20 if today
    is the 20th), so the text is parsed under two anchors that differ in every part:
    a part that agrees was stated, one that differs was filled in. Results whose
    month is not named in the text (or spelled as a numeric date) are refused,
    because dateparser reads "12", "the 5th" or "Q3 2024" as months.
    """
    first, second = (_dateparser(core, base, "absolute-time") for base in _PROBE_BASES)
    if first is None or second is None:
        return None
    year, month, day = (
        a if a == b else None
        for a, b in zip(
            (first.year, first.month, first.day),
            (second.year, second.month, second.day),
            strict=True,
        )
    )
    named = {_MONTHS[word] for word in _WORD.findall(core) if word in _MONTHS}
    if named:
        return (year, month, day) if named == {month} else None
    if year and month and day and _NUMERIC_DAY.fullmatch(core):
        return year, month, day
    if year and month and day is None and _NUMERIC_MONTH.fullmatch(core):
        return year, month, None
    return None


def _via_dateparser(core: str, published: dt.date | None) -> _Span | None:
    """Absolute dates and day-months: "1 March 2023", "June 2024", "November 1"."""
    parts = _stated_parts(core)
    if parts is None:
        return None
    year, month, day = parts
    if month is None:
        return None
    granularity: Granularity = "day" if day else "month"
    if year:
        if day:
            return _Span(dt.date(year, month, day), dt.date(year, month, day), "day")
        return _Span(*_month_bounds(year, month), "month")
    if published is None:
        return _Span(None, None, granularity)
    occurrence = _day_occurrence(month, day) if day else _month_occurrence(month)
    return _span_or_open(_nearest(occurrence, published), granularity)
