"""Who speaks, as reading order tells it: the state attribution carries between sentences.

The parse of one sentence finds its speaker (``attribution``); what it cannot settle
alone needs what came before: "he said" (the last person named), "the ministry said"
(the organisation named with that noun), "the minister's count" (the person named with
that title), "we counted" (a release's issuer), a figure in a table (its Source column),
and speech that runs on (the sentence after "X said ...", the rest of an open quotation).
``Speakers`` holds that state for one document and answers those questions; the
extraction loop feeds it each sentence in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimrec.entities import org_head
from claimrec.extract.attribution import (
    Attribution,
    actor,
    attribution,
    continues_speech,
    introduced_speaker,
    kind_noun_before,
    report_authors,
)
from claimrec.extract.attribution import sentence_speaker as parsed_speaker
from claimrec.extract.issuer import issuer
from claimrec.extract.markdown_tables import TextSpan
from claimrec.extract.mentions import ENTITY_KINDS, mention
from claimrec.extract.paragraphs import LIST_ITEM, QUOTE_MARKS, Quotes
from claimrec.extract.table_sources import CellSource, source_at, table_sources
from claimrec.lexicon import Lexicon
from claimrec.models import Mention, MentionKind

# ", a volunteer hotline for ...": up to four words after an indefinite article
_DESCRIPTION = re.compile(r",\s+(?:a|an)\s+((?:\S+[ \t]+){0,4}\S+)")
FIRST_PERSON = frozenset({"i", "we"})  # in a quotation, its speaker
TITLE_WORDS = 3  # words before a person's name searched for a title ("Interior Minister X")


@dataclass(frozen=True)
class Source:
    """A claim's source, the confidence it costs, and whether it is bare hearsay."""

    mention: Mention | None
    penalty: float = 0.0
    hearsay: bool = False


@dataclass
class Speakers:
    """Reading-order state for attribution in one document (see the module docstring)."""

    lexicon: Lexicon
    speaker: Attribution | None = None
    speaker_paragraph: int = -1
    speaker_age: int = 0
    person: Mention | None = None
    person_paragraph: int = -1
    organisation: Mention | None = None  # the last speaker that was not a person, for "it"
    organisations: list[Mention] = field(default_factory=list)  # named or quoted, in order
    spoken: list[Mention] = field(default_factory=list)  # organisations that gave a figure
    paragraph_orgs: list[Mention] = field(default_factory=list)  # named in this paragraph
    paragraph: int = -1
    # "minister" -> the person last named with that title; "firm" -> the organisation
    # last described as one ("X, an independent firm")
    titled: dict[str, Mention] = field(default_factory=dict)
    tables: list[CellSource] = field(default_factory=list)
    introduced: Mention | None = None  # "X gave these figures:": the list after it is X's
    issuer: TextSpan | None = None
    quotes: Quotes | None = None
    body: str = ""

    @classmethod
    def of(cls, body: str, lexicon: Lexicon, outlet: str | None = None) -> Speakers:
        """The state for one document (``outlet``: its publisher, from its metadata)."""
        return cls(
            lexicon=lexicon,
            tables=table_sources(body, lexicon),
            issuer=issuer(body, lexicon, outlet),
            quotes=Quotes(body),
            body=body,
        )

    # ------------------------------------------------------------------ per claim

    def source(self, anchor: Token, sent: Span, offset: int, paragraph: int) -> Source:
        """The source of the clause holding ``anchor``: a table cell's source; the parse
        of the sentence; reported speech carried from before; a release's issuer."""
        cell = source_at(self.tables, offset + anchor.idx)
        if cell is not None:
            return Source(self._cell_mention(cell, sent, offset), 0.05)
        found = attribution(anchor, sent, offset, self.lexicon)
        if found is None:
            closer = self._closing_speaker(anchor, sent, offset)
            if closer is not None:
                return Source(closer, 0.1)
            if self.introduced is not None and _list_item(sent):
                return Source(self.introduced, 0.1)
            carried = self.speaker
            if carried is not None and (
                (self.speaker_paragraph == paragraph and continues_speech(sent, self.lexicon))
                or self._quoted(sent, offset, paragraph)
            ):
                return Source(carried.mention, 0.15)
            introduced = self._introduced_quote(anchor, sent, offset, paragraph)
            if introduced is not None:
                return Source(introduced, 0.15)
            if self.issuer is not None:  # a release speaks for its issuer throughout
                return Source(self._issuer_mention(self.issuer, sent, offset), 0.1)
            acting = self._actor(anchor, sent, offset)
            return Source(acting, 0.15) if acting is not None else Source(None)
        if found.pronoun and found.text.lower() in FIRST_PERSON:
            speaking = self._quote_speaker(anchor, sent, offset, paragraph)
            if speaking is not None:
                return Source(speaking, 0.1)  # '"We counted 40," said X': X
        if found.pronoun:
            earlier = self._pronoun(found.text.lower(), sent, offset)
            return Source(earlier, 0.1 if earlier else 0.2)
        if found.definite is not None:
            earlier = self._described(found, sent, offset)
            if earlier is not None:
                self.organisation = earlier
                return Source(earlier, 0.1)
        if found.mention is None and self.issuer is not None:
            # "according to the data available" in a release: the issuer's own data
            return Source(self._issuer_mention(self.issuer, sent, offset), 0.1)
        if found.mention is not None and found.mention.kind not in {"PERSON", "ANON"}:
            self.organisations.append(found.mention)
            self.spoken.append(found.mention)
            self.organisation = found.mention  # it gave a figure: a later "it" is most likely it
        return Source(found.mention, 0.0, found.mention is None)

    # ------------------------------------------------------------------ reading order

    def read_sentence(self, sent: Span, offset: int, paragraph: int) -> None:
        """What the next sentence inherits from this parsed one."""
        self._read_introduction(sent, offset)
        speaker = parsed_speaker(sent, offset, self.lexicon)
        if speaker is not None:
            if speaker.pronoun:
                earlier = self._pronoun(speaker.text.lower(), sent, offset)
                speaker = Attribution(earlier, speaker.text, "carried")
            self.speaker, self.speaker_paragraph, self.speaker_age = speaker, paragraph, 0
            if speaker.mention is not None and speaker.mention.kind not in {"PERSON", "ANON"}:
                self.organisation = speaker.mention
                self.organisations.append(speaker.mention)
        elif not self._inside_quote(offset + sent.end_char):
            self.speaker_age += 1
            if self.speaker_age >= self.lexicon.attribution.carry_sentences:
                self.speaker = None
        self._remember(sent.ents, offset, paragraph)
        for noun, author in report_authors(sent, offset, self.lexicon):
            credited = (
                self._pronoun(author.text.lower(), sent, offset)
                if author.pronoun
                else author.mention
            )
            if credited is not None:
                self.titled[noun] = credited

    def _read_introduction(self, sent: Span, offset: int) -> None:
        """A sentence ending in a colon with a speaker opens a list that speaks for them;
        anything but an item of that list closes it."""
        found = introduced_speaker(sent, offset, self.lexicon)
        if found is not None:
            if found.pronoun:
                self.introduced = self._pronoun(found.text.lower(), sent, offset)
            else:
                self.introduced = found.mention
        elif not _list_item(sent):
            self.introduced = None

    def read_names(self, ents: Iterable[Span], offset: int, end: int, paragraph: int = -1) -> None:
        """A stretch seen only by NER (ending at body offset ``end``): remember its names;
        reported speech stops, unless a quotation is still open at its end."""
        self._remember(ents, offset, paragraph)
        if not self._inside_quote(end):
            self.speaker = None

    def _remember(self, ents: Iterable[Span], offset: int, paragraph: int) -> None:
        """The last person named (for "he said"), by title or description too (for "the
        minister", "the firm"), and every organisation (for "the ministry"), by paragraph
        too (for "the network", which looks back no further)."""
        if paragraph != self.paragraph or paragraph < 0:
            self.paragraph, self.paragraph_orgs = paragraph, []
        titles = self.lexicon.title_set
        for ent in ents:
            if ent.label_ not in {"PERSON", "ORG"} or _name_as_modifier(ent):
                continue
            described = self._described_as(ent)
            kind_named = kind_noun_before(ent, self.lexicon)  # "mine operator X"
            label = "ORG" if described is not None or kind_named else ent.label_
            if label == "ORG" and self._titled_name(ent):
                label = "PERSON"  # "Chief executive X": NER took a person for a body
            named = mention(ent, ENTITY_KINDS[label], offset)
            if described is not None:
                self.titled[described] = named
            if label == "PERSON":
                self.person, self.person_paragraph = named, paragraph
                for token in ent.doc[max(0, ent.start - TITLE_WORDS) : ent.start]:
                    if token.lower_ in titles:
                        self.titled[token.lower_] = named
            else:
                self.organisations.append(named)
                self.paragraph_orgs.append(named)
            for appos in _appositions(ent):
                self.titled[appos.lemma_.lower()] = named  # "X, an independent firm"

    def _titled_name(self, ent: Span) -> bool:
        """Whether a name NER took for an organisation is a person's: two or three
        capitalised words right after a title ("Chief executive X Y"), none of them a
        word for a kind of body (read on spellings alone: a stretch only NER saw has no
        parse)."""
        if ent.start == 0 or ent.doc[ent.start - 1].lower_ not in self.lexicon.title_set:
            return False
        words = self.lexicon.merging
        kinds = {*words.short_form_heads, *words.opaque_kinds}
        kinds |= set(self.lexicon.attribution.organization_heads)
        return 2 <= len(ent) <= 3 and all(
            t.is_title and t.is_alpha and t.lower_ not in kinds for t in ent
        )

    def _described_as(self, ent: Span) -> str | None:
        """The kind of organisation a name is described as right after it ("X, a volunteer
        hotline for ..." -> hotline), even when NER took it for a person."""
        found = _DESCRIPTION.match(ent.doc.text, ent.end_char)
        if found is None:
            return None
        words = self.lexicon.merging
        head = ""
        for word in found.group(1).lower().split():
            if word in words.function_words:
                break
            head = word.rstrip(",.;:")
            if head != word:
                break
        return head if head in {*words.short_form_heads, *words.opaque_kinds} else None

    # ------------------------------------------------------------------ resolution

    def _pronoun(self, pronoun: str, sent: Span, offset: int) -> Mention | None:
        """He/she: the last person named; we: the release's issuer; it/they: the last
        organisation that spoke, else the release's issuer."""
        if pronoun in {"he", "she"}:
            return self.person
        if pronoun == "i":
            return None  # outside a quotation, the writer: no source the text names
        if (pronoun == "we" or self.organisation is None) and self.issuer is not None:
            return self._issuer_mention(self.issuer, sent, offset)  # a release's "it" too
        if pronoun == "it" and self._named_just_before():
            assert self.speaker is not None  # narrowed by the check
            return self.speaker.mention  # "X said five were missing. It said 214 worked."
        return self.organisation

    def _named_just_before(self) -> bool:
        """Whether the sentence before named its speaker, a name "it" can only mean as a
        body, whatever NER typed it (a person is "he" or "she")."""
        speaker = self.speaker
        return (
            speaker is not None
            and self.speaker_age == 0
            and speaker.mention is not None
            and speaker.mention.kind in {"PERSON", "ORG"}
            and speaker.mention.text[:1].isupper()
            and speaker.mention not in self.titled.values()
        )

    def _described(self, found: Attribution, sent: Span, offset: int) -> Mention | None:
        """The organisation a bare "the ministry" / "the coast guard" points back to:
        - the one organisation its own sentence names before it that it can describe, the
          subject of two ("Kestrel Motors cut 300 jobs, the company said");
        - else the latest one named or quoted whose name ends in those words ("the
          interior ministry", "the Telmar Coast Guard"), or the one last named with that
          title or description ("Interior Minister X ... the minister's count"; "X, an
          independent firm, ... the firm said");
        - for a title ("the minister"), the person who spoke in the sentence before;
        - else the latest one whose name's head is of that kind ("the force": "Marren
          Police"); for a kind whose names seldom say it ("the network"), the latest one
          in the paragraph whose name's head is no kind at all ("Kestrel Line"), else the
          latest such one that gave a figure earlier in the document."""
        head = found.definite or ""
        before = found.mention.start if found.mention is not None else offset
        ents = [e for e in sent.ents if e.label_ == "ORG" and offset + e.end_char <= before]
        here = [mention(e, "ORG", offset) for e in ents]
        own = self._in_sentence(head, [*ents, *_untagged_subjects(sent, before - offset)], offset)
        if own is not None:
            return own
        for earlier in reversed([*self.organisations, *here]):
            name = earlier.text.lower()
            if name != head and (name.endswith(" " + head) or name.endswith(" " + head + "s")):
                return earlier
        if head in self.titled:
            return self.titled[head]
        if head in self.lexicon.title_set:
            return self._last_speaker()
        kinds = self.lexicon.merging.short_form_classes.get(head, [])
        for earlier in reversed([*self.organisations, *here]):
            if org_head(earlier.text) in kinds:
                return earlier
        if head in self.lexicon.merging.opaque_kinds:
            for earlier in reversed([*self.paragraph_orgs, *here]):
                if self._opaque(earlier.text):
                    return earlier
            for earlier in reversed(self.spoken):  # "the company" a later paragraph cites
                if self._opaque(earlier.text):
                    return earlier
        return None

    def _last_speaker(self) -> Mention | None:
        """The person who spoke in the sentence before: "Dorsch said 300 died. ... by the
        minister's count" names her again by her office (no one is titled so here), unless
        the text gave her another role ("Dorsch, the union leader, said")."""
        speaker = self.speaker
        if speaker is None or self.speaker_age > 0 or speaker.mention is None:
            return None
        if speaker.mention.kind != "PERSON" or speaker.mention in self.titled.values():
            return None
        return speaker.mention

    def _in_sentence(self, head: str, ents: list[Span], offset: int) -> Mention | None:
        """The one organisation named earlier in the sentence that "the <head>" can be
        (its name ends in the head, is of its kind, or, for an opaque kind, says no kind);
        of several, the one that is a subject."""
        fitting = [e for e in ents if self._can_be(head, e.text)]
        subjects = [e for e in fitting if e.root.dep_ in {"nsubj", "nsubjpass"}]
        chosen = subjects if len(fitting) > 1 else fitting
        return mention(chosen[0], "ORG", offset) if len(chosen) == 1 else None

    def _can_be(self, head: str, name: str) -> bool:
        """Whether "the <head>" can describe the organisation called ``name``."""
        words = self.lexicon.merging
        low = name.lower().removeprefix("the ")
        if low == head:
            return False
        if low.endswith((" " + head, " " + head + "s")):
            return True
        if org_head(name) in words.short_form_classes.get(head, []):
            return True
        return head in words.opaque_kinds and self._opaque(name)

    def _opaque(self, name: str) -> bool:
        """Whether an organisation's name says no kind ("Kestrel Line", an acronym)."""
        words = self.lexicon.merging
        kinds = set(words.short_form_heads).union(*words.short_form_classes.values())
        return org_head(name) not in kinds | set(self.lexicon.attribution.organization_heads)

    def _issuer_mention(self, issuer: TextSpan, sent: Span, offset: int) -> Mention:
        """The release's issuer, by the fullest name the text gives it ("REPUBLIC OF X"
        in the heading, "the Trade Office of the Republic of X" in the body)."""
        short = " ".join(issuer.text.lower().split())
        for named in self.organisations:
            if short in named.text.lower() and len(named.text) > len(short):
                return named
        return self._cell_mention(issuer, sent, offset)

    def _cell_mention(self, cell: TextSpan, sent: Span, offset: int) -> Mention:
        """A source named in a table cell or a heading, typed by NER where it reaches."""
        kind: MentionKind = "ORG"
        for ent in sent.doc.ents:
            start = offset + ent.start_char
            if start <= cell.start < start + len(ent.text) or cell.start <= start < cell.end:
                kind = ENTITY_KINDS.get(ent.label_, "ORG")
                break
        return Mention(text=" ".join(cell.text.split()), kind=kind, start=cell.start, end=cell.end)

    # ------------------------------------------------------------------ quotations

    def _inside_quote(self, position: int) -> bool:
        return self.quotes is not None and self.quotes.inside(position)

    def _actor(self, anchor: Token, sent: Span, offset: int) -> Mention | None:
        """The body whose own act the figure counts ("the ministry has sent 40 nurses"),
        a bare description resolved to the one it points back to."""
        found = actor(anchor, offset, self.lexicon)
        if found is None:
            return None
        if found.definite is not None:
            return self._described(found, sent, offset)
        return found.mention

    def _introduced_quote(
        self, anchor: Token, sent: Span, offset: int, paragraph: int
    ) -> Mention | None:
        """The person a paragraph names before a quotation no verb of saying attributes
        ('A survivor, X, was on her way home. "There were sixty of us."'): the quotation
        is theirs. Only a quotation that opens after the name in its paragraph and closes
        the paragraph: words after it may attribute it otherwise."""
        if self.person is None or self.person_paragraph != paragraph or self.quotes is None:
            return None
        position = offset + anchor.idx
        opened = self.quotes.opening(position)
        if opened is None or opened < self.person.end:
            return None
        closed = self.quotes.closing(position)
        if closed is not None and self.body[closed + 1 :].split("\n", 1)[0].strip():
            return None  # 'X spoke. "Twelve were hurt." The fire spread, she said.'
        return self.person

    def _quote_speaker(
        self, anchor: Token, sent: Span, offset: int, paragraph: int
    ) -> Mention | None:
        """Who speaks the quotation holding ``anchor``, whose "I" or "we" is the speaker:
        the one named where it closes, in its own sentence ('"We counted 40," said X';
        'X: "I saw 30."'), or the speaker it carries on from."""
        if not self._inside_quote(offset + anchor.idx):
            return None
        closer = self._closing_speaker(anchor, sent, offset, here=True)
        if closer is not None:
            return closer
        carried = self.speaker
        if carried is not None and self._quoted(sent, offset, paragraph):
            return carried.mention
        return None

    def _closing_speaker(
        self, anchor: Token, sent: Span, offset: int, *, here: bool = False
    ) -> Mention | None:
        """The speaker named where the quotation holding ``anchor`` closes, sentences later
        ('"There were 11 of us. Then two more came," he said.': he speaks both)."""
        if self.quotes is None:
            return None
        close = self.quotes.closing(offset + anchor.idx)
        if close is None or (close - offset < sent.end_char and not here):
            return None  # not quoted, or closing in this sentence, whose parse has spoken
        closing = next((t.sent for t in sent.doc if t.idx >= close - offset), None)
        if closing is None:
            return None
        speaker = parsed_speaker(closing, offset, self.lexicon)
        if speaker is None:
            return None
        if speaker.pronoun:
            return self._pronoun(speaker.text.lower(), closing, offset)
        return speaker.mention

    def _quoted(self, sent: Span, offset: int, paragraph: int) -> bool:
        """Whether the sentence is inside a quotation whose speaker was named in this
        paragraph or, for a quotation running on, in the one before."""
        text = sent.text.lstrip()
        opens = text[:1] in QUOTE_MARKS
        start = offset + sent.start_char + (len(sent.text) - len(text)) + (1 if opens else 0)
        if self._inside_quote(start):
            gap = paragraph - self.speaker_paragraph
            return gap == 0 or (opens and gap <= 2)
        return False


def _appositions(ent: Span) -> list[Token]:
    """The appositions of a name ("X, an independent firm"), read only where the sentence was
    parsed: a stretch seen only by NER has no tree, and spaCy leaves its tokens' edges
    unset, so walking their children can read outside the Doc."""
    if not ent.doc.has_annotation("DEP"):
        return []
    return [c for c in ent.root.children if c.dep_ == "appos"]


def _name_as_modifier(ent: Span) -> bool:
    """ "at the Velk shaft", "the Tamsworth report": a person's name set before a common noun it
    modifies names a thing after someone, not a person the text goes on to quote."""
    doc = ent.doc
    if ent.label_ != "PERSON" or ent.end >= len(doc):
        return False
    after = doc[ent.end]
    return after.pos_ == "NOUN" and after.is_lower and ent[-1].head.i == after.i


def _list_item(sent: Span) -> bool:
    """Whether the sentence is (in) an item of a bulleted or numbered list."""
    return bool(LIST_ITEM.match(sent.doc.text))


def _untagged_subjects(sent: Span, before: int) -> list[Span]:
    """Proper names NER missed that are subjects, or open the sentence, before character
    ``before`` ("Kestrel, it was reported, cut 60 jobs, and the company ..."): a name the
    sentence is about is what a later "the company" most likely means."""
    out = []
    for token in sent:
        if (
            token.idx + len(token.text) <= before
            and (
                token.dep_ in {"nsubj", "nsubjpass"}
                or (token.i == sent.start and token.dep_ != "compound")
            )
            and token.pos_ == "PROPN"
            and not token.ent_type_
        ):
            left = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            start = left[0].i if left else token.i
            out.append(sent.doc[start : token.i + 1])
    return out
