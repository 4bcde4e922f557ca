"""Extraction: one document in, its entity mentions and raw claims out.

``extract_document`` is a pure map over a ``Document`` (given the pipeline and
lexicon), so documents can be processed in parallel and cached by content. It
parses paragraph by paragraph and walks sentences in order, carrying only what
reading order gives a person: the last speaker (for reported speech that
continues), the last person named (for "he said") and the last group whose
people were counted (for "these troops").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimrec.dates import resolve_date
from claimrec.extract.attribution import (
    Attribution,
    attribution,
    continues_speech,
    sentence_speaker,
)
from claimrec.extract.issuer import issuer
from claimrec.extract.mentions import mention
from claimrec.extract.modality import modality
from claimrec.extract.paragraphs import QUOTE_MARKS, Piece, Quotes, plan
from claimrec.extract.places import located_places, place_phrases
from claimrec.extract.predicates import Trigger, find_trigger, trigger_of
from claimrec.extract.quantities import Count, counts
from claimrec.extract.subjects import is_anaphoric, subject_span, topic_nouns
from claimrec.extract.tables import Cell, CellSource, source_at, table_sources
from claimrec.lexicon import Lexicon
from claimrec.models import (
    DateValue,
    Document,
    Evidence,
    Extraction,
    Mention,
    MentionKind,
    RawClaim,
    TimeRef,
)

ENTITY_KINDS: dict[str, MentionKind] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
}
BATCH_SIZE = 64
TITLE_WORDS = 3  # words before a person's name searched for a title ("Interior Minister X")
NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


@dataclass
class _Context:
    """What reading order carries from one sentence to the next within a document."""

    speaker: Attribution | None = None
    speaker_paragraph: int = -1
    speaker_age: int = 0
    person: Mention | None = None
    organisation: Mention | None = None  # the last speaker that was not a person, for "it said"
    organisations: list[Mention] = field(default_factory=list)  # organisations named, in order
    titled: dict[str, Mention] = field(default_factory=dict)  # "minister" -> last one named
    quotes: Quotes | None = None  # where quotations are open in the body
    subject: Mention | None = None
    tables: list[CellSource] = field(default_factory=list)  # table cells -> their source
    issuer: Cell | None = None  # who issued the document, when it is a release


@dataclass
class _Sentence:
    sent: Span
    piece: Piece
    document: Document
    lexicon: Lexicon
    context: _Context
    subjects: dict[int, Mention] = field(default_factory=dict)  # trigger index -> count subject


def extract_document(
    document: Document, *, nlp: Language, lexicon: Lexicon, entities: str = "all"
) -> Extraction:
    """Mentions and claims of one document, in reading order."""
    return extract_documents([document], nlp=nlp, lexicon=lexicon, entities=entities)[0]


def extract_documents(
    documents: Sequence[Document], *, nlp: Language, lexicon: Lexicon, entities: str = "all"
) -> list[Extraction]:
    """Extractions of several documents, parsed together so ``nlp.pipe`` fills its batches.

    Sentences that may hold a claim get the full pipeline; the others only NER (or nothing,
    with ``entities="claims"``); see ``paragraphs.plan``. The parsed Docs of these
    documents are alive only inside this call, so callers bound memory by the batch."""
    plans = [plan(d.body, lexicon, entities=entities) for d in documents]
    flat = [p for parts in plans for p in parts]
    parsed = iter(nlp.pipe((p.text for p in flat if p.parse), batch_size=BATCH_SIZE))
    names = iter(
        nlp.pipe((p.text for p in flat if not p.parse), batch_size=BATCH_SIZE, disable=NOT_NER)
    )
    out = []
    for document, parts in zip(documents, plans, strict=True):
        docs = ((p, next(parsed) if p.parse else next(names)) for p in parts)
        out.append(extract_parsed(document, docs, lexicon=lexicon))
    return out


def extract_parsed(
    document: Document, parsed: Iterable[tuple[Piece, Doc]], *, lexicon: Lexicon
) -> Extraction:
    """Extraction from already parsed pieces (lets callers batch parsing across documents)."""
    context = _Context(
        tables=table_sources(document.body, lexicon),
        issuer=issuer(document.body, lexicon),
        quotes=Quotes(document.body),
    )
    mentions: list[Mention] = []
    claims: list[RawClaim] = []
    for piece, doc in parsed:
        mentions.extend(_entity_mentions(doc, piece.start))
        if not piece.parse:
            _advance_names(doc, piece, context, lexicon.title_set)
            continue
        for sent in doc.sents:
            state = _Sentence(sent, piece, document, lexicon, context)
            claims.extend(_sentence_claims(state))
            _advance(state)
    return Extraction(doc=document.id, mentions=tuple(mentions), claims=tuple(_with_slots(claims)))


# ------------------------------------------------------------------ per sentence


def _sentence_claims(s: _Sentence) -> list[RawClaim]:
    out: list[RawClaim] = []
    for count in counts(s.sent, s.lexicon):
        claim = _count_claim(s, count)
        if claim is not None:
            out.append(claim)
    out.extend(_date_claims(s))
    out.extend(_location_claims(s))
    return out


def _count_claim(s: _Sentence, count: Count) -> RawClaim | None:
    trigger = find_trigger(count.anchor, s.lexicon)
    predicate = count.predicate or (
        trigger.predicate if trigger else _default_predicate(count, s.lexicon)
    )
    if predicate is None:
        return None
    confidence = 0.9 - (0.1 if count.written_out else 0.0) - (0.1 if trigger is None else 0.0)
    confidence -= (
        0.1
        if count.value.approximate and count.value.low is None and count.value.high is None
        else 0.0
    )
    subject, guessed = _subject(
        s, count.unit_token, trigger.token if trigger else None, anaphoric=True
    )
    if subject is not None and not guessed:
        s.context.subject = subject
    if subject is not None and trigger is not None:
        s.subjects[trigger.token.i] = subject
    source, source_penalty, hearsay = _source(s, count.anchor)
    place = _first_place(s, trigger, count.unit_token)
    anchor = trigger.token if trigger else count.anchor
    return RawClaim(
        doc=s.document.id,
        type="count",
        slot="",
        subject=subject,
        predicate=predicate,
        measure=s.lexicon.measure_of(predicate),
        value=count.value,
        location=place,
        time=_time(s, anchor),
        source=source,
        modality=modality(anchor, s.sent, s.lexicon, hearsay=hearsay),
        confidence=_clip(confidence - (0.1 if guessed else 0.0) - source_penalty),
        evidence=_evidence(s, count.span),
    )


def _default_predicate(count: Count, lexicon: Lexicon) -> str | None:
    unit = count.unit_token
    if unit is None:
        return None
    entry = lexicon.units.get(unit.lemma_.lower()) or lexicon.units.get(unit.lower_)
    return entry.default_predicate if entry else None


def _date_claims(s: _Sentence) -> Iterator[RawClaim]:
    for ent in map(_without_possessive, s.sent.ents):
        if ent.label_ != "DATE" or _bare_number(ent.text):
            continue
        value = resolve_date(ent.text, published=s.document.published)
        trigger = find_trigger(ent.root, s.lexicon) or _event_verb(ent.root, value)
        if trigger is None:
            continue
        subject, guessed = _subject(s, None, trigger.token)
        source, penalty, hearsay = _source(s, ent.root)
        yield RawClaim(
            doc=s.document.id,
            type="date",
            slot="",
            subject=subject,
            predicate=trigger.predicate,
            value=value,
            location=_first_place(s, trigger, None),
            source=source,
            modality=modality(trigger.token, s.sent, s.lexicon, hearsay=hearsay),
            confidence=_clip(
                0.85 - (0.1 if guessed else 0.0) - penalty - (0.1 if value.start is None else 0.0)
            ),
            evidence=_evidence(s, ent),
        )


_BARE_NUMBER = re.compile(r"^[\d.,\s]+[kK]?$")
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


def _bare_number(text: str) -> bool:
    """A DATE span that is only a number ("10k", "4,500") is not a date; a year is."""
    text = text.strip()
    return bool(_BARE_NUMBER.match(text)) and not _YEAR.match(text)


def _without_possessive(ent: Span) -> Span:
    """ "last week's earthquake": the date is "last week"."""
    if len(ent) > 1 and ent[-1].tag_ == "POS":
        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def _event_verb(token: Token, value: DateValue) -> Trigger | None:
    """Any verb a calendar date is attached to ("visited Oskel on Tuesday"), named by its
    lemma; durations ("for three weeks", "the last 2.5 years") are not events' dates."""
    if value.granularity == "unknown" and value.start is None:
        return None
    head = token.head
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"} and head.lemma_ != "be":
            return Trigger(head, head.lemma_.lower())
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _location_claims(s: _Sentence) -> Iterator[RawClaim]:
    for phrase, token in located_places(s.sent, s.lexicon):
        predicate = trigger_of(token, s.lexicon)
        if predicate is not None:
            subject, guessed = _subject(s, None, token)
            source, penalty, hearsay = _source(s, token)
            place = mention(phrase, "LOC", s.piece.start)
            yield RawClaim(
                doc=s.document.id,
                type="location",
                slot="",
                subject=subject,
                predicate=predicate,
                value=None,
                location=place,
                time=_time(s, token),
                source=source,
                modality=modality(token, s.sent, s.lexicon, hearsay=hearsay),
                confidence=_clip(0.8 - (0.1 if guessed else 0.0) - penalty),
                evidence=_evidence(s, phrase),
            )


# ------------------------------------------------------------------ claim parts


def _subject(
    s: _Sentence, unit: Token | None, trigger: Token | None, *, anaphoric: bool = False
) -> tuple[Mention | None, bool]:
    """(subject mention, whether it was taken from earlier text).

    A count's own group comes first; then the subject of a count on the same trigger;
    then the trigger's named agent. Earlier text supplies the subject only for an
    anaphoric group ("these troops", "they", "the first group of 800 troops")."""
    span = subject_span(unit, trigger, s.lexicon)
    if span is not None:
        return mention(span, _kind(span), s.piece.start), False
    if trigger is not None and trigger.i in s.subjects:
        return s.subjects[trigger.i], False
    if anaphoric or (trigger is not None and is_anaphoric(trigger, s.lexicon)):
        return s.context.subject, s.context.subject is not None
    return None, False


def _source(s: _Sentence, anchor: Token) -> tuple[Mention | None, float, bool]:
    """(source mention, confidence penalty, hearsay) for the clause holding ``anchor``.

    A figure in a table cell has the source its table names; then the parse of the
    sentence; then reported speech carried from the previous sentence; then, in a
    release, its issuer."""
    ctx = s.context
    cell = source_at(ctx.tables, s.piece.start + anchor.idx)
    if cell is not None:
        return _cell_mention(s, cell), 0.05, False
    found = attribution(anchor, s.sent, s.piece.start, s.lexicon)
    if found is None:
        carried = ctx.speaker
        if carried is not None and (
            (ctx.speaker_paragraph == s.piece.paragraph and continues_speech(s.sent, s.lexicon))
            or _quoted(s)
        ):
            return carried.mention, 0.15, False
        if ctx.issuer is not None:
            return _issuer_mention(s, ctx.issuer), 0.1, False
        return None, 0.0, False
    if found.pronoun:
        earlier = _pronoun_source(s, found.text.lower())
        return earlier, 0.1 if earlier else 0.2, False
    if found.definite is not None:
        earlier = _described_source(s, found)
        if earlier is not None:
            return earlier, 0.1, False
    if found.mention is not None and found.mention.kind not in {"PERSON", "ANON"}:
        ctx.organisations.append(found.mention)
    return found.mention, 0.0, found.mention is None


def _described_source(s: _Sentence, found: Attribution) -> Mention | None:
    """The organisation a bare "the ministry" / "the coast guard" points back to: the
    latest one named or quoted (this sentence's names before it included) whose name
    ends in those words ("the interior ministry", "the Telmar Coast Guard"), or the
    person last named with that title ("Interior Minister X ... the minister's count")."""
    head = found.definite or ""
    before = found.mention.start if found.mention is not None else s.piece.start
    here = [
        mention(e, "ORG", s.piece.start)
        for e in s.sent.ents
        if e.label_ == "ORG" and s.piece.start + e.end_char <= before
    ]
    for earlier in reversed([*s.context.organisations, *here]):
        name = earlier.text.lower()
        if name != head and (name.endswith(" " + head) or name.endswith(" " + head + "s")):
            return earlier
    return s.context.titled.get(head)  # "the minister": the minister named last


def _pronoun_source(s: _Sentence, pronoun: str) -> Mention | None:
    """He/she: the last person named; we: the release's issuer; it/they: the last
    organisation that spoke."""
    ctx = s.context
    if pronoun in {"he", "she"}:
        return ctx.person
    if pronoun == "we" and ctx.issuer is not None:
        return _issuer_mention(s, ctx.issuer)
    return ctx.organisation


def _issuer_mention(s: _Sentence, issuer: Cell) -> Mention:
    """The release's issuer, by the fullest name the text gives it ("STATE OF QATAR" in
    the heading, "the Foreign Ministry of the State of Qatar" in the body)."""
    short = " ".join(issuer.text.lower().split())
    for named in s.context.organisations:
        if short in named.text.lower() and len(named.text) > len(short):
            return named
    return _cell_mention(s, issuer)


def _cell_mention(s: _Sentence, cell: Cell) -> Mention:
    """A source named in a table cell or a heading, typed by NER where it reaches."""
    kind: MentionKind = "ORG"
    for ent in s.sent.doc.ents:
        start = s.piece.start + ent.start_char
        if start <= cell.start < start + len(ent.text) or cell.start <= start < cell.end:
            kind = ENTITY_KINDS.get(ent.label_, "ORG")
            break
    return Mention(text=" ".join(cell.text.split()), kind=kind, start=cell.start, end=cell.end)


def _first_place(s: _Sentence, trigger: Trigger | None, unit: Token | None) -> Mention | None:
    entry = s.lexicon.predicates.get(trigger.predicate) if trigger else None
    if trigger is None or entry is None or not entry.locative:
        return None
    phrases = place_phrases(trigger.token, unit, s.lexicon)
    return mention(phrases[0], "LOC", s.piece.start) if phrases else None


def _time(s: _Sentence, anchor: Token) -> TimeRef | None:
    """A date phrase attached to the claim's trigger, as the claim's time."""
    for ent in s.sent.ents:
        if ent.label_ == "DATE" and _governs(anchor, ent.root):
            value: DateValue = resolve_date(ent.text, published=s.document.published)
            return TimeRef(text=ent.text, start=value.start, end=value.end)
    return None


def _governs(head: Token, token: Token, *, depth: int = 3) -> bool:
    for _ in range(depth):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == head.i:
            return True
    return False


def _evidence(s: _Sentence, span: Span) -> Evidence:
    offset = s.piece.start
    body = s.document.body
    start, end = offset + span.start_char, offset + span.end_char
    sent_start, sent_end = offset + s.sent.start_char, offset + s.sent.end_char
    return Evidence(
        start=start, end=end, quote=body[start:end], sentence=body[sent_start:sent_end].strip()
    )


def _kind(span: Span) -> MentionKind:
    return ENTITY_KINDS.get(span.label_ or span.root.ent_type_, "NORP")


def _clip(x: float) -> float:
    return round(min(1.0, max(0.05, x)), 2)


# ------------------------------------------------------------------ reading order


def _advance(s: _Sentence) -> None:
    """Update what the next sentence inherits from this one."""
    ctx = s.context
    speaker = sentence_speaker(s.sent, s.piece.start, s.lexicon)
    if speaker is not None:
        if speaker.pronoun:
            earlier = _pronoun_source(s, speaker.text.lower())
            speaker = Attribution(earlier, speaker.text, "carried")
        ctx.speaker, ctx.speaker_paragraph, ctx.speaker_age = speaker, s.piece.paragraph, 0
        if speaker.mention is not None and speaker.mention.kind not in {"PERSON", "ANON"}:
            ctx.organisation = speaker.mention
            ctx.organisations.append(speaker.mention)
    elif not _inside_quote(ctx, s.piece.start + s.sent.end_char):
        ctx.speaker_age += 1
        if ctx.speaker_age >= s.lexicon.attribution.carry_sentences:
            ctx.speaker = None
    _remember_names(s.sent.ents, s.piece.start, ctx, s.lexicon.title_set)
    for token in topic_nouns(s.sent, s.lexicon):
        span = subject_span(token, None, s.lexicon)
        if span is not None:
            ctx.subject = mention(span, _kind(span), s.piece.start)


def _advance_names(doc: Doc, piece: Piece, ctx: _Context, titles: frozenset[str]) -> None:
    """A stretch seen only by NER: remember the last person named; reported speech stops,
    unless a quotation is still open at its end."""
    _remember_names(doc.ents, piece.start, ctx, titles)
    if not _inside_quote(ctx, piece.start + len(piece.text)):
        ctx.speaker = None


def _inside_quote(ctx: _Context, position: int) -> bool:
    return ctx.quotes is not None and ctx.quotes.inside(position)


def _quoted(s: _Sentence) -> bool:
    """Whether the sentence is inside a quotation whose speaker was named in this
    paragraph or, for a quotation running on, in the one before."""
    start = s.piece.start + s.sent.start_char
    text = s.sent.text.lstrip()
    opens = text[:1] in QUOTE_MARKS
    if _inside_quote(s.context, start + (len(s.sent.text) - len(text)) + (1 if opens else 0)):
        gap = s.piece.paragraph - s.context.speaker_paragraph
        return gap == 0 or (opens and gap <= 2)
    return False


def _remember_names(
    ents: Iterable[Span], offset: int, ctx: _Context, titles: frozenset[str]
) -> None:
    """The last person named (for "he said"), by title too (for "the minister"), and
    every organisation (for "the ministry")."""
    for ent in ents:
        if ent.label_ == "PERSON":
            ctx.person = mention(ent, "PERSON", offset)
            for token in ent.doc[max(0, ent.start - TITLE_WORDS) : ent.start]:
                if token.lower_ in titles:
                    ctx.titled[token.lower_] = ctx.person
        elif ent.label_ == "ORG":
            ctx.organisations.append(mention(ent, "ORG", offset))


def _entity_mentions(doc: Doc, offset: int) -> Iterator[Mention]:
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is not None and ent.text.strip():
            yield mention(ent, kind, offset)


def _with_slots(claims: list[RawClaim]) -> Iterator[RawClaim]:
    """Give each claim a slot key from its own sentence and quote (whitespace folded), never
    from its offset, so an edit elsewhere in the document, or a reflowed line, leaves the
    key unchanged."""
    seen: dict[str, int] = {}
    for claim in claims:
        parts = (claim.type, claim.evidence.sentence, claim.evidence.quote)
        base = "\x1f".join(" ".join(p.split()) for p in parts)
        k = seen.get(base, 0)
        seen[base] = k + 1
        slot = hashlib.sha1(f"{base}\x1f{k}".encode()).hexdigest()[:16]
        yield claim.model_copy(update={"slot": slot})
