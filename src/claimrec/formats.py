"""What the read stage gets out of each kind of file besides plain text: the article of a
saved web page, the records of a JSON Lines dump, and dates as people write them.

Pure functions over decoded, newline-normalized text; ``read.py`` does the file work
(finding, decoding, ids) and turns what these return into ``Document``s. Nothing here
prints: problems come back as typed reasons and warnings (``models.SkipReason``,
``models.DocumentWarning``), worded by ``render/notes.py``.

* **HTML** (``.html``/``.htm``): trafilatura keeps the article and drops navigation,
  asides, footers, comments and tables (numbers there are not claims); it favours
  precision, so a page that is only navigation gives no article at all; nor does one
  whose text has no sentence (``PROSE_MIN_WORDS`` words ending in ``.``, ``!`` or ``?``).
  The body is the extracted text, one paragraph a line: evidence offsets count in it.
  The page's title, date, site name and canonical URL fill ``title``, ``published``,
  ``outlet``, ``url``.
  The date comes from the page's metadata only (no guessing from the text).
* **JSON Lines** (``.jsonl``): one article a line, an object with ``text`` or ``body``
  and optional ``id``, ``title``, ``outlet``, ``url``, ``published`` (or ``date``).
  Other keys are ignored: dumps carry many (author, tags ...) and none is an error.
  Blank lines are ignored; a line that is not such an object is reported with its
  number and the other lines are read.
* **Dates**: ISO (``2025-02-04``, with or without a time), ``2025/02/04``,
  ``February 4, 2025``, ``Feb. 4, 2025``, ``4 February 2025``, ``4 Feb 2025``, with an
  optional weekday ("Tuesday, February 4, 2025") or ordinal ("4th"), and the RFC 2822
  dates of feeds ("Tue, 04 Feb 2025 08:30:00 GMT"). Day-first or month-first numeric
  dates ("04/02/2025") are ambiguous and not read.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from claimrec.models import DocumentWarning, FieldOrigin, SkipReason, ValueKind

TEXT_FIELDS = ("title", "outlet", "url")
DATE_FIELDS = ("published", "date")
"""``date`` is an alias of ``published``: many sites and static-site generators use it."""
KNOWN_KEYS = TEXT_FIELDS + DATE_FIELDS

DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%d %b, %Y",
)

_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_ABBREVIATION_DOT = re.compile(r"\b([A-Za-z]{3,4})\.")


class Article(BaseModel):
    """An article found inside a file: its body, the metadata fields it gives (checked
    values only) and warnings about fields that were dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    body: str
    meta: dict[str, Any] = {}
    warnings: tuple[DocumentWarning, ...] = ()


class Record(BaseModel):
    """One line of a JSON Lines file: an ``article``, or the ``reason`` it is unusable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line: int
    key: str
    raw: str
    article: Article | None = None
    reason: SkipReason | None = None


# ----------------------------------------------------------------------------- dates


def parse_date(value: object) -> dt.date | None:
    """A calendar date from a YAML/JSON value as people write it; None when it is not one
    (including impossible dates such as month 13)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    for parse in (_iso, _written, _rfc2822):
        day = parse(text)
        if day is not None:
            return day
    return None


def _iso(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _written(text: str) -> dt.date | None:
    cleaned = _WEEKDAY.sub("", text)
    cleaned = _ORDINAL.sub(r"\1", cleaned)
    cleaned = _ABBREVIATION_DOT.sub(r"\1", cleaned).replace("Sept ", "Sep ")
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def _rfc2822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def metadata(
    data: dict[str, Any], *, where: FieldOrigin
) -> tuple[dict[str, Any], list[DocumentWarning]]:
    """The known fields of a header or record as checked values (``title``/``outlet``/
    ``url`` as text, ``published`` as a date, ``date`` read as ``published``), plus one
    warning per field that is dropped; a bad field never costs the others."""
    meta: dict[str, Any] = {}
    warnings: list[DocumentWarning] = []
    for key in TEXT_FIELDS:
        if data.get(key) is None:
            continue
        text = _text_value(data[key])
        if text is None:
            kind = value_kind(data[key])
            warnings.append(
                DocumentWarning(code="field_not_text", origin=where, field=key, kind=kind)
            )
        elif text:
            meta[key] = text
    given = [key for key in DATE_FIELDS if data.get(key) is not None]
    if len(given) == 2:
        warnings.append(DocumentWarning(code="both_dates", origin=where, field="date"))
    if given:
        key = given[0]
        day = parse_date(data[key])
        if day is None:
            warnings.append(_date_warning(key, data[key], where))
        else:
            meta["published"] = day
    return meta, warnings


def _text_value(value: object) -> str | None:
    """A scalar as stripped text (YAML may read ``title: 1984`` as a number); else None."""
    if isinstance(value, str | int | float | dt.date):
        return str(value).strip()
    return None


def _date_warning(key: str, value: object, where: FieldOrigin) -> DocumentWarning:
    return DocumentWarning(
        code="bad_date", origin=where, field=key, value=str(value), kind=value_kind(value)
    )


def value_kind(data: object) -> ValueKind:
    """What a YAML or JSON value is, for notes that say what was found instead."""
    if isinstance(data, bool):
        return "boolean"
    kinds: dict[type, ValueKind] = {list: "list", dict: "mapping", str: "text", int: "number"}
    return kinds.get(type(data), "number" if isinstance(data, float) else "other")


# ------------------------------------------------------------------------------ HTML


def html_article(page: str) -> Article | None:
    """The article of a saved web page, or None when the page has no article text.

    Tables are left out with the boilerplate: their cells read as fragments, not
    sentences. The date comes from the page's metadata (``extensive_search`` off) and
    any date up to 2099 is accepted, so the result does not depend on today's date.
    """
    import trafilatura

    found = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": "2099-12-31",
        },
    )
    text = getattr(found, "text", None) or ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not any(_is_prose(line) for line in lines):
        return None
    body = "\n".join(lines)
    fields = {
        "title": getattr(found, "title", None),
        "outlet": getattr(found, "sitename", None),
        "url": getattr(found, "url", None),
        "published": getattr(found, "date", None),
    }
    meta, warnings = metadata(fields, where="page_metadata")
    return Article(body=body, meta=meta, warnings=tuple(warnings))


PROSE_MIN_WORDS = 6
"""A line of article text has at least this many words and ends a sentence; menus, link
lists and bylines ("Home World", "By the newsroom") do not."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _is_prose(line: str) -> bool:
    return len(line.split()) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))


def html_version() -> str:
    """trafilatura's version: what the body of a page is depends on it (cache keys)."""
    from importlib.metadata import version

    return version("trafilatura")


# ------------------------------------------------------------------------ JSON Lines


def jsonl_records(text: str) -> Iterator[Record]:
    """Each non-blank line of a JSON Lines file as a ``Record``, in file order. ``key`` is
    the record's ``id`` (text or integer) or, without one, its line number."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _record(number, line)


def _record(number: int, line: str) -> Record:
    base = {"line": number, "key": str(number), "raw": line}
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        problem = error.msg.lower().removesuffix(" at")
        reason = SkipReason(code="invalid_json", detail=problem, column=error.colno)
        return Record(**base, reason=reason)
    if not isinstance(data, dict):
        return Record(**base, reason=SkipReason(code="not_object", kind=value_kind(data)))
    key = _record_key(data.get("id"), number)
    field = next((f for f in ("text", "body") if f in data), None)
    if field is None:
        return Record(**{**base, "key": key}, reason=SkipReason(code="no_text_field"))
    body = data[field]
    if not isinstance(body, str):
        reason = SkipReason(code="text_not_text", field=field, kind=value_kind(body))
        return Record(**{**base, "key": key}, reason=reason)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        code = "text_empty" if not body else "text_whitespace"
        return Record(**{**base, "key": key}, reason=SkipReason(code=code, field=field))
    meta, warnings = metadata(data, where="record")
    article = Article(body=body, meta=meta, warnings=tuple(warnings))
    return Record(**{**base, "key": key}, article=article)


def _record_key(value: object, number: int) -> str:
    """The record's ``id`` as text when it is a usable one, else the line number."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return str(number)
    text = str(value).strip()
    return text if text and "/" not in text else str(number)
