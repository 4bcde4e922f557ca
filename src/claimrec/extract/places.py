"""Where a claimed situation holds: place phrases attached to a trigger.

A place is the object of a locative preposition ("in", "near", "to") on the
trigger or on its counted noun, when that object is a named place (GPE, LOC,
FAC) or a place noun from the lexicon with a proper name inside it
("Russia's western Kursk region": the parser may not tag the name, the head
"region" tells). The phrase keeps its modifiers for the evidence; the entity
stage reduces it to its core name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimrec.lexicon import Lexicon

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SKIP_DEPS = frozenset({"ccomp", "relcl", "advcl", "parataxis"})


def place_phrases(trigger: Token, extra: Token | None, lexicon: Lexicon) -> list[Span]:
    """Place phrases governed by ``trigger`` (and by ``extra``, the counted noun), in order."""
    carriers = [trigger, *[c for c in trigger.children if c.dep_ in {"xcomp", "advcl", "conj"}]]
    if extra is not None:
        carriers.append(extra)
    found: dict[int, Span] = {}
    for carrier in carriers:
        for prep in carrier.children:
            if prep.dep_ != "prep" or prep.lower_ not in lexicon.location_preps:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    phrase = place_phrase(obj, lexicon)
                    if phrase is not None:
                        found[phrase.start] = phrase
    return [found[k] for k in sorted(found)]


def place_phrase(obj: Token, lexicon: Lexicon) -> Span | None:
    """The place phrase headed by ``obj``, or None when it is not a place."""
    tokens = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in {"det", "punct", "predet"}]
    contiguous: list[Token] = []
    for token in tokens:
        if contiguous and token.i != contiguous[-1].i + 1:
            contiguous = []
        contiguous.append(token)
    if not contiguous:
        return None
    span = obj.doc[contiguous[0].i : obj.i + 1]
    named = any(t.ent_type_ in PLACE_LABELS for t in span)
    head_is_place = (
        obj.lemma_.lower() in lexicon.location_heads or obj.lower_ in lexicon.location_heads
    )
    proper_inside = any(t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS | {"NORP"} for t in span)
    if (
        obj.ent_type_ in PLACE_LABELS
        or (head_is_place and proper_inside)
        or (named and head_is_place)
    ):
        return span
    return None
