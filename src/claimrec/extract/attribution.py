"""Who a claim is attributed to, found through the parse.

Three patterns cover reported speech in news:
- a verb of saying governs the claim's clause ("X said that ...", "X told Y that ...",
  "'...,' X asserted", "confirmed by X, which confirmed that ..."): the speaker is
  the verb's subject, or the passive agent, or the noun a relative "which" refers to;
- "according to X" anywhere on the claim's path;
- neither, right after a sentence that had reported speech in the same
  paragraph: the speech continues ("She said X. The toll could rise ...").
The speaker phrase is cleaned into a ``Mention``: a named person inside it wins
("Teravia's army chief, Maj. Gen. X" -> X); a statement noun gives way to
its modifiers ("Kestovan army assessments" -> Kestovan army);
a generic head makes the source anonymous ("a senior official").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimrec.extract.mentions import mention
from claimrec.lexicon import Lexicon
from claimrec.models import Mention, MentionKind

NAMED = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "GROUP",
    "FAC": "ORG",
    "LOC": "LOC",
}
RELATIVE = frozenset({"which", "who", "that"})
PRONOUNS = frozenset({"he", "she", "they", "it"})
SPEECH_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "conj", "dobj", "acl", "relcl"})
MAX_CLIMB = 8


@dataclass(frozen=True)
class Attribution:
    """A speaker found for a claim; ``pronoun`` marks he/she/they still to resolve."""

    mention: Mention | None
    text: str
    via: str  # "verb", "according", "carried", "report"
    pronoun: bool = False


def attribution(anchor: Token, sent: Span, offset: int, lexicon: Lexicon) -> Attribution | None:
    """The speaker of the clause holding ``anchor`` (``offset``: where the piece starts)."""
    found = _by_verb(anchor, offset, lexicon)
    if found is not None:
        return found
    return _by_preposition(sent, offset, lexicon)


def sentence_speaker(sent: Span, offset: int, lexicon: Lexicon) -> Attribution | None:
    """Reported speech in ``sent`` whose attribution may carry to the next sentence."""
    for token in sent:
        if _speech_verb(token, lexicon) and any(
            c.dep_ in {"ccomp", "parataxis"} for c in token.children
        ):
            found = _speaker_of(token, offset, lexicon)
            if found is not None and found.mention is not None:
                return Attribution(found.mention, found.text, "carried", found.pronoun)
    according = _by_preposition(sent, offset, lexicon)
    if according is not None and according.mention is not None:
        return Attribution(according.mention, according.text, "carried")
    return None


def _speech_verb(token: Token, lexicon: Lexicon) -> bool:
    return token.lemma_.lower() in lexicon.attribution_verbs and token.pos_ in {"VERB", "AUX"}


def _by_verb(anchor: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    token = anchor
    for _ in range(MAX_CLIMB):
        if token.head.i == token.i:
            return None
        child, token = token, token.head
        is_speech = token.lemma_.lower() in lexicon.attribution_verbs and token.pos_ in {
            "VERB",
            "AUX",
        }
        if is_speech and child.dep_ in SPEECH_DEPS and child.dep_ not in {"nsubj", "nsubjpass"}:
            return _speaker_of(token, offset, lexicon)
    return None


def _speaker_of(verb: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    subject = _subject(verb)
    if subject is None:
        return Attribution(None, "", "verb")
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
        subject = verb.head
    if subject.lower_ in PRONOUNS:
        return Attribution(None, subject.text, "verb", pronoun=True)
    return _speaker(subject, offset, lexicon, via="verb")


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _by_preposition(sent: Span, offset: int, lexicon: Lexicon) -> Attribution | None:
    """The speaker named by "according to X" or "as reported by X"."""
    text = sent.text.lower()
    for phrase in lexicon.attribution.prepositions:
        if phrase not in text:
            continue
        words = phrase.split()
        for i in range(sent.start, sent.end - len(words) + 1):
            if [t.lower_ for t in sent.doc[i : i + len(words)]] != words:
                continue
            last = sent.doc[i + len(words) - 1]
            objects = [c for c in last.subtree if c.dep_ == "pobj" and c.i > last.i]
            if objects:
                return _speaker(objects[0], offset, lexicon, via="according")
    return None


def _speaker(head: Token, offset: int, lexicon: Lexicon, *, via: str) -> Attribution | None:
    named = _named_inside(head)
    if named is not None:
        kind = NAMED.get(named.label_, "ORG")
        return Attribution(mention(named, kind, offset), named.text, via)
    tokens = _phrase(head)
    if not tokens:
        return None
    words = lexicon.attribution
    head_lemma = head.lemma_.lower()
    if head_lemma in words.report_nouns or head.lower_ in words.report_nouns:
        modifiers = [t for t in tokens if t.i != head.i]
        if not modifiers:
            return Attribution(None, head.text, "report")
        return _descriptive(modifiers, offset, lexicon, via="report")
    if head_lemma in words.empty_sources:
        return Attribution(None, head.text, via)
    return _descriptive(tokens, offset, lexicon, via=via)


def _descriptive(tokens: list[Token], offset: int, lexicon: Lexicon, *, via: str) -> Attribution:
    doc = tokens[0].doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    head = tokens[-1]
    kind: MentionKind
    if head.lemma_.lower() in lexicon.attribution.anonymous_heads:
        kind = "ANON"
    elif head.ent_type_ in NAMED and all(t.ent_type_ == head.ent_type_ for t in span):
        kind = NAMED[head.ent_type_]  # type: ignore[assignment]
    else:
        kind = "GROUP"
    return Attribution(mention(span, kind, offset), span.text, via)


def _named_inside(head: Token) -> Span | None:
    """A named person (or, failing that, organisation/country) heading or in apposition."""
    doc = head.doc
    near = [head, *[c for c in head.children if c.dep_ in {"appos", "compound"}]]
    for kind in ("PERSON", "ORG", "GPE"):
        for token in near:
            if token.ent_type_ == kind:
                for ent in doc.ents:
                    if ent.start <= token.i < ent.end:
                        if kind != "PERSON" and token.i != head.i:
                            break
                        return _trim_ent(ent)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            for token in appos.subtree:
                if token.ent_type_ == "PERSON" and kind == "PERSON":
                    for ent in doc.ents:
                        if ent.start <= token.i < ent.end:
                            return _trim_ent(ent)
    return None


def _trim_ent(ent: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    if end - start > 1 and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    return Span(doc, start, end, label=ent.label_)


def _phrase(head: Token) -> list[Token]:
    """The noun phrase of ``head``: its left modifiers (no determiner) and itself."""
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ not in {"det", "punct", "predet"}]
    chunk: list[Token] = []
    for token in left:
        if chunk and token.i != chunk[-1].i + 1:
            chunk = []
        chunk.append(token)
    return [t for t in chunk if t.i <= head.i]


def continues_speech(sent: Span, lexicon: Lexicon) -> bool:
    """Whether a sentence without its own attribution reads as more of the previous
    sentence's reported speech: its subject points back ("they", "these troops", "the
    first group", a bare number), rather than naming a new actor."""
    roots = [t for t in sent if t.dep_ == "ROOT"]
    if not roots:
        return False
    subjects = [c for c in roots[0].children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects:
        return True
    subject = subjects[0]
    if subject.pos_ == "PRON" or subject.like_num or subject.dep_ == "expl":
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ == "det"}
    if subject.ent_type_ in NAMED or determiners & {"both", "all", "each"}:
        return False
    return bool(determiners & {"these", "those", "the", "this", "that"}) or (
        subject.lemma_.lower() in lexicon.units
    )
