"""Mentions from spaCy spans, with offsets into the document body."""

from __future__ import annotations

from spacy.tokens import Span

from claimrec.models import Mention, MentionKind

# spaCy entity labels kept as mentions, and the kind each becomes.
ENTITY_KINDS: dict[str, MentionKind] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
}


def mention(span: Span, kind: MentionKind, offset: int) -> Mention:
    """A mention of ``span`` (in a piece starting at ``offset``); its text has whitespace
    folded, because masked markup leaves runs of spaces."""
    return Mention(
        text=" ".join(span.text.split()),
        kind=kind,
        start=offset + span.start_char,
        end=offset + span.end_char,
    )
