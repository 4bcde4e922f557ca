"""People named the way news introduces them, where a small NER model misses the name.

News gives a person's age in commas right after the name: "Ivo Dren, 38, spent three
days underground". Two or more proper nouns so followed are a person's name, whatever
NER made of them (unknown names are often left untagged). ``aged_names`` finds those
spans in a parsed Doc; ``with_aged_names`` adds them to its entities, so every later
reader (mentions, speakers, subjects) sees the person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

MAX_AGE = 110
NOT_NAMES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "NORP"})


def aged_names(doc: Doc) -> list[Span]:
    """Spans of two or more proper nouns followed by ", <age>," (or the age ending the
    sentence): a person introduced with their age."""
    out = []
    for k, token in enumerate(doc):
        if token.text != "," or k + 2 >= len(doc) or not _age(doc[k + 1].text):
            continue
        if doc[k + 2].text not in {",", ".", ")", ";"}:
            continue
        start = k
        lent = _goes_on(doc, k + 3)  # "Brigit Tann, 47, has worked ...": a person acting
        while start > 0 and _name_word(doc[start - 1], lent):
            start -= 1
        placed = any(t.ent_type_ == "GPE" for t in doc[start:k])
        if placed and start > 0 and not doc[start].is_sent_start and doc[start - 1].pos_ == "ADP":
            continue  # "flights to New York, 12, were ...": a place after its preposition
        if k - start >= 2:
            out.append(Span(doc, start, k, label="PERSON"))
    return out


def _goes_on(doc: Doc, k: int) -> bool:
    """Whether the sentence goes on after the age with a verb or "who" ("X, 47, has
    worked", "X, 34, who swam"): only a person does something with an age in commas, so a
    name NER took for a place is a person's then."""
    if k >= len(doc):
        return False
    after = doc[k]
    return after.pos_ in {"VERB", "AUX"} or after.lower_ == "who"


def with_aged_names(doc: Doc) -> Doc:
    """``doc`` with the people ``aged_names`` finds that NER missed among its entities
    (a name it typed otherwise gives way)."""
    found = [s for s in aged_names(doc) if not _tagged_person(s)]
    if found:
        doc.ents = filter_spans([*found, *doc.ents])
    return doc


def _tagged_person(span: Span) -> bool:
    """NER found the person already (a title before the name is no part of it)."""
    return any(t.ent_type_ == "PERSON" for t in span)


def _name_word(token: Token, place_too: bool = False) -> bool:
    """A capitalised proper noun NER did not type as a date or place (``place_too``: a
    place typing gives way)."""
    kinds = NOT_NAMES - {"GPE"} if place_too else NOT_NAMES
    return (
        token.pos_ == "PROPN" and token.is_title and token.is_alpha and token.ent_type_ not in kinds
    )


def _age(text: str) -> bool:
    return text.isdigit() and 0 < int(text) <= MAX_AGE
