"""Every record that crosses a stage boundary, in one place.

The pipeline is ``read -> extract -> normalize -> reconcile -> graph -> render``;
each stage takes and returns these models, never dicts or tuples. All models are
frozen and forbid unknown fields, so a typo in a field name fails loudly and a
record cannot change behind a stage's back. The graph models (``Graph`` and
what it holds) are the JSON contract of docs/graph.md; ``claimrec schema`` prints
their JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

SCHEMA_VERSION = "1.1"
"""1.1: a document's ``warnings`` and ``skipped`` are objects with a ``code`` (1.0: text)."""
READABLE_VERSIONS = frozenset({"1.0", SCHEMA_VERSION})

ClaimType = Literal["count", "date", "location"]
Modality = Literal["asserted", "reported", "expected", "possible", "negated"]
Status = Literal["single", "consistent", "updated", "conflict"]
EdgeKind = Literal["contains", "attributed_to", "about", "member_of", "contradicts", "corroborates"]
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "unknown"]


class Record(BaseModel):
    """Base for every model: immutable, strict about field names."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- read


# ------------------------------------------------------------------ document notes

WarningCode = Literal[
    "not_utf8",
    "stray_bytes",
    "no_byte_order_mark",
    "front_matter_unclosed",
    "front_matter_invalid",
    "front_matter_not_mapping",
    "unknown_keys",
    "field_not_text",
    "both_dates",
    "bad_date",
    "id_taken",
    "truncated",
    "legacy",
]
"""Why a document was read only in part or with a change: a closed set, stable across
releases (``legacy``: a text note from a graph written before codes)."""

SkipCode = Literal[
    "missing",
    "broken_symlink",
    "unreadable",
    "unreadable_folder",
    "not_regular_file",
    "too_large",
    "empty",
    "whitespace_only",
    "no_body",
    "undecodable",
    "binary_nul",
    "binary_control",
    "no_article_text",
    "no_records",
    "invalid_json",
    "not_object",
    "no_text_field",
    "text_not_text",
    "text_empty",
    "text_whitespace",
    "legacy",
]
"""Why a file (or a JSON Lines record) could not be used at all: a closed set."""

ValueKind = Literal["text", "number", "boolean", "list", "mapping", "other"]
FieldOrigin = Literal["front_matter", "page_metadata", "record"]

NOTE_NEEDS: dict[str, tuple[str, ...]] = {
    "not_utf8": ("encoding",),
    "stray_bytes": ("encoding", "count"),
    "no_byte_order_mark": ("encoding",),
    "front_matter_invalid": ("detail",),
    "front_matter_not_mapping": ("kind",),
    "unknown_keys": ("keys",),
    "field_not_text": ("origin", "field", "kind"),
    "both_dates": ("origin",),
    "bad_date": ("origin", "field", "value", "kind"),
    "id_taken": ("value", "renamed_to"),
    "truncated": ("size", "kept"),
    "legacy": ("detail",),
    "unreadable": ("detail",),
    "unreadable_folder": ("detail",),
    "too_large": ("size", "limit"),
    "undecodable": ("encoding",),
    "invalid_json": ("detail",),
    "not_object": ("kind",),
    "text_not_text": ("field", "kind"),
    "text_empty": ("field",),
    "text_whitespace": ("field",),
}
"""The fields each code needs to be told in words; a note missing one is a bug where it
was built, so it fails there rather than in a renderer."""


class DocumentNote(Record):
    """What was wrong with a document, as data: a ``code`` and the facts that go with it
    (which field, what kind of value, which encoding ...). No sentence: the words are
    ``render/notes.py``'s. Only the fields a code needs are set, and only those are
    written to JSON."""

    code: str = Field(description="What happened, from a closed set; subclasses name it.")
    origin: FieldOrigin | None = Field(
        default=None, description="Where a metadata field came from."
    )
    field: str | None = Field(default=None, description="The metadata or record field.")
    kind: ValueKind | None = Field(default=None, description="The kind of the offending value.")
    value: str | None = Field(default=None, description="The offending value, as text.")
    encoding: str | None = Field(default=None, description="The codec the text was read with.")
    count: int | None = Field(default=None, description="How many bytes were stray.")
    size: int | None = Field(
        default=None, description="Size of the file (bytes) or the document (characters)."
    )
    limit: int | None = Field(default=None, description="The size limit, in bytes.")
    kept: int | None = Field(default=None, description="Characters processed of a long document.")
    line: int | None = Field(default=None, description="Line in the file.")
    column: int | None = Field(default=None, description="Column in the line.")
    keys: tuple[str, ...] = Field(default=(), description="Unknown front matter keys.")
    detail: str | None = Field(
        default=None,
        description="The parser's or the system's own message (YAML, JSON, the OS), as given.",
    )
    renamed_to: str | None = Field(default=None, description="The id the document got instead.")

    @model_validator(mode="after")
    def _complete(self) -> DocumentNote:
        code = self.code
        missing = [name for name in NOTE_NEEDS.get(code, ()) if getattr(self, name) in (None, ())]
        if missing:
            raise ValueError(f"a {code!r} note needs {', '.join(missing)}")
        return self

    @model_serializer(mode="wrap")
    def _set_fields_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None and v != () and v != []}

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        """A schema 1.0 graph holds the note as text: keep it, as a ``legacy`` note."""
        return {"code": "legacy", "detail": data} if isinstance(data, str) else data


class DocumentWarning(DocumentNote):
    """A problem that did not stop the document: it was read, in part or with a change."""

    code: WarningCode = Field(description="What happened, from a closed set.")


class SkipReason(DocumentNote):
    """Why a file or record was not used at all."""

    code: SkipCode = Field(description="Why, from a closed set.")


class Document(Record):
    """One article as read from disk, with its body exactly as docs/graph.md defines it."""

    id: str = Field(
        description="Path relative to the folder given, without extension, '/'-separated."
    )
    path: str = Field(description="Path relative to the folder given, with extension.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    encoding: str = "utf-8"
    sha256: str = Field(description="Hash of the raw bytes, for caches and change detection.")
    body: str = Field(exclude=True, description="Body text; not written to the graph.")
    warnings: tuple[DocumentWarning, ...] = ()


class SkippedDocument(Record):
    """A file that was found but could not be used, and why."""

    id: str
    path: str
    reason: SkipReason


class Corpus(Record):
    """The result of reading: usable documents and counted skips, both in sorted order."""

    documents: tuple[Document, ...]
    skipped: tuple[SkippedDocument, ...] = ()


# ------------------------------------------------------------------------ values


class CountValue(Record):
    """Stated bounds of a count, inclusive; ``None`` where the text leaves a side open."""

    low: int | None
    high: int | None
    approximate: bool = False
    unit: str
    vague: bool = Field(default=False, description="From a vague quantity: 'dozens', 'several'.")


class DateValue(Record):
    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = "unknown"


class LocationValue(Record):
    entity: str


class TimeRef(Record):
    text: str
    start: dt.date | None = None
    end: dt.date | None = None


class Evidence(Record):
    start: int = Field(description="Character offset of the quoted span in the document body.")
    end: int
    quote: str
    sentence: str


# ------------------------------------------------------------------------ extract


MentionKind = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP", "ANON"]


class Mention(Record):
    """A surface form of a named thing in one document, before entities are merged."""

    text: str
    kind: MentionKind
    start: int
    end: int


class RawClaim(Record):
    """A claim as extraction sees it: entities still as mentions (surface text)."""

    doc: str
    type: ClaimType
    slot: str = Field(description="Content-derived key, stable across unrelated edits.")
    subject: Mention | None = None
    predicate: str
    measure: str = Field(
        default="other",
        description="For a count: what is counted, from the lexicon's closed set of measures.",
    )
    value: CountValue | DateValue | TimeRef | None = None
    counted: str | None = None
    location: Mention | None = None
    time: TimeRef | None = None
    source: Mention | None = None
    modality: Modality = "asserted"
    confidence: float
    evidence: Evidence
    dated_word: str | None = Field(
        default=None,
        description="For a date: the lemma of the word it hangs on ('break out', 'contain', "
        "'quake'), its particle included; None when it hangs on none.",
    )
    dated_prep: str | None = Field(
        default=None, description="For a date: the preposition that opens it ('on', 'since')."
    )


class MentionLink(Record):
    """Two mentions the text itself ties together. ``alias``: one thing under two names
    ("State Emergency Service (SES)"); ``affiliation``: ``a``, a person, speaks for or
    belongs to ``b``, an organisation ("X, a spokesperson for Y"), the two kept apart."""

    kind: Literal["alias", "affiliation"]
    a: Mention
    b: Mention


class Extraction(Record):
    """Everything extraction found in one document: a pure function of its text."""

    doc: str
    mentions: tuple[Mention, ...]
    claims: tuple[RawClaim, ...]
    links: tuple[MentionLink, ...] = ()


# -------------------------------------------------------------------------- graph


class GraphDocument(Record):
    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    sha256: str | None = None
    claims: int = 0
    copy_of: str | None = Field(
        default=None, description="Near-duplicate of this earlier document."
    )
    skipped: SkipReason | None = Field(
        default=None, description="Why the document was skipped, if it was."
    )
    warnings: list[DocumentWarning] = []
    body: str | None = Field(
        default=None,
        description="The body as read (evidence offsets index into it), so a report can show "
        "each claim in its text; None for skipped documents and older graphs.",
    )
    story: str | None = Field(
        default=None, description="The story the document belongs to; None for the main story."
    )


class Entity(Record):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int
    affiliation: str | None = Field(
        default=None,
        description="For a person: the id of the organisation the text says they speak for "
        "('X, a spokesperson for Y', 'Y spokesman X'); the two stay separate entities, so "
        "reconciliation may treat them as one voice.",
    )


class Claim(Record):
    id: str
    doc: str
    type: ClaimType
    subject: str | None
    predicate: str
    measure: str = Field(
        default="other",
        description="For a count: what is counted ('deaths', 'injured', 'force', ... or 'other').",
    )
    value: Annotated[CountValue | DateValue | LocationValue, Field(union_mode="smart")]
    counted: str | None = Field(
        default=None,
        description="For a count: the noun counted, as a lemma ('worker'), or the one an "
        "elided head borrows ('40 were killed and 230 wounded'); None for a bare figure.",
    )
    location: str | None = None
    time: TimeRef | None = None
    as_of: dt.date | None = Field(
        default=None,
        description="The day the claim speaks for: its stated time, else the document's date.",
    )
    source: str | None = None
    source_text: str | None = None
    modality: Modality = "asserted"
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Evidence
    dated_word: str | None = Field(
        default=None,
        description="For a date: the lemma of the word it hangs on ('break out', 'contain', "
        "'quake'), its particle included; None when it hangs on none.",
    )
    dated_prep: str | None = Field(
        default=None, description="For a date: the preposition that opens it ('on', 'since')."
    )


class FactKey(Record):
    """What a fact's claims were grouped on: one question, in one story."""

    type: ClaimType
    subject: str | None
    predicate: str = Field(description="Predicate family (deployed/stationed: deployment).")
    measure: str | None = None
    location: str | None = Field(
        default=None, description="A place narrower than the story's own, when stated."
    )
    scope: str | None = Field(
        default=None, description="'part' for an increment or subset ('another 3,000')."
    )
    unit: str | None = None
    story: str | None = Field(default=None, description="Story label; None for the main story.")
    event_day: dt.date | None = Field(
        default=None,
        description="For a count of one event (a crowd, a release): the day it happened; "
        "each day's event is its own question. For a projection: the day it projects to "
        "('could reach 9,000 by 1 June').",
    )


ValueRole = Literal["stated", "hedged", "projection", "superseded", "revised", "not_asserted"]


class FactValue(Record):
    value: CountValue | DateValue | LocationValue
    label: str
    claims: list[str]
    sources: list[str]
    documents: list[str]
    as_of: list[dt.date] = Field(default=[], description="Distinct days the value speaks for.")
    voices: list[str] = Field(
        default=[], description="Independent voices behind the value (entity or doc:<id>)."
    )
    role: ValueRole = Field(
        default="stated",
        description="How the value takes part: stated, hedged ('might have'), projection "
        "('could rise to'), superseded (withdrawn by its source), revised (replaced by its "
        "own source later), not_asserted (denied or vague).",
    )


ReasonKind = Literal[
    "clash",
    "update",
    "revision",
    "superseded",
    "hedged",
    "projection",
    "compatible",
    "multi_valued",
    "unstated_change",
    "part",
]


class Reason(Record):
    """One structured ground for a fact's status; renderers turn these into words."""

    kind: ReasonKind
    values: list[str] = Field(default=[], description="Labels of the values concerned.")
    claims: list[str] = []
    sources: list[str] = []
    dates: list[dt.date] = []
    hedged: bool = Field(default=False, description="A clash involving a 'might have' value.")


NoConsensus = Literal["tie", "no_majority", "no_values"]


class Fact(Record):
    id: str
    key: FactKey
    claims: list[str]
    values: list[FactValue]
    status: Status
    explanation: str
    reasons: list[Reason] = []
    multi_valued: bool = False
    independent_sources: int = 0
    consensus: CountValue | None = None
    consensus_support: int = Field(
        default=0, description="Independent voices of the latest window that allow the consensus."
    )
    consensus_voices: int = Field(
        default=0, description="Independent voices with a live value in the latest window."
    )
    no_consensus: NoConsensus | None = Field(
        default=None, description="Why a conflict has no consensus."
    )


class Edge(Record):
    source: str
    target: str
    kind: EdgeKind


class Reconciliation(Record):
    """What reconcile returns: the facts (sorted by id) and the claim-to-claim edges."""

    facts: list[Fact]
    edges: list[Edge]


class Generator(Record):
    name: str = "claimrec"
    version: str
    model: str
    lexicon: str = Field(description="Hash of the effective lexicon, so builds can be compared.")


class Graph(Record):
    schema_version: str = SCHEMA_VERSION
    generator: Generator
    documents: list[GraphDocument]
    entities: list[Entity]
    claims: list[Claim]
    facts: list[Fact]
    edges: list[Edge]
