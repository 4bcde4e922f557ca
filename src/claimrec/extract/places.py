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

Every place phrase of a sentence is a location claim, whatever the verb: where no
trigger locates it, the governing verb names the event ("marched through X",
"filled the streets of X"). Place phrases are also a named direct object of a verb
of motion or impact ("left X", "reached X"), a place name compounded with an event
noun ("the X tower fire"), the object of a spatial particle ("sank off X"), a named
place that hosts what is counted ("X recorded 300 cases", "X is where ..."), a
scene-setting "In X," whatever NER calls X, and a place name in a table row (a wire
dateline's place is read by ``datelines.dateline_places``: datelines are blanked before
parsing). A count's own place also hangs on the object of its state phrase ("on strike
at X") or on the verb its event noun is the object of ("put its walkout at X"): there a
proper name is a site whatever NER calls it, unless a person. Not places of the event:
the place of a statement, its
speaker or audience ("a spokesman in X said", "told reporters in X"), nationalities,
organisations (they are agents), a name that labels counted people ("X troops"), and
anything that reads as a date ("In March, ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimrec.dates import resolve_date
from claimrec.extract.predicates import (
    Trigger,
    event_by_subject,
    find_trigger,
    governor,
    trigger_of,
)
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
        "LANGUAGE",
        "PRODUCT",
    }
)
PARTICLE_OBJECTS = frozenset({"dobj", "npadvmod", "appos", "attr", "oprd", "pobj"})
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})
NOUN_LINKS = frozenset({"appos", "compound", "conj", "amod", "pobj", "prep", "poss"})
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
    """Place phrases attached to ``trigger`` (and to ``extra``, the counted noun), in order.
    A state phrase's object carries the state's place too ("on strike at X")."""
    carriers = [trigger, *[c for c in trigger.children if c.dep_ in {"xcomp", "advcl", "conj"}]]
    if extra is not None:
        carriers.append(extra)
    found: dict[int, Span] = {}
    for carrier in carriers:
        for prep in carrier.children:
            for phrase in _phrases_of(prep, lexicon):
                found[phrase.start] = phrase
    for state in _state_objects(trigger, lexicon):
        for phrase in _sites_on(state, lexicon):
            found[phrase.start] = phrase
    return [found[k] for k in sorted(found)]


# Words between a figure and the place that follows it in its own phrase ("twelve of them
# in X", "five of whom in X"): grammar words, not a lexicon's domain words.
_PARTITIVE_TAIL = frozenset({"of", "them", "whom", "those", "these"})


def figure_places(figure: Span, lexicon: Lexicon) -> list[Span]:
    """Place phrases hanging on the figure itself ("twelve of them in X", "two in Y"):
    in a list of counts, each figure's own place is where that figure holds. A name there
    is a place whatever NER calls it, unless a person (people are not "in" a company)."""
    found = []
    for token in figure:
        for prep in token.children:
            if prep.dep_ != "prep" or not _locative_prep(prep, lexicon):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.ent_type_ == "PERSON":
                    continue
                phrase = place_phrase(obj, lexicon, spatial=True)
                if phrase is not None:
                    found.append(phrase)
    return found


def follows_other_figure(phrase: Span, figure: Span) -> bool:
    """Whether a place phrase comes right after a number that is not ``figure`` ("eight
    were hurt, five in X": X is where the five were hurt, not the eight), however the
    parser attached it."""
    doc, prep = phrase.doc, phrase.root.head
    k = (prep.i if prep.dep_ == "prep" else phrase.start) - 1  # the token before it
    while k >= 0 and doc[k].lower_ in _PARTITIVE_TAIL:
        k -= 1
    if k < 0 or not (doc[k].like_num or doc[k].pos_ == "NUM"):
        return False
    return not figure.start <= k < figure.end


def _state_objects(token: Token, lexicon: Lexicon) -> list[Token]:
    """The objects of the state phrases on ``token`` ("put the number on strike at X": the
    place hangs on "strike", the state the count is in, not on the verb)."""
    states = lexicon.state_predicates
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj" and f"{prep.lower_} {obj.lemma_.lower()}" in states
    ]


def site_phrases(noun: Token, lexicon: Lexicon) -> list[Span]:
    """Where an event named by a noun happened, for a count of it with no trigger of its own
    ("put its walkout at X at 1,900"): a place phrase on the noun, or on the verb it is the
    object of. A proper name there is a site whatever NER calls it (plants and depots are
    often tagged as organisations), unless it calls it a person."""
    carriers = [noun]
    if noun.dep_ in {"dobj", "nsubj", "nsubjpass"} and noun.head.i != noun.i:
        carriers.append(noun.head)
    found = {p.start: p for carrier in carriers for p in _sites_on(carrier, lexicon)}
    return [found[k] for k in sorted(found)]


def _sites_on(carrier: Token, lexicon: Lexicon) -> list[Span]:
    """Place phrases of the locative prepositions on an event's noun or verb, taking a
    proper name as a site whatever NER calls it, unless a person."""
    return [
        phrase
        for prep in carrier.children
        if prep.dep_ == "prep" and prep.lower_ in lexicon.location_preps
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.ent_type_ != "PERSON"
        for phrase in [place_phrase(obj, lexicon, spatial=True)]
        if phrase is not None
    ]


@dataclass(frozen=True)
class Located:
    """A place phrase and the event it locates, with the predicate that names the event."""

    phrase: Span
    trigger: Trigger


def located_places(sent: Span, lexicon: Lexicon) -> list[Located]:
    """Every place phrase in ``sent`` with the event it locates, in order."""
    out: dict[int, Located] = {}
    ents = {i: ent for ent in sent.ents for i in range(ent.start, ent.end)}
    table = _table_row(sent)
    for token in sent:
        for phrase, anchor in _places_at(token, lexicon, ents, table=table):
            if phrase.start not in out and not _speech_place(anchor, lexicon):
                out[phrase.start] = Located(phrase, _event(anchor, lexicon))
    return [out[k] for k in sorted(out)]


def _places_at(
    token: Token, lexicon: Lexicon, ents: dict[int, Span], *, table: bool
) -> list[tuple[Span, Token]]:
    """Place phrases introduced by ``token`` with the token they hang on: a locative
    preposition, a verb with a named place object, or a place name compounded with a noun.
    ``ents`` maps a token index of the sentence to its entity; ``table``: the sentence is a
    table row."""
    dep = token.dep_  # read once: each read is a string-store lookup, per token of the text
    if dep == "prep":
        whole = _whole_of(token, lexicon) if token.lower_ == "of" else []
        if whole:
            return [(phrase, token.head) for phrase in whole]
        named = _named_by_of(token, lexicon)
        if named is not None:
            return [(named, token)]
        return [(phrase, token) for phrase in _phrases_of(token, lexicon)]
    if dep == "dobj" and _place_object(token, lexicon):
        # After a verb of motion any name is a place ("reached Drenov", even as a PERSON);
        # after others a person is a person ("visited Ana Rulke").
        motion = token.head.lemma_.lower() in lexicon.where_when.motion_verbs
        phrase = place_phrase(token, lexicon, spatial=motion)
        return [(phrase, token.head)] if phrase is not None else []
    if dep in {"nsubj", "nsubjpass"} and _place_subject(token, lexicon):
        phrase = place_phrase(token, lexicon, spatial=True)
        return [(phrase, token.head)] if phrase is not None else []
    if table and token.ent_iob_ == "B" and token.ent_type_ in PLACE_LABELS:
        ent = ents[token.i]
        return [(ent, ent.root)]
    if dep == "prt" and token.lower_ in lexicon.spatial_particles:
        return [
            (phrase, token.head)
            for obj in token.head.children
            if obj.i > token.i and obj.left_edge.i == token.i + 1 and obj.dep_ in PARTICLE_OBJECTS
            for phrase in [place_phrase(obj, lexicon, spatial=True)]
            if phrase is not None
        ]
    if dep == "compound" and _event_noun(token.head, lexicon):
        phrase = _compound_place(token, lexicon, ents)
        return [(phrase, token.head)] if phrase is not None else []
    listed = _listed_place(token, lexicon)
    if listed is not None:
        return [(token.doc[token.i : token.i + 1], listed)]
    return []


def _listed_place(token: Token, lexicon: Lexicon) -> Token | None:
    """The place noun a colon list of names spells out ("parts of four districts: X, Y and
    Z"): each name of the list is one of those places, however the parser attached it."""
    if token.pos_ != "PROPN":
        return None
    doc, k = token.doc, token.i - 1
    while k > token.sent.start and (
        doc[k].pos_ == "PROPN" or doc[k].text == "," or doc[k].lower_ in {"and", "or"}
    ):
        k -= 1
    if doc[k].text != ":" or k == token.sent.start:
        return None
    noun = doc[k - 1]
    places = noun.lemma_.lower() in lexicon.location_heads and noun.tag_ in {"NNS", "NNPS"}
    return noun if places and (k + 1 == token.i or doc[token.i - 1].pos_ != "PROPN") else None


def _compound_place(token: Token, lexicon: Lexicon, ents: dict[int, Span]) -> Span | None:
    """A place name modifying a noun ("the X tower fire"): a named place, or a proper name
    ending in a place noun ("X Bridge"), whatever NER calls it."""
    if token.ent_type_ in PLACE_LABELS:
        ent = ents[token.i]
        return ent if ent.end <= token.head.i else None
    heads = lexicon.where_when.place_heads
    if token.pos_ == "PROPN" and (token.lower_ in lexicon.location_heads or token.lower_ in heads):
        start = token.left_edge.i
        while start < token.i and token.doc[start].pos_ != "PROPN":
            start += 1
        return token.doc[start : token.i + 1]
    return None


def _place_object(token: Token, lexicon: Lexicon) -> bool:
    """A direct object that is where the event goes: after a verb of motion or impact ("left
    X", "reached X"), after a spatial particle ("the sinking off X"), or a named place
    after a preposition the parser took for a verb's ("to neighbouring X")."""
    verb = token.head
    if verb.lemma_.lower() in lexicon.where_when.place_object_verbs:
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ in lexicon.location_preps:
        return token.ent_type_ in PLACE_LABELS  # "fled to neighbouring X", parsed as a verb
    spatial = lexicon.spatial_particles
    return any(
        c.dep_ == "prt" and c.lower_ in spatial and c.i == token.left_edge.i - 1
        for c in verb.children
    )


def _place_subject(token: Token, lexicon: Lexicon) -> bool:
    """A subject that is a place, not an agent: a named place that sees or records what is
    counted ("X recorded 300 cases"), or the subject of "X is where ..."."""
    verb = token.head
    if verb.lemma_.lower() == "be":
        return any(
            c.dep_ in {"advcl", "ccomp", "attr", "relcl"} and c.left_edge.lower_ == "where"
            for c in verb.children
            if c.i > token.i
        )
    return (
        token.ent_type_ in {"GPE", "LOC"} and verb.lemma_.lower() in lexicon.where_when.host_verbs
    )


def _table_row(sent: Span) -> bool:
    """Whether ``sent`` is a table row ("| X | 300 |"): its place names are where the row's
    figures hold."""
    text = sent.text.strip()
    return text.startswith("|") and text.endswith("|")


def _event_noun(noun: Token, lexicon: Lexicon) -> bool:
    """A common noun a place name can locate ("the X fire"); not an organisation, a title or
    counted people ("the X ministry", "the X mayor", "X troops"), which the name only labels."""
    lemma = noun.lemma_.lower()
    attribution = lexicon.attribution
    return (
        noun.pos_ == "NOUN"
        and lemma not in lexicon.units  # "X troops": whose people, not where they are
        and noun.ent_type_ not in {"ORG", "PERSON", "NORP"}
        and lemma not in attribution.organization_heads
        and lemma not in attribution.anonymous_heads
        and lemma not in lexicon.title_set
    )


def _event(anchor: Token, lexicon: Lexicon) -> Trigger:
    """The event a place belongs to: a locative trigger above it, else the trigger or the
    verb that governs it."""
    token = _event_of(anchor, lexicon) if anchor.dep_ == "prep" else None
    if token is None and trigger_of(anchor, lexicon) is not None:
        token = anchor
    if token is not None:
        name = trigger_of(token, lexicon) or event_by_subject(token, lexicon)
        return Trigger(token, name or token.lemma_.lower())
    found = find_trigger(anchor, lexicon)
    if found is not None and not _time_reference(found.token, lexicon):
        return found
    return governor(anchor, lexicon)


def _time_reference(token: Token, lexicon: Lexicon) -> bool:
    """An event noun after a preposition of time ("stranded there since the flood", "after
    the blaze") tells when, not what the sentence's places locate."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in lexicon.where_when.time_preps
        and token.pos_ == "NOUN"
    )


def _speech_place(anchor: Token, lexicon: Lexicon) -> bool:
    """Whether a place tells where a statement was made: it hangs on a verb of speech ("said
    in X", "briefing reporters in X") or on that verb's speaker or audience ("a spokesman in
    X said", "told reporters in X"); not a site scene or a site speaker's place."""
    speech = lexicon.where_when.speech_verbs
    if anchor.dep_ == "prep" and _site_scene(anchor, lexicon):
        return False
    token = anchor.head if anchor.dep_ == "prep" else anchor
    for _ in range(6):
        if token.dep_ == "prep" and _site_scene(token, lexicon):
            return False
        if token.pos_ in {"VERB", "AUX"}:
            return token.lemma_.lower() in speech
        if token.dep_ in SPEAKER_DEPS and token.head.lemma_.lower() in speech:
            return not (token.dep_ == "nsubj" and _site_speaker(anchor, token, lexicon))
        if token.dep_ not in NOUN_LINKS or token.head.i == token.i:
            return False
        token = token.head
    return False


def _site_speaker(anchor: Token, speaker: Token, lexicon: Lexicon) -> bool:
    """A speaker that is a site, or is placed at one ("the X hospital in Y says", "a nurse at
    the X clinic said"): what a site or its people say speaks of that site, so its place is
    where what is said holds. A speaker placed in a town ("a spokesman in X") is not."""
    sites = lexicon.where_when
    objects = [c for c in anchor.children if c.dep_ == "pobj"] if anchor.dep_ == "prep" else []
    return any(
        t.lemma_.lower() in sites.place_heads or t.lemma_.lower() in sites.numbered_sites
        for t in (speaker, *objects)
    )


def _site_scene(prep: Token, lexicon: Lexicon) -> bool:
    """A site set as the scene before the clause ("At the X hospital, its director says
    ..."): a statement made at a site (a building, a camp, a plant) speaks of that site, so
    the site is where what is said holds, not only where it was said. A town or a country
    set as the scene stays the place of the statement."""
    verb = prep.head
    if prep.i > verb.i or any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i < prep.i for c in verb.children
    ):
        return False
    doc, end = prep.doc, prep.sent.end
    comma = next((k for k in range(prep.i + 1, end) if doc[k].text == ","), None)
    if comma is None or not all(prep.is_ancestor(doc[k]) for k in range(prep.i + 1, comma)):
        return False  # the phrase is set off by a comma, however far the parser ran it on
    sites = lexicon.where_when
    return any(
        o.dep_ == "pobj"
        and (o.lemma_.lower() in sites.place_heads or o.lemma_.lower() in sites.numbered_sites)
        for o in prep.children
    )


def _locative_prep(prep: Token, lexicon: Lexicon) -> bool:
    """A preposition whose object is a place: a locative one, "of" after a direction
    ("southwest of X") and "for" after a word of heading ("bound for X")."""
    if prep.dep_ != "prep":
        return False
    word, head = prep.lower_, prep.head.lower_
    if word == "of":  # "southwest of X"; "residents of X": where they live
        return head in lexicon.directions or (
            prep.head.lemma_.lower() in lexicon.where_when.resident_nouns
        )
    if word == "for":
        heads = lexicon.where_when.destination_heads
        return prep.head.lemma_.lower() in heads or prep.head.lower_ in heads
    return word in lexicon.location_preps


def _phrases_of(prep: Token, lexicon: Lexicon) -> list[Span]:
    if not _locative_prep(prep, lexicon):
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
                spatial=prep.lower_ in lexicon.spatial_particles
                or _fronted(prep, noun)
                or _site_name(prep, noun, lexicon)
                or _lone_name_in(prep, noun, lexicon),
                owner=owner if noun is obj else None,
            )
            if phrase is not None:
                found.append(phrase)
    return found


def _whole_of(prep: Token, lexicon: Lexicon) -> list[Span]:
    """ "a wing of X Prison", "the edge of X": the "of" of a part or site noun names the
    place it is part of, when that is a place (a named place, or a name headed by a place
    noun); "the rest of the staff" names none."""
    part = prep.head
    words = lexicon.where_when
    if not part.is_lower or not (
        part.lemma_.lower() in words.part_nouns or part.lemma_.lower() in words.numbered_sites
    ):
        return []
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return [p for o in objects if (p := place_phrase(o, lexicon)) is not None]


def _named_by_of(prep: Token, lexicon: Lexicon) -> Span | None:
    """ "the village of X", "the port town of Y": a place noun whose "of" is a proper name
    names that place, wherever the phrase stands (subject, object, predicate), as a name
    after "in" would. Only a definite place noun: "a town of 9,000" is a size."""
    noun = prep.head
    if prep.lower_ != "of" or noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    if noun.lemma_.lower() not in lexicon.location_heads:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    names = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
    if not names or names[0].ent_type_ in NOT_PLACE_LABELS - {"ORG"}:
        return None
    return place_phrase(noun, lexicon)


def _site_name(prep: Token, obj: Token, lexicon: Lexicon) -> bool:
    """A proper name after "at" or "in" on a site noun, or after "at" on a noun of what
    happened ("the field hospital at X", "a collision at Y"): where the site or the event
    is, whatever NER calls the name (junctions, works and towns are often tagged as
    organisations), unless a person. People counted "at" a name are its staff, not there."""
    head = prep.head
    if prep.lower_ not in {"at", "in"} or head.pos_ != "NOUN" or obj.pos_ != "PROPN":
        return False
    if obj.ent_type_ == "PERSON":
        return False
    lemma = head.lemma_.lower()
    if lemma in lexicon.location_heads or lemma in lexicon.where_when.place_heads:
        return True
    return prep.lower_ == "at" and _event_noun(head, lexicon)


def _lone_name_in(prep: Token, obj: Token, lexicon: Lexicon) -> bool:
    """A lone name after "in" on a noun or an event ("400 people in X", "killed in X"), or
    after "at" on a noun of what happened ("the derailment at X"): a place, even when NER
    calls it a person; a person is seldom "in" anything, nor is a happening "at" one, and a
    person is seldom named by one word alone. A verb's own "in" ("believed in X") is none."""
    head = prep.head
    if prep.lower_ == "in":
        placed = head.pos_ == "NOUN" or trigger_of(head, lexicon) is not None
    else:
        happening = head.lemma_.lower() in lexicon.where_when.mishap_nouns
        placed = prep.lower_ == "at" and (happening or trigger_of(head, lexicon) is not None)
    return (
        placed
        and obj.ent_type_ == "PERSON"
        and obj.ent_iob_ == "B"
        and (obj.i + 1 >= len(obj.doc) or obj.doc[obj.i + 1].ent_iob_ != "I")
        and not any(c.dep_ in {"compound", "poss", "case"} for c in obj.children)
    )


def _fronted(prep: Token, obj: Token) -> bool:
    """A scene-setting place opening the sentence ("In X, police counted ..."): a place
    whatever NER calls the name, unless it calls it a person."""
    after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
    return bool(
        prep.is_sent_start and after is not None and after.text == "," and obj.ent_type_ != "PERSON"
    )


def place_phrase(
    obj: Token, lexicon: Lexicon, *, spatial: bool = False, owner: Token | None = None
) -> Span | None:
    """The place phrase headed by ``obj`` (with its possessive ``owner``, when the parser
    split one off), or None when it is not a place."""
    whole = _part_of(obj, lexicon)
    if whole is not None:  # "the last section of X": X is the place
        return place_phrase(whole, lexicon, spatial=spatial)
    tokens = [
        t
        for t in obj.subtree
        if t.i == obj.i or (t.i < obj.i and t.dep_ not in {"det", "punct", "predet", "cc", "conj"})
    ]
    contiguous: list[Token] = []
    for token in tokens:
        if contiguous and token.i != contiguous[-1].i + 1:
            contiguous = []
        contiguous.append(token)
    while len(contiguous) > 1 and contiguous[0].pos_ == "VERB" and contiguous[0].dep_ == "amod":
        contiguous.pop(0)  # "the collapsed X mine": what happened to it is no part of its name
    if not contiguous:
        return None
    start = owner.left_edge.i if owner is not None else contiguous[0].i
    span = obj.doc[start : _end_of(obj, lexicon)]
    heads = lexicon.location_heads
    # The head, or a lowercase place noun compounded with a name ("boulevard X").
    nouns = [obj, *[t for t in obj.children if t.dep_ == "compound" and t.is_lower]]
    head_is_place = (
        any(
            w in heads or w in lexicon.where_when.place_heads
            for t in nouns
            for w in (t.lemma_.lower(), t.lower_)
        )
        or any(  # a two-word place noun ("care home")
            f"{t.lower_} {obj.lemma_.lower()}" in lexicon.where_when.place_heads for t in nouns[1:]
        )
    )
    proper_inside = any(t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS | {"NORP"} for t in span)
    if _reads_as_date(span, lexicon):
        return None  # "In March, ...": a date the NER left untagged
    if obj.is_upper and len(span) == 1 and head_is_place:
        return None  # "ON THE STREETS": a capitalised headline's place noun names no place
    counted = any(c.dep_ == "nummod" for c in obj.children)  # "across three districts"
    if obj.ent_type_ in PLACE_LABELS or (head_is_place and (proper_inside or counted)):
        return span
    if (
        _numbered_site(obj, lexicon)
        or _lettered_site(obj, lexicon)
        or _labelled_site(obj, lexicon)
        or _placed_name(obj, lexicon)
    ):
        return span  # "in Section 7", "into neighbouring X", whatever NER calls them
    if obj.pos_ == "PROPN" and (spatial or obj.ent_type_ not in NOT_PLACE_LABELS):
        return span
    return None


def _reads_as_date(span: Span, lexicon: Lexicon) -> bool:
    """Whether a phrase is a date ("March", "Monday"); dates.py is asked only when a date
    word is in it, since it is slow."""
    words, months = lexicon.prefilter.date_words, lexicon.month_words
    # a month name in lower case is a word ("the march", "may"), never a month
    if not any(t.lower_ in words and not (t.lower_ in months and t.is_lower) for t in span):
        return False
    return resolve_date(span.text, published=None).granularity != "unknown"


def _end_of(obj: Token, lexicon: Lexicon) -> int:
    """Where a place phrase ends: after its head, or after the name that completes it ("the
    town of Selm", "the streets of Selm", "Selm, Teravia")."""
    end = _numbered_end(obj, lexicon)
    site = end > obj.i + 1
    for child in obj.children:
        if child.i != end and not (child.i == end + 1 and obj.doc[end].is_punct):
            continue
        if child.dep_ == "appos" and child.ent_type_ in PLACE_LABELS:
            end = child.i + 1
        elif child.dep_ == "prep" and child.lower_ == "of" and obj.lower_ != "of":
            names = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if names and (
                site
                or obj.lemma_.lower() in lexicon.location_heads
                or obj.lower_ in lexicon.where_when.place_heads
            ):
                end = _numbered_end(names[0], lexicon)  # "Level 5 of Tunnel 2"
    if obj.lemma_.lower() in lexicon.location_heads and end == obj.i + 1:
        end = _appositive_name_end(obj, end)
    return end


def _numbered_end(obj: Token, lexicon: Lexicon) -> int:
    """Where a place noun ends: after the number that names a numbered site."""
    return obj.i + 2 if _numbered_site(obj, lexicon) else obj.i + 1


def _numbered_site(obj: Token, lexicon: Lexicon) -> bool:
    """A capitalised site noun named by the number after it ("Section 7", "Gate 4"), not a
    part of a law ("Section 7 of the Act")."""
    words = lexicon.where_when
    doc = obj.doc
    if not obj.text[:1].isupper() or obj.lemma_.lower() not in words.numbered_sites:
        return False
    if obj.i + 1 >= len(doc) or not (doc[obj.i + 1].like_num or _letter(doc[obj.i + 1])):
        return False
    return not any(
        o.lemma_.lower() in words.law_words
        for p in obj.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
    )


def _letter(token: Token) -> bool:
    """A capital letter standing alone as a site's label ("Block C", "C Wing")."""
    return len(token.text) == 1 and token.text.isalpha() and token.text.isupper()


def _lettered_site(obj: Token, lexicon: Lexicon) -> bool:
    """A capitalised site noun labelled by a capital letter before it ("C Wing", "D
    Block"): a site, whatever NER calls it."""
    doc = obj.doc
    return (
        obj.text[:1].isupper()
        and obj.lemma_.lower() in lexicon.where_when.numbered_sites
        and obj.i > 0
        and _letter(doc[obj.i - 1])
        and doc[obj.i - 1].head.i == obj.i
    )


def _labelled_site(obj: Token, lexicon: Lexicon) -> bool:
    """A label (a capital letter or a number) that the parser made the head of a site noun
    before it ("in Blocks K and L", "Block D"): the site the label names, whatever NER calls
    it. The second of two coordinated labels borrows the first's site noun."""
    if not (_letter(obj) or obj.like_num):
        return False
    if obj.dep_ == "conj" and (_letter(obj.head) or obj.head.like_num):
        obj = obj.head
    sites = lexicon.where_when.numbered_sites
    return any(
        c.dep_ == "compound"
        and c.text[:1].isupper()
        and (c.lemma_.lower() in sites or c.lower_.removesuffix("s") in sites)
        for c in obj.children
    )


def _appositive_name_end(obj: Token, end: int) -> int:
    """After a place noun, the name set off by commas that says which ("the provincial
    capital, Ostrel, ..."), however the parser attached it: capitalised words closed by
    punctuation, never the start of a new clause ("In the capital, Ostrel police said")."""
    doc = obj.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return end
    k = end + 1
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    closed = k < len(doc) and doc[k].is_punct and doc[k].text not in {"'", "’"}
    return k if k > end + 1 and closed else end


def _part_of(obj: Token, lexicon: Lexicon) -> Token | None:
    """The place a part noun is part of ("the last section of X", "parts of four
    districts"), or None."""
    if not obj.is_lower or obj.lemma_.lower() not in lexicon.where_when.part_nouns:
        return None
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def _placed_name(obj: Token, lexicon: Lexicon) -> bool:
    """A proper name modified by an adjective that only places take ("neighbouring X"), or
    by a compass adjective written in lower case ("western X": a region of a place; a
    capitalised one is part of a name, "Western Tannery")."""
    adjectives = lexicon.where_when.place_adjectives
    return obj.pos_ == "PROPN" and any(
        c.dep_ in {"amod", "compound"}
        and (
            c.lower_ in adjectives
            or (c.is_lower and c.lower_.endswith("ern") and c.lower_ in lexicon.directions)
        )
        for c in obj.children
    )


def _event_of(prep: Token, lexicon: Lexicon) -> Token | None:
    """The locative trigger a place preposition belongs to, if any."""
    token = prep.head
    for _ in range(MAX_CLIMB):
        if _locative(token, lexicon):
            return token
        if token.dep_ in {"acl", "relcl"} and token.pos_ == "VERB":
            # a clause on a noun: the place is that clause's ("a trawler carrying migrants
            # from X capsized": where the migrants came from, not where it capsized)
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
