"""Where a claimed situation holds: place phrases and the events they locate.

A place is the object of a locative preposition ("in", "near", "to") that is a
named place (GPE, LOC, FAC), a place noun from the lexicon with a proper name in
it ("Teravia's northern Marren province": the parser may not tag the name, the head
"region" tells), or a proper noun after a strongly spatial preposition ("near
Drenov", even when NER calls it a person). Coordinated places count too ("the X
region and neighbouring Y").

Location claims start from the place and climb to the event it locates: a
trigger word ("killed near X", "a demonstration in X"), a noun of the trigger's
clause ("authorities in X have evacuated ..."), or the subject of a verb of being
("the epicentre was near X").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimrec.extract.predicates import trigger_of
from claimrec.lexicon import Lexicon

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "ORG",
        "NORP",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "MONEY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "PERSON",
    }
)
SPATIAL_PREPS = frozenset({"near", "outside", "inside", "across", "around", "along", "within"})
CLIMB_DEPS = frozenset(
    {
        "prep",
        "pobj",
        "nsubj",
        "nsubjpass",
        "dobj",
        "conj",
        "xcomp",
        "acl",
        "advcl",
        "attr",
        "appos",
        "npadvmod",
    }
)
MAX_CLIMB = 4


def place_phrases(trigger: Token, extra: Token | None, lexicon: Lexicon) -> list[Span]:
    """Place phrases attached to ``trigger`` (and to ``extra``, the counted noun), in order."""
    carriers = [trigger, *[c for c in trigger.children if c.dep_ in {"xcomp", "advcl", "conj"}]]
    if extra is not None:
        carriers.append(extra)
    found: dict[int, Span] = {}
    for carrier in carriers:
        for prep in carrier.children:
            for phrase in _phrases_of(prep, lexicon):
                found[phrase.start] = phrase
    return [found[k] for k in sorted(found)]


def located_places(sent: Span, lexicon: Lexicon) -> list[tuple[Span, Token]]:
    """Every place phrase in ``sent`` with the event token it locates, in order."""
    out: dict[int, tuple[Span, Token]] = {}
    for prep in sent:
        phrases = _phrases_of(prep, lexicon)
        if not phrases:
            continue
        event = _event_of(prep, lexicon)
        if event is None:
            continue
        for phrase in phrases:
            out.setdefault(phrase.start, (phrase, event))
    return [out[k] for k in sorted(out)]


def _phrases_of(prep: Token, lexicon: Lexicon) -> list[Span]:
    if prep.dep_ != "prep" or prep.lower_ not in lexicon.location_preps:
        return []
    found = []
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for k, obj in enumerate(objects):
        if k + 1 < len(objects) and any(c.dep_ == "case" for c in obj.children):
            continue  # "in Teravia's far north" parsed as two objects: the first owns the second
        owner = (
            objects[k - 1] if k and any(c.dep_ == "case" for c in objects[k - 1].children) else None
        )
        for noun in (obj, *[c for c in obj.children if c.dep_ == "conj"]):
            phrase = place_phrase(
                noun,
                lexicon,
                spatial=prep.lower_ in SPATIAL_PREPS,
                owner=owner if noun is obj else None,
            )
            if phrase is not None:
                found.append(phrase)
    return found


def place_phrase(
    obj: Token, lexicon: Lexicon, *, spatial: bool = False, owner: Token | None = None
) -> Span | None:
    """The place phrase headed by ``obj`` (with its possessive ``owner``, when the parser
    split one off), or None when it is not a place."""
    tokens = [
        t
        for t in obj.subtree
        if t.i <= obj.i and t.dep_ not in {"det", "punct", "predet", "cc", "conj"}
    ]
    contiguous: list[Token] = []
    for token in tokens:
        if contiguous and token.i != contiguous[-1].i + 1:
            contiguous = []
        contiguous.append(token)
    if not contiguous:
        return None
    start = owner.left_edge.i if owner is not None else contiguous[0].i
    span = obj.doc[start : obj.i + 1]
    head_is_place = (
        obj.lemma_.lower() in lexicon.location_heads or obj.lower_ in lexicon.location_heads
    )
    proper_inside = any(t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS | {"NORP"} for t in span)
    if obj.ent_type_ in PLACE_LABELS or (head_is_place and proper_inside):
        return span
    if obj.pos_ == "PROPN" and (spatial or obj.ent_type_ not in NOT_PLACE_LABELS):
        return span
    return None


def _event_of(prep: Token, lexicon: Lexicon) -> Token | None:
    """The locative trigger a place preposition belongs to, if any."""
    token = prep.head
    for _ in range(MAX_CLIMB):
        if _locative(token, lexicon):
            return token
        if token.lemma_.lower() in lexicon.presence_verbs:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and _locative(child, lexicon):
                    return child
        for child in token.children:
            if (
                child.dep_ in {"nsubj", "nsubjpass"}
                and child.i != prep.head.i
                and _locative(child, lexicon)
            ):
                return child
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _locative(token: Token, lexicon: Lexicon) -> bool:
    name = trigger_of(token, lexicon)
    return name is not None and lexicon.predicates[name].locative
