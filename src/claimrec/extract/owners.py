"""Whose value a bare number is: the noun a number stands as the value of.

"the toll climbed to 410", "stewards estimated the crowd at 7,200", "turnout was 2.8 million",
"a casualty rate of 600", "the number of displaced is 18,000": the number has no
counted noun of its own, but the parse names the noun it is the value of (its
*owner*). A measure noun ("toll", "crowd") makes it a count of people; a figure noun
("the total", "the number") does when its "of" names people; any other common noun
("the age rose to 64", "prices reached 300") makes it a count of things.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimrec.extract.predicates import own_modifier
from claimrec.lexicon import Lexicon, Measure

VALUE_PREPS = frozenset({"to", "at", "of", "from"})
FIGURE = Measure(unit="people")  # a figure that says no more than that people are counted


@dataclass(frozen=True)
class Owner:
    """What the parse says a bare number is the value of."""

    token: Token | None = None
    measure: Measure | None = None  # a measure or figure noun
    people: bool = False  # its "of" (or itself) names people
    unit_class: str | None = None
    predicate: str | None = None  # what the people named are counted for ("displaced")
    thing: bool = False  # a common noun that is not people: not a count of people


def value_owner(tokens: list[Token], lexicon: Lexicon) -> Owner:
    """The owner of a bare number, from whichever of its ``tokens`` (those attached outside
    the number run: "from 62 to 64" hangs by both ends) the parse links to a noun; a thing
    anywhere wins, so "lowered the threshold from 18 to 16" is never a count."""
    if any(_property_of_noun(t, lexicon) for t in tokens):
        return Owner(thing=True)
    owners = [classify_owner(n, lexicon) for t in tokens if (n := _owner_token(t, lexicon))]
    for owner in owners:
        if owner.thing:
            return owner
    return owners[0] if owners else Owner()


def _owner_token(number: Token, lexicon: Lexicon) -> Token | None:
    """The noun whose value the number states: the noun its "of/at/to" hangs from, the
    object of "put X at N", or the subject of a verb of value ("rose to", "was", "reached").
    Other verbs' subjects are who counted ("organisers counted 300"), not what was counted."""
    head = number.head
    if number.dep_ == "pobj" and head.lower_ == "as":
        return _stated_as(head, lexicon)
    if number.dep_ == "pobj" and head.lower_ in VALUE_PREPS and head.head.i != head.i:
        holder = head.head
        described = _described_object(holder, lexicon)
        if described is not None:
            return described
        if holder.pos_ in {"NOUN", "PROPN"} and holder.i < head.i:
            return holder  # "a toll of 430"; "retirement at 64" (a thing)
        if holder.pos_ in {"VERB", "AUX"}:
            value_verb = holder.lemma_.lower() in lexicon.value_verbs
            if not value_verb and head.lower_ not in {"at", "to"}:
                return None  # "traced residents from 106 (flats)": not the residents' number
            deps = ("dobj", "nsubjpass", "nsubj") if value_verb else ("dobj", "nsubjpass")
            return _argument(holder, deps, number, lexicon)
        return None
    if (
        number.dep_ in {"nummod", "appos"}
        and head.i < number.i
        and head.lemma_.lower() in lexicon.measure_nouns
    ):
        return head  # "now number 39", "the figure, 137"
    if number.dep_ not in {"pobj", "nsubj", "nsubjpass"}:
        surface = _surface_owner(number)
        if surface is not None:
            return surface
    if (
        number.dep_ in {"attr", "dobj", "oprd", "acomp", "npadvmod"}
        and head.pos_ in {"VERB", "AUX"}
        and head.lemma_.lower() in lexicon.value_verbs
    ):
        return _argument(head, ("nsubj", "nsubjpass"), number, lexicon)
    return None


MAX_AS_CLIMB = 6  # heads climbed from "as N" to the verb that states the value


def _stated_as(prep: Token, lexicon: Lexicon) -> Token | None:
    """ "gave the number of nurses who were hurt as 52": the object of the nearest verb of
    stating a value above the "as" (the parser often hangs "as" on a relative clause inside
    the object). Any other "as" ("worked as 12", "served as one of 40") owns nothing."""
    verb = prep.head
    for _ in range(MAX_AS_CLIMB):
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in lexicon.value_as_verbs:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i), None)
            return obj
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _described_object(holder: Token, lexicon: Lexicon) -> Token | None:
    """ "set the number still unaccounted for at 40": the parser hangs "at" on the participle that
    describes the object (making the object the participle's subject or leaving it the
    verb's); the value is the object's, stated by the verb of value above the participle."""
    head = holder.head
    if not (
        holder.tag_ in {"VBG", "VBN"}
        and holder.dep_ in {"advcl", "xcomp", "ccomp", "acl"}
        and head.pos_ in {"VERB", "AUX"}
        and head.lemma_.lower() in lexicon.value_verbs
    ):
        return None
    for token, dep in ((head, "dobj"), (holder, "nsubj")):
        for child in token.children:
            if child.dep_ == dep and head.i < child.i < holder.i:
                return child
    return None


def _property_of_noun(number: Token, lexicon: Lexicon) -> bool:
    """ "retirement at 64", "residents from 106 (flats)": a number hung on a noun by any
    preposition but "of" says where or when, not how many. A measure noun's "at" or "to"
    is its value ("estimates the toll at 110")."""
    head = number.head
    return (
        number.dep_ == "pobj"
        and head.lower_ in VALUE_PREPS - {"of"}
        and head.head.i != head.i
        and head.head.pos_ in {"NOUN", "PROPN"}
        and head.head.i < head.i
        and _measure(head.head, lexicon) is None
    )


def _surface_owner(number: Token) -> Token | None:
    """ "toll of 570", "count at 79" by word order, for a parse that hung the number on a
    date or another number."""
    doc = number.doc
    i = number.i
    while i > 0 and (doc[i - 1].like_num or doc[i - 1].dep_ == "quantmod"):
        i -= 1
    if i >= 2 and doc[i - 1].lower_ in {"of", "at"} and doc[i - 2].pos_ == "NOUN":
        return doc[i - 2]
    return None


RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _argument(verb: Token, deps: tuple[str, ...], number: Token, lexicon: Lexicon) -> Token | None:
    for dep in deps:
        for child in verb.children:
            if child.dep_ == dep and child.i != number.i:
                if child.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                    return _antecedent(verb.head, child, lexicon)
                return child
    # "the toll, which rose to 600": the relative clause's noun
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    raised = _raised_subject(verb) if "nsubj" in deps else None
    if raised is not None:
        return raised
    # "lifted its tally of climbers lost and presumed dead to 23": the first verb's object
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _argument(verb.head, deps, number, lexicon)
    # "climbers lost and presumed dead to 23": the noun the participle describes
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    return None


def _raised_subject(verb: Token) -> Token | None:
    """ "warn cases could rise to 2,000", "expect the toll to reach 300": a complement clause
    with no subject of its own, right after the object of the verb above it, whose subject
    that object is (the parser hangs it on the upper verb)."""
    if verb.dep_ not in {"ccomp", "xcomp"} or any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children
    ):
        return None
    return next(
        (
            c
            for c in verb.head.children
            if c.dep_ == "dobj" and c.right_edge.i + 1 == verb.left_edge.i
        ),
        None,
    )


def _antecedent(noun: Token, relative: Token, lexicon: Lexicon) -> Token:
    """ "a turnout which organisers set at 7,500": a relative pronoun stands for the noun its clause
    describes, when that noun is one a number can be the value of (a measure or figure
    noun); otherwise (the parser's guess at an antecedent) the pronoun is kept."""
    return noun if _measure(noun, lexicon) is not None else relative


def classify_owner(noun: Token, lexicon: Lexicon) -> Owner:
    """Measure noun, figure noun, people noun, a neutral name, or a thing."""
    if noun.lower_ in lexicon.age_words:
        return Owner(token=noun, thing=True)
    if noun.pos_ == "PRON" and noun.lower_ in lexicon.figure_pronouns:
        return Owner(token=noun, measure=FIGURE)  # "raised it to 214": the figure just given
    measure = _measure(noun, lexicon)
    if measure is not None:
        of = next((c for c in _of_objects(noun)), None)
        if of is None:
            said = _people_after(noun, lexicon)
            if said is not None:  # "the number yet unfound"
                return Owner(token=noun, measure=measure, people=True, predicate=said)
            return Owner(token=noun, measure=measure)
        people = _people(of, lexicon)
        if people is None:
            return Owner(token=noun, thing=True)
        predicate = _described(of, lexicon) or people[1]
        return Owner(
            token=noun, measure=measure, people=True, unit_class=people[0], predicate=predicate
        )
    people = _people(noun, lexicon)
    if people is not None:
        return Owner(token=noun, people=True, unit_class=people[0], predicate=people[1])
    event = lexicon.noun_predicates.get(noun.lemma_.lower())
    entry = lexicon.predicates.get(event) if event else None
    if entry is not None and entry.measure is not None:  # "the evacuation of 300"
        return Owner(token=noun, people=True, unit_class="people", predicate=event)
    neutral = noun.lemma_.lower() in lexicon.neutral_owners
    if noun.pos_ == "NOUN" and noun.ent_type_ == "" and not neutral:
        return Owner(token=noun, thing=True)
    return Owner(token=noun)


def _people_after(noun: Token, lexicon: Lexicon) -> str | None:
    """ "the number missing", "the figure still unaccounted for": a figure noun followed
    (past adverbs) by an adjective standing for people counts those people, whatever the
    parse hangs the adjective on."""
    doc = noun.doc
    k = noun.i + 1
    while k < len(doc) and doc[k].pos_ == "ADV":
        k += 1
    if k >= len(doc):
        return None
    return people_adjective(doc[k], lexicon, pos=frozenset({"ADJ", "VERB"}))


def people_adjective(
    token: Token, lexicon: Lexicon, *, pos: frozenset[str] = frozenset({"NOUN", "ADJ", "VERB"})
) -> str | None:
    """The predicate an adjective standing for people implies ("the displaced", "the number
    missing"), by its form or lemma, when its part of speech is one of ``pos``."""
    if token.pos_ not in pos:
        return None
    for form in (token.lower_, token.lemma_.lower()):
        if form in lexicon.people_adjectives:
            return lexicon.people_adjectives[form]
    return None


def _described(noun: Token, lexicon: Lexicon) -> str | None:
    """What a figure noun's people are said to have undergone by a modifier of their own:
    "the number of detainees released", "the number of staff on a stoppage"."""
    found = own_modifier(noun, lexicon)
    entry = lexicon.predicates.get(found.predicate) if found is not None else None
    return found.predicate if found is not None and entry is not None and entry.measure else None


def _measure(noun: Token, lexicon: Lexicon) -> Measure | None:
    """The measure noun itself, or with its compound ("death toll", "casualty rate")."""
    words = [noun.lemma_.lower(), noun.lower_]
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and child.i < noun.i:
            words.insert(0, f"{child.lower_} {noun.lemma_.lower()}")
            words.insert(0, child.lemma_.lower())
    for word in words:
        found = lexicon.measure_nouns.get(word)
        if found is not None:
            return found
    return None


def _of_objects(noun: Token) -> list[Token]:
    """The objects of a noun's "of" ("the number of prisoners")."""
    return [
        obj
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for obj in child.children
        if obj.dep_ == "pobj" and not any(t.like_num for t in obj.subtree)
    ]


def _people(token: Token, lexicon: Lexicon) -> tuple[str, str | None] | None:
    """(unit class, implied predicate) when ``token`` names people: a people noun, a
    nationality, or an adjective standing for people ("the displaced")."""
    entry = lexicon.unit_entry(token)
    if entry is not None:
        return entry.cls, entry.default_predicate
    if (predicate := people_adjective(token, lexicon)) is not None:
        return "people", predicate
    if token.lower_ in lexicon.demonym_index:
        return lexicon.demonym_unit_class, None
    return None
