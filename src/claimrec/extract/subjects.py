"""Whose troops, casualties or protesters a claim counts: the claim's subject.

The subject is the nationality or country that qualifies the counted noun
("Kestovan soldiers", "Teravia's losses", "3,000 Kestovans"), or the
named agent of the trigger ("X is sending 4,500 men"). Pronouns and bare
nouns ("these troops", "they") have no subject of their own; the caller falls
back to the previous subject in the document, at lower confidence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimrec.lexicon import Lexicon

SUBJECT_LABELS = frozenset({"NORP", "GPE", "ORG"})
AGENT_LABELS = frozenset({"GPE", "NORP", "ORG"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "dobj", "pcomp", "ccomp"})
ANAPHORIC_DETERMINERS = frozenset({"these", "those", "this", "that"})


def subject_span(unit: Token | None, trigger: Token | None, lexicon: Lexicon) -> Span | None:
    """The span naming whose counted things these are, or None."""
    if unit is not None:
        own = _qualifier(unit, lexicon)
        if own is not None:
            return own
    if trigger is not None:
        return _agent(trigger, lexicon)
    return None


def _qualifier(noun: Token, lexicon: Lexicon) -> Span | None:
    if noun.ent_type_ == "NORP" or noun.lower_ in lexicon.demonym_index:
        return _entity_at(noun) or noun.doc[noun.i : noun.i + 1]
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"} and child.i < noun.i:
            if child.ent_type_ in SUBJECT_LABELS:
                return _entity_at(child)
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                inner = _qualifier(child, lexicon)
                if inner is not None:
                    return inner
    return None


def _agent(trigger: Token, lexicon: Lexicon) -> Span | None:
    """The named subject of the trigger or of the verbs it completes ("X plans to send");
    never the speaker of a verb of saying, who is the claim's source. A passive's agent is
    its doer ("600 were laid off by X", "Laid off by X: 600", "troops sent by X"), as is an
    event noun's named possessor ("X's layoff of 350")."""
    doer = _passive_agent(trigger) or _possessor(trigger)
    if doer is not None:
        return doer
    subject = _clause_subject(trigger, lexicon)
    if subject is None or is_report_noun(subject, lexicon):
        return None  # "X's count stood at 300": X made the count, the people are not X's
    if subject.pos_ == "PRON":
        subject = _speaker_pointed_to(subject, lexicon) or subject
    if subject.ent_type_ in AGENT_LABELS:
        if any(c.dep_ == "conj" and c.ent_type_ in AGENT_LABELS for c in subject.children):
            # "X, Y and Z have laid off 4,000": a total across them, no one agent's
            return subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
        return _entity_at(subject)
    return _qualifier(subject, lexicon) or _partitive_qualifier(subject, lexicon)


def _speaker_pointed_to(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """The speaker a subject pronoun of a reported clause points back to ("X said it had
    laid off 1,400": X laid them off)."""
    if pronoun.lower_ not in {"it", "they", "we"}:
        return None
    clause = pronoun.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in lexicon.attribution_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _possessor(trigger: Token) -> Span | None:
    """The named possessor of an event noun, its doer ("X's layoff of some 350", "X's
    deployment of 5,000 troops")."""
    if trigger.pos_ != "NOUN":
        return None
    for owner in trigger.children:
        if owner.dep_ == "poss" and owner.ent_type_ in AGENT_LABELS:
            return _entity_at(owner)
    return None


def _passive_agent(trigger: Token) -> Span | None:
    """The named "by" agent of a passive trigger ("laid off by X"), or None."""
    for by in trigger.children:
        if by.dep_ != "agent":
            continue
        for obj in by.children:
            if obj.dep_ == "pobj" and obj.ent_type_ in AGENT_LABELS:
                return _entity_at(obj)
    return None


def _clause_subject(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The grammatical subject governing ``trigger``, climbing through complements
    ("announced its intention to send ... to join": the subject of "announced"). The
    subject of a verb of saying is the source, not the agent: it is taken only when the
    clause points back to it ("X said it sent", "X announced its intention to send")."""
    token = trigger
    points_back = False
    speech = lexicon.attribution_verbs
    for _ in range(5):
        is_speech = token.lemma_.lower() in speech and token.pos_ in {"VERB", "AUX"}
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child if not is_speech or points_back else None
        points_back = points_back or any(
            c.dep_ in {"poss", "nsubj", "nsubjpass"} and c.pos_ == "PRON" for c in token.children
        )
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def is_report_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun that names a report ("figures", "count", "statement"): the lexicon's
    ``attribution.report_nouns``; it speaks for its author, it is never a subject."""
    words = lexicon.attribution.report_nouns
    return token.pos_ in {"NOUN", "PROPN"} and (
        token.lemma_.lower() in words or token.lower_ in words
    )


def _partitive_qualifier(noun: Token, lexicon: Lexicon) -> Span | None:
    """A group qualified by its members ("the first group of 800 Kestovan troops")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return _qualifier(obj, lexicon)
    return None


def is_anaphoric(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the trigger's subject points back ("they", "these troops", "the group")."""
    subject = _clause_subject(trigger, lexicon)
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ == "det"}
    counted = (
        subject.lemma_.lower() in lexicon.units
        or subject.like_num
        or any(
            o.lemma_.lower() in lexicon.units
            for p in subject.children
            if p.lower_ == "of"
            for o in p.children
        )
    )
    return counted or bool(determiners & ANAPHORIC_DETERMINERS)


def topic_nouns(sent: Span, lexicon: Lexicon) -> list[Token]:
    """Counted groups that are the grammatical subject of their clause: the text's topic."""
    return [
        t
        for t in sent
        if t.dep_ in {"nsubj", "nsubjpass"}
        and (t.lemma_.lower() in lexicon.units or t.ent_type_ == "NORP")
    ]


def _entity_at(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            end = ent.end
            if end - ent.start > 1 and token.doc[end - 1].lower_ in {"'s", "’s"}:
                end -= 1
            start = ent.start + (
                1 if token.doc[ent.start].lower_ == "the" and end - ent.start > 1 else 0
            )
            return Span(token.doc, start, end, label=ent.label_)
    return None
