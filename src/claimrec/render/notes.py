"""The words for a document's notes: why it was skipped, what went wrong while reading it.

The read stage records each problem as data (``models.DocumentWarning`` /
``models.SkipReason``: a code and its facts); this module is the one place that says
them in English, for the CLI's stderr lines, the report and the HTML page. Each code
has one function from the note to a short lower-case phrase that names the problem,
quotes the offending value, and says what was done about it (or how to fix it).
"""

from __future__ import annotations

from collections.abc import Callable

from claimrec.formats import KNOWN_KEYS
from claimrec.models import DocumentNote, DocumentWarning, SkipReason

DATE_HINT = "write e.g. 2025-02-04, February 4, 2025, 4 Feb 2025 or 2025/02/04"

ORIGINS = {"front_matter": "front matter", "page_metadata": "page metadata", "record": "record"}

KINDS = {
    "text": "plain text",
    "number": "a number",
    "boolean": "a boolean",
    "list": "a list",
    "mapping": "a mapping",
    "other": "a value",
}

MIB = 2**20


def warning_text(warning: DocumentWarning) -> str:
    """A document warning as one line of words (no path: the caller names the document)."""
    return _WARNINGS[warning.code](warning)


def skip_text(reason: SkipReason) -> str:
    """Why a document was skipped, as one line of words."""
    return _SKIPS[reason.code](reason)


def _quoted(name: str | None) -> str:
    return repr(name or "")


def _where(note: DocumentNote) -> str:
    return ORIGINS.get(note.origin or "", "field")


def _kind(note: DocumentNote) -> str:
    return KINDS.get(note.kind or "other", "a value")


def _value(note: DocumentNote) -> str:
    """The offending value as written: text in quotes, anything else bare."""
    return repr(note.value) if note.kind == "text" else str(note.value)


def _yaml_problem(note: DocumentNote) -> str:
    return f"{note.detail} on line {note.line}" if note.line is not None else str(note.detail)


_WARNINGS: dict[str, Callable[[DocumentWarning], str]] = {
    "not_utf8": lambda w: f"not valid UTF-8; decoded as {w.encoding}",
    "stray_bytes": lambda w: (
        f"not valid UTF-8 in {w.count} byte(s); those bytes decoded as {w.encoding}"
    ),
    "no_byte_order_mark": lambda w: f"no byte-order mark; decoded as {w.encoding}",
    "front_matter_unclosed": lambda w: (
        "front matter opened by '---' on line 1 never closes; read as body"
    ),
    "front_matter_invalid": lambda w: (
        f"front matter is not valid YAML ({_yaml_problem(w)}); ignored"
    ),
    "front_matter_not_mapping": lambda w: (
        f"front matter is {_kind(w)}, not a mapping of keys; ignored"
    ),
    "unknown_keys": lambda w: (
        f"unknown front matter keys ignored: {', '.join(w.keys)} (known: {', '.join(KNOWN_KEYS)})"
    ),
    "field_not_text": lambda w: f"{_where(w)} {_quoted(w.field)} is not text ({_kind(w)}); ignored",
    "both_dates": lambda w: f"{_where(w)} has both 'published' and 'date'; 'date' ignored",
    "bad_date": lambda w: (
        f"{_where(w)} {_quoted(w.field)} is not a date ({_value(w)}; {DATE_HINT}); ignored"
    ),
    "id_taken": lambda w: (
        f"id {_quoted(w.value)} is already used by another article; "
        f"this one is {_quoted(w.renamed_to)}"
    ),
    "truncated": lambda w: (
        f"document has {w.size or 0:,} characters; only the first {w.kept or 0:,} were processed"
    ),
    "legacy": lambda w: str(w.detail),
}

_SKIPS: dict[str, Callable[[SkipReason], str]] = {
    "missing": lambda r: "unreadable: no such file",
    "broken_symlink": lambda r: "broken symlink: target does not exist",
    "unreadable": lambda r: f"unreadable: {r.detail}",
    "unreadable_folder": lambda r: f"unreadable folder: {r.detail}",
    "not_regular_file": lambda r: "not a regular file",
    "too_large": lambda r: (
        f"too large: {(r.size or 0) / MIB:.1f} MiB > {(r.limit or 0) // MIB} MiB limit"
    ),
    "empty": lambda r: "empty",
    "whitespace_only": lambda r: "whitespace only",
    "no_body": lambda r: "whitespace only: no text after the front matter",
    "undecodable": lambda r: f"undecodable: not valid {r.encoding} after its byte-order mark",
    "binary_nul": lambda r: "binary (NUL bytes)",
    "binary_control": lambda r: "binary (control characters)",
    "no_article_text": lambda r: (
        "no article text in the HTML page (only navigation or boilerplate)"
    ),
    "no_records": lambda r: "no records",
    "invalid_json": lambda r: (
        f"not valid JSON ({r.detail} at column {r.column})"
        if r.column is not None
        else f"not valid JSON ({r.detail})"
    ),
    "not_object": lambda r: f"not a JSON object ({_kind(r)})",
    "no_text_field": lambda r: "no 'text' or 'body' field",
    "text_not_text": lambda r: f"{_quoted(r.field)} is not text ({_kind(r)})",
    "text_empty": lambda r: f"{_quoted(r.field)} is empty",
    "text_whitespace": lambda r: f"{_quoted(r.field)} is whitespace only",
    "legacy": lambda r: str(r.detail),
}
