"""What a claim says happened: the trigger word that governs a count, date or place.

From an anchor token (the counted noun, a number, a date) we climb the parse
toward the clause head and take the first trigger word the lexicon knows
("deploy", "killed", "training"). A non-trigger verb on the way is looked
through: its open complements and coordinated verbs ("expected to be
*stationed*", "will assist and *train*", "are receiving *training*"). The climb
stops at a relative clause (it describes another noun) and at a verb of saying
(beyond it lies the speaker, not the event).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimrec.lexicon import Lexicon

LOOK_THROUGH_DEPS = frozenset(
    {"xcomp", "conj", "dobj", "attr", "acomp", "pcomp", "oprd", "prep", "pobj"}
)
MAX_CLIMB = 6
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "conj"})  # clauses under a verb
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})  # "that", "which", "who": a relative


@dataclass(frozen=True)
class Trigger:
    token: Token
    predicate: str


def trigger_of(token: Token, lexicon: Lexicon) -> str | None:
    """The predicate ``token`` triggers by its lemma and part of speech, if any."""
    lemma = token.lemma_.lower()
    if token.pos_ in {"VERB", "AUX"}:
        hosted = _hosted(token, lexicon)
        if hosted is not None:
            return hosted
        phrase = _own_event_state(token, lexicon) or _phrase_predicate(token, lexicon)
        if phrase is not None:
            return phrase if _subject_fits(token, phrase, lexicon) else None
        name = lexicon.verb_predicates.get(lemma)
        if name is not None and not _subject_fits(token, name, lexicon):
            return None
        if name is not None:
            return _condition(token, lexicon) or name
        name = lexicon.place_verb_predicates.get(lemma)
        civilian = name is not None and lexicon.predicates[name].civilian
        if name is not None and any(
            _is_place_object(c, lexicon, nouns=civilian) for c in token.children
        ):
            return None if _force_leaving(token, name, lexicon) else name
    if token.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}:
        name = lexicon.noun_predicates.get(token.lower_) or (
            lexicon.noun_predicates.get(lemma) if token.pos_ != "VERB" else None
        )
        return _counting_sense(token, name, lexicon)
    return None


def _subject_fits(verb: Token, name: str, lexicon: Lexicon) -> bool:
    """Whether a verb of a predicate whose verbs count only with one of its nouns as subject
    has one ("the quake struck", "the vessel went down", "the blaze that swept through"; not
    "the vote struck a blow", "prices went down")."""
    entry = lexicon.predicates[name]
    if not entry.subject_nouns:
        return True
    nouns = set(entry.nouns)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and all(c.tag_ in RELATIVE_TAGS for c in subjects):
        subjects = [verb.head]
    return any(c.lemma_.lower() in nouns for c in subjects)


def _counting_sense(noun: Token, name: str | None, lexicon: Lexicon) -> str | None:
    """A bare noun that names both an event that counts nobody and a count of people ("the
    strike": a blow, or workers out) takes the counting sense; with a modifier that names the
    blow ("a missile strike") it keeps the event's."""
    entry = lexicon.predicates.get(name) if name else None
    if name is None or (entry is not None and entry.measure is not None):
        return name
    measure = lexicon.measure_nouns.get(noun.lemma_.lower())
    if measure is None or measure.predicate is None:
        return name
    if any(c.dep_ in {"compound", "amod", "nmod"} for c in noun.children):
        return name
    return measure.predicate


def _condition(verb: Token, lexicon: Lexicon) -> str | None:
    """What a verb of caring says its people suffer, by its "for" ("treated for injuries":
    injured); a stative verb states no condition of its own when that names one."""
    if verb.lemma_.lower() not in lexicon.stative_verbs:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                name = lexicon.noun_predicates.get(obj.lemma_.lower())
                if name is not None and lexicon.predicates[name].measure is not None:
                    return name
    return None


def _hosted(verb: Token, lexicon: Lexicon) -> str | None:
    """What a verb of holding or taking in counts when its subject is a building: the
    people it shelters ("the shelters held 900 people", "schools took in 400"), never
    captives, who need a captor."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    name = next(
        (
            lexicon.hosting_predicates[p]
            for p in (*(f"{lemma} {w}" for w in particles), lemma)
            if p in lexicon.hosting_predicates
        ),
        None,
    )
    if name is None:
        return None
    subjects = {c.lemma_.lower() for c in verb.children if c.dep_ == "nsubj"}
    if lexicon.custody_predicate is not None and subjects & set(lexicon.custody_nouns):
        return lexicon.custody_predicate  # "the jail holds 1,020": its inmates, no captives
    return name if subjects & set(lexicon.building_nouns) else None


def _force_leaving(verb: Token, name: str, lexicon: Lexicon) -> bool:
    """Whether what leaves a place under a predicate that counts only civilians is no
    civilian: troops leaving a town withdraw ("3,000 troops left X"), a march leaving a
    square moves on; only people counted leaving are evacuees."""
    if not lexicon.predicates[name].civilian:
        return False
    for child in verb.children:
        if child.dep_ != "nsubj" or child.like_num or child.pos_ == "NUM":
            continue
        entry = lexicon.unit_entry(child)
        if entry is None or entry.cls in lexicon.presence_units:
            return True
    return False


def _is_place_object(token: Token, lexicon: Lexicon, *, nouns: bool = False) -> bool:
    """A direct object that is a place: a name, or (with ``nouns``) a place noun ("left
    the district")."""
    return token.dep_ == "dobj" and (
        token.ent_type_ in {"GPE", "LOC", "FAC"}
        or (token.pos_ == "PROPN" and token.ent_type_ != "PERSON")
        or (nouns and token.lemma_.lower() in lexicon.location_heads)
    )


def _own_event_state(verb: Token, lexicon: Lexicon) -> str | None:
    """A verb's state phrase ("went on strike", "forced from their homes"), unless the verb
    itself names a change of its people's state: "40 people were rescued in the operation"
    were rescued, whatever operation they were in."""
    state = state_predicate(verb, lexicon)
    own = lexicon.verb_predicates.get(verb.lemma_.lower())
    if state is not None and own is not None and lexicon.predicates[own].changes_state:
        return None
    return state


def state_predicate(token: Token, lexicon: Lexicon) -> str | None:
    """The predicate of a state phrase on a verb or noun: "went on strike", "are on strike",
    "members on strike", or a one-word one: "400 people aboard"."""
    for child in token.children:
        if child.dep_ in {"advmod", "prep"} and child.i > token.i:
            name = lexicon.state_predicates.get(child.lower_)  # one word: "people aboard"
            if name is not None:
                return name
        if child.dep_ != "prep" or child.i < token.i:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj":
                name = lexicon.state_predicates.get(f"{child.lower_} {obj.lemma_.lower()}")
                if name is None and not _nearer_count(token, child):
                    # with its adjectives: "in critical care"
                    amods = " ".join(a.lower_ for a in obj.children if a.dep_ == "amod")
                    phrase = f"{child.lower_} {amods} {obj.lemma_.lower()}"
                    name = lexicon.state_predicates.get(phrase) if amods else None
                if name is not None:
                    return name
    return None


def _trailing_state(anchor: Token, lexicon: Lexicon) -> str | None:
    """The state phrase the parser hung on the verb after a count that trails its clause
    ("are still on the ward, three of them in the burns unit": the three are in the burns
    unit)."""
    if not anchor.like_num or anchor.dep_ not in {"npadvmod", "appos"}:
        return None
    head = anchor.head
    for prep in head.children:
        if prep.dep_ != "prep" or prep.i < anchor.i:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            amods = " ".join(a.lower_ for a in obj.children if a.dep_ == "amod")
            name = lexicon.state_predicates.get(f"{prep.lower_} {amods} {obj.lemma_.lower()}")
            if amods and name is not None:
                return name
    return None


def _nearer_count(head: Token, prep: Token) -> bool:
    """Whether another count of ``head`` stands between it and its state phrase: in "15
    are still on the ward, three of them in the burns unit" the unit is where the three are."""
    return any(
        c.like_num and head.i < c.i < prep.i
        for c in head.children
        if c.dep_ in {"npadvmod", "appos", "dobj", "attr"}
    )


def _phrase_predicate(verb: Token, lexicon: Lexicon) -> str | None:
    """ "walked out", "walked off": a verb with its particle or bare object; "took part",
    "came out": a phrase of taking part, whose predicate is what its sentence is about."""
    for child in (*verb.children, *_next_particle(verb)):
        if child.dep_ in {"prt", "dobj", "prep", "advmod", "xcomp"} or _complement(child):
            phrase = f"{verb.lemma_.lower()} {child.lower_}"
            if phrase in lexicon.participation.phrases:
                return _participation(verb, child, lexicon, phrase)
            name = lexicon.phrase_predicates.get(phrase)
            if name is not None:
                return name
    return None


def _complement(child: Token) -> bool:
    """An adjective completing the verb's object, however the parser labels it ("pulled 60
    people alive": "pull alive")."""
    return child.pos_ == "ADJ" and child.dep_ in {"oprd", "acomp", "ccomp", "advcl", "xcomp"}


def _next_particle(verb: Token) -> tuple[Token, ...]:
    """The particle right after a verb, wherever the parser hung it ("walked out there":
    "out" on "there")."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ in {"ADP", "ADV", "PART"}:
        after = doc[verb.i + 1]
        return () if after.head.i == verb.i else (after,)
    return ()


def _participation(verb: Token, particle: Token, lexicon: Lexicon, phrase: str) -> str | None:
    """What taking part counts: captives who come or walk out are freed; otherwise the event
    its sentence names ("came out against the reform and marched", "took part in the
    strike"), else what its subject's class implies ("12,000 workers took part"), else the
    phrase's default ("3 million took part"). A phrase without a default ("came out") counts
    only what its sentence names, never a way out of somewhere ("came out of the tunnel")."""
    part = lexicon.participation
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    entry = lexicon.unit_entry(subject) if subject is not None else None
    if entry is not None and entry.cls in part.captives and phrase in part.captive_phrases:
        return part.captives[entry.cls]
    if subject is not None and subject.dep_ == "nsubjpass":
        entry = None  # "workers were brought out": done to them, not a part they took
    default = part.defaults.get(phrase)
    if default is None and any(c.lower_ == "of" for c in (*verb.children, *particle.children)):
        return None
    words = {t.lemma_.lower() for t in verb.sent if t.i not in {verb.i, particle.i}}
    words |= {t.lower_ for t in verb.sent if t.i not in {verb.i, particle.i}}
    for name in part.predicates:
        if words & lexicon.topic_words.get(name, frozenset()):
            return name
    if default is not None and entry is not None and entry.cls in part.subject_classes:
        return part.subject_classes[entry.cls]
    return default


def find_trigger(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    """The trigger that governs ``anchor``, combined with coordinated triggers: first a
    participle or relative clause on the anchor itself ("six miners trapped underground"),
    then the words above it in the parse."""
    found = (
        own_modifier(anchor, lexicon)
        or _told_clause(anchor, lexicon)
        or _valued_figure(anchor, lexicon)
        or (None if _partitive_whole(anchor) else _climb(anchor, lexicon))
    )
    if found is None:
        return None
    if _is_doer(anchor, found, lexicon):
        # the doers of "holding the line" are counted by what they do, with no measure
        return Trigger(found.token, found.token.lemma_.lower())
    return Trigger(found.token, _combined(found, lexicon))


def _told_clause(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    """The clause a count is the subject of when the parser made it the object of the verb
    of saying before it: in "they told him five people had died" the five died; the parse hangs
    "five people" on "told" and leaves "had died" a clause without a subject."""
    verb = anchor.head
    if anchor.dep_ != "dobj" or verb.lemma_.lower() not in lexicon.attribution_verbs:
        return None
    for clause in verb.children:
        if (
            clause.dep_ == "ccomp"
            and clause.i > anchor.i
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)
            and clause.left_edge.i == anchor.right_edge.i + 1
        ):
            name = trigger_of(clause, lexicon)
            return Trigger(clause, name) if name is not None else None
    return None


VALUE_PREPS = frozenset({"to", "at"})


def _valued_figure(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    """The figure noun a verb of value sets to the number ("bringing the total pulled out
    alive to 16", "put the number rescued at 40"): what the figure's own participle or
    relative clause says it counts, not the verb of value ("bring" is no deployment here)."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in VALUE_PREPS:
        return None
    verb = anchor.head.head
    if verb.dep_ in {"oprd", "acomp"} and verb.pos_ == "ADJ":
        verb = verb.head  # "pulled out alive to 16": the parser hangs "to" on "alive"
    if verb.lemma_.lower() not in lexicon.value_verbs:
        return None
    for figure in verb.children:
        if figure.dep_ == "dobj" and figure.lemma_.lower() in lexicon.measure_nouns:
            found = own_modifier(figure, lexicon)
            if found is not None:
                return found
    return None


def _partitive_whole(anchor: Token) -> bool:
    """Whether the counted phrase is the whole a partitive count is taken from ("0.8
    million of the province's 1.9 million people have fled"): what happened to the part is
    not said of the whole."""
    prep = anchor.head
    return (
        anchor.dep_ == "pobj"
        and prep.lower_ == "of"
        and (prep.head.like_num or prep.head.pos_ == "NUM")
    )


def _is_doer(anchor: Token, found: Trigger, lexicon: Lexicon) -> bool:
    """Whether the counted people do what a verb of changing people's state does to its
    object, rather than undergo it: the active subject of such a verb that has an object
    of its own ("40 volunteers holding the line", "200 officers arrested 30 people"). Some
    verbs' subjects undergo the event whatever their object ("30 people fled the city")."""
    verb = found.token
    entry = lexicon.predicates.get(found.predicate)
    if entry is None or not entry.changes_state or verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in lexicon.undergoer_verbs or _phrase_predicate(verb, lexicon):
        return False  # "took part": the object is the phrase's own, no one acted on
    subject = (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i == anchor.i) or (
        anchor.dep_ == "nsubj" and anchor.head.i == verb.i
    )
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    has_object = any(c.dep_ == "dobj" and c.i != anchor.i for c in verb.children)
    return subject and not passive and has_object


def own_modifier(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    """A participle or relative clause after the anchor that describes it: one of its own, or
    one the parser hung on the first of a coordination the anchor belongs to."""
    state = state_predicate(anchor, lexicon) or _trailing_state(anchor, lexicon)
    if state is not None:
        return Trigger(anchor, state)
    secondary = secondary_predicate(anchor, lexicon)
    if secondary is not None:
        return secondary
    heads = [anchor, *(t for t in anchor.conjuncts if t.i < anchor.i)]
    for head in heads:
        for child in head.children:
            if child.dep_ in {"acl", "relcl"} and child.i > anchor.i and owns(anchor, child):
                name = trigger_of(child, lexicon)
                if name is not None:
                    return Trigger(child, name)
    return None


SECONDARY_DEPS = frozenset({"ccomp", "advcl", "oprd", "acomp", "xcomp"})
SECONDARY_TAGS = frozenset({"VBN", "VBG", "JJ"})


def secondary_predicate(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    """The state a verb with no event of its own puts its object in: "leaving two men still
    missing", "found 12 people dead", "the 27 workers it names as stranded". The participle or
    adjective after the counted object is what is said of the count; one with an object
    of its own is another event ("killed 12, injuring 30")."""
    if anchor.lemma_.lower() in lexicon.measure_nouns:
        return None  # "lifted its tally of climbers dead to 23": said of the people, not the count
    verbs = [anchor.head] if anchor.dep_ == "dobj" else []
    verbs += [c for c in anchor.children if c.dep_ == "relcl"]
    for verb in verbs:
        if verb.pos_ != "VERB" or trigger_of(verb, lexicon) is not None:
            continue
        saying = verb.lemma_.lower() in lexicon.attribution_verbs
        for comp in verb.children:
            if (
                comp.dep_ not in SECONDARY_DEPS
                or (saying and comp.dep_ == "ccomp")  # "told us nine guests had drowned": a clause
                or comp.tag_ not in SECONDARY_TAGS
                or comp.i < max(anchor.i, verb.i)
                or any(c.dep_ in {"dobj", "nsubj", "nsubjpass"} for c in comp.children)
            ):
                continue
            name = trigger_of(comp, lexicon)
            if name is not None and lexicon.predicates[name].measure is not None:
                return Trigger(comp, name)
    return None


def owns(noun: Token, modifier: Token) -> bool:
    """Whether a participle or relative clause after a coordination of counts describes
    ``noun``. It describes the count nearest before it, whatever conjunct the parser hung it
    on: in "512 arrests and 308 officers injured" the injured are the officers, never the
    arrests. A conjunct without a number of its own shares the count before it ("441
    officers and gendarmes injured")."""
    chain = sorted([modifier.head, *modifier.head.conjuncts], key=lambda t: t.i)
    before = [t for t in chain if t.i < modifier.i]
    if noun not in before:
        return False
    counted = [t for t in before if _numbered(t)]
    group_start = counted[-1].i if counted else before[0].i
    return noun.i >= group_start


def _numbered(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in noun.children)


def _climb(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    token = anchor
    for _ in range(MAX_CLIMB):
        if token.dep_ == "relcl" or token.head.i == token.i:
            return None
        child, token = token, token.head
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and not shares_subject(child):
            return None  # a clause with its own subject is not its partner clause's event
        if token.lemma_.lower() in lexicon.attribution_verbs and child.dep_ in {
            "ccomp",
            "parataxis",
        }:
            return None
        own = trigger_of(token, lexicon)
        if own is not None and token.i != anchor.i:
            return _best_in_coordination(Trigger(token, own), lexicon, anchor=child)
        if token.pos_ in {"VERB", "AUX"}:
            inner = _look_through(token, lexicon, depth=2, skip=anchor)
            if inner is not None:
                return inner
            if _copula_presence(token, lexicon) is not None:
                return Trigger(token, lexicon.copula_predicate or "stationed")
    return None


def clause_trigger(verb: Token, lexicon: Lexicon) -> Trigger | None:
    """The trigger of a clause from its verb: the verb itself ("were injured"), else one in
    its complements ("were in hospital", "were being treated")."""
    own = trigger_of(verb, lexicon)
    if own is not None:
        return Trigger(verb, own)
    return _look_through(verb, lexicon, depth=2)


def _look_through(
    verb: Token, lexicon: Lexicon, *, depth: int, skip: Token | None = None
) -> Trigger | None:
    """Triggers inside a non-trigger verb's complements, in lexicon priority order; never
    the anchor itself or a noun coordinated with it (a count's own noun, "146,000 members",
    and its neighbour's, "and 58,000 retired members", are what is counted, not what
    happened to them)."""
    candidates: list[Trigger] = []
    # the anchor and the counts coordinated with it are what is counted, not what happened
    skipped = {skip.i, *(c.i for c in skip.conjuncts)} if skip is not None else set()
    frontier = [verb]
    for _ in range(depth):
        nxt: list[Token] = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ not in LOOK_THROUGH_DEPS:
                    continue
                if child.dep_ == "conj" and not shares_subject(child):
                    continue  # "remained in hospital, and that one had died": another clause
                if child.dep_ == "conj" and _objects_apart(tok, child, skip):
                    continue  # "pulled 104 people out and recovered 79 bodies": its own object
                pred = None if child.i in skipped else trigger_of(child, lexicon)
                if pred is not None:
                    candidates.append(Trigger(child, pred))
                nxt.append(child)
        frontier = nxt
    return _by_priority(candidates, lexicon)


def _objects_apart(verb: Token, conj: Token, anchor: Token | None) -> bool:
    """Whether two coordinated verbs each take their own object and the count is the first
    one's ("pulled 104 people out and recovered 79 bodies"): the second verb's event is about
    its own object. A count that is the shared subject ("troops will assist and train
    local forces") still takes the second verb."""
    return (
        anchor is not None
        and anchor.dep_ == "dobj"
        and anchor.head.i == verb.i
        and any(c.dep_ == "dobj" for c in conj.children)
    )


def _best_in_coordination(
    first: Trigger, lexicon: Lexicon, *, anchor: Token | None = None
) -> Trigger:
    """Among coordinated triggers ("will assist and train"), the one listed first in the
    lexicon; not a coordinated verb with an object of its own when the count is the first
    verb's object ("pulled 60 people alive and recovered 20 bodies")."""
    siblings = [first]
    for child in first.token.children:
        if child.dep_ == "conj" and _objects_apart(first.token, child, anchor):
            continue
        if child.dep_ == "conj" and shares_subject(child):
            pred = trigger_of(child, lexicon)
            if pred is not None:
                siblings.append(Trigger(child, pred))
    return _by_priority(siblings, lexicon) or first


def _by_priority(candidates: list[Trigger], lexicon: Lexicon) -> Trigger | None:
    if not candidates:
        return None
    order = {name: i for i, name in enumerate(lexicon.predicates)}
    return min(candidates, key=lambda t: (order.get(t.predicate, len(order)), t.token.i))


def _combined(found: Trigger, lexicon: Lexicon) -> str:
    """The combined predicate of coordinated triggers, as the lexicon names the pair."""
    presumed = _presumption(found.token, lexicon)
    if presumed is not None:
        return presumed  # "dead, or lost and presumed dead": all counted as dead
    names = {found.predicate}
    for child in found.token.children:
        if child.dep_ == "conj" and shares_subject(child) and not _own_object(child):
            pred = trigger_of(child, lexicon)
            if pred is not None:
                names.add(pred)
    if len(names) == 1:
        return found.predicate
    for combo in lexicon.combined_predicates:
        if set(combo.of) == names:
            return combo.name
    return found.predicate


def _presumption(token: Token, lexicon: Lexicon) -> str | None:
    """A presumption coordinated with the trigger ("dead, or lost and presumed dead"), or
    with the verb a trailing state adjective hangs on ("listed 17 dead or unaccounted for
    and presumed dead", where the parser joins "presumed" to "listed"): what it says of
    everyone."""
    verbs = [token]
    if token.dep_ in {"advcl", "oprd", "acomp", "xcomp"}:
        verbs.append(token.head)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "conj" and shares_subject(child) and not _own_object(child):
                presumed = _presumed(child, lexicon)
                if presumed is not None:
                    return presumed
    return None


def _presumed(verb: Token, lexicon: Lexicon) -> str | None:
    """What a coordinated presumption says of everyone counted ("lost or unaccounted for,
    presumed dead": the predicate of "dead"), else None."""
    if verb.lemma_.lower() not in lexicon.tolls.presumption_verbs:
        return None
    for child in verb.children:
        if child.dep_ in {"oprd", "acomp", "xcomp"}:
            name = lexicon.people_adjectives.get(child.lower_)
            if name is not None:
                return name
    return None


def shares_subject(verb: Token) -> bool:
    """A coordinated verb with no subject of its own shares its partner's ("were seized and
    later released"); one with its own subject is another clause, whose event is not the
    first clause's ("arrested 80 people and 35 officers were hurt")."""
    own = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)
    return not own and stranded_subject(verb) is None


def stranded_subject(verb: Token) -> Token | None:
    """A number right before a coordinated verb (and its auxiliaries) that the parser
    coordinated with the count before it: in "killed 14 people and 31 were injured" the 31 is
    the subject of "were injured", which the parse leaves without one."""
    if verb.dep_ != "conj":
        return None
    first = min([verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})], key=_index)
    if first.i == 0:
        return None
    number = verb.doc[first.i - 1]
    if number.like_num and number.dep_ == "conj" and number.head.i < number.i:
        return number
    return None


def _index(token: Token) -> int:
    return token.i


def _own_object(verb: Token) -> bool:
    """A coordinated verb with an object of its own states its own count ("killed 12 workers
    and injured 30 others"): the two events are not one combined measure."""
    return any(c.dep_ == "dobj" for c in verb.children)


def mere_presence(trigger: Trigger, unit: str, lexicon: Lexicon) -> bool:
    """A verb of being with a place ("are in X") said of people who are not a force: their
    being somewhere is no deployment; nor is moving people who are not a force ("the 48
    pupils of the boarding school were taken to a sports hall": no force sent)."""
    if unit in lexicon.presence_units:
        return False
    if trigger.token.lemma_.lower() in lexicon.civilian_moves:
        force = lexicon.measure_of(lexicon.copula_predicate or "")  # a deployment's measure
        return lexicon.measure_of(trigger.predicate) == force
    return (
        trigger.predicate == lexicon.copula_predicate
        and trigger.token.lemma_.lower() in lexicon.presence_verbs
    )


def _copula_presence(verb: Token, lexicon: Lexicon) -> Token | None:
    """A verb of being with a place states presence ("troops are in X", "remain in X")."""
    if verb.lemma_.lower() not in lexicon.presence_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "inside", "at", "near"}:
            return child
    return None


def governor(anchor: Token, lexicon: Lexicon) -> Trigger:
    """The word a date or place phrase belongs to when no trigger governs it: ``anchor`` or the
    nearest verb above it, named by its lemma ("visited X on Tuesday" -> visit), else the clause's
    head word ("the Tuesday march" -> march), else the lexicon's ``fallback_predicate`` (a
    table row or a dateline has no word to name it by)."""
    token = anchor
    for _ in range(MAX_CLIMB * 2):
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            return Trigger(token, event_by_subject(token, lexicon) or token.lemma_.lower())
        if token.head.i == token.i:
            break
        token = token.head
    if token.is_alpha and token.i != anchor.i and token.pos_ in {"NOUN", "VERB", "AUX"}:
        return Trigger(token, token.lemma_.lower())
    return Trigger(token, lexicon.where_when.fallback_predicate)


def event_by_subject(verb: Token, lexicon: Lexicon) -> str | None:
    """The event a verb tells of through its subject, when that subject is an event's own
    noun: a one-off event's ("the fire broke out", "the vessel went down", "the blaze that
    swept through X") or a gathering's ("the procession left X at noon"). Whatever the verb, its
    date and place are the event's. Not a verb of saying: "the inquiry said on Monday" dates
    the statement."""
    if verb.lemma_.lower() in lexicon.attribution_verbs:
        return None
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ in {"relcl", "acl"} and all(c.tag_ in RELATIVE_TAGS for c in subjects):
        subjects = [verb.head]  # "the blaze that swept through", "the fire engulfing": its noun
    for noun in subjects:
        name = event_noun_predicate(noun, lexicon)
        if name is not None:
            return name
    return None


def event_noun_predicate(noun: Token, lexicon: Lexicon) -> str | None:
    """The predicate whose event ``noun`` names (in its counting sense: "the strike" is
    workers out), when that event happens once or is one gathering (the lexicon's ``once``
    predicates and ``per_event_measures``)."""
    if (
        noun.pos_ != "NOUN"
        or noun.ent_type_  # a name or a date ("3 March"), not an event's common noun
        or noun.lemma_.lower() in lexicon.where_when.thing_nouns
    ):
        return None
    name = _counting_sense(noun, lexicon.noun_predicates.get(noun.lemma_.lower()), lexicon)
    if name is None:
        return None
    entry = lexicon.predicates[name]
    if entry.once or entry.measure in lexicon.reconcile.per_event_measures:
        return name
    return None


def dated_event(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    """A date phrase that names its event itself: "the evening of the collapse", "the night
    of the sinking"."""
    for prep in anchor.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                name = event_noun_predicate(obj, lexicon) if obj.dep_ == "pobj" else None
                if name is not None:
                    return Trigger(obj, name)
    return None


def counted_from_event(span: Span, lexicon: Lexicon) -> Trigger | None:
    """A stretch of time counted from a one-off event ("three days after the ferry capsized",
    "ten days after the vessel went down", "two weeks after the blaze"): the phrase places
    that event in time, so it dates that event, not the clause it modifies. The event is the
    noun after "after"/"before" or the verb of the clause it introduces (or a clause next to
    that verb: the parser hangs "sank" above or below a participle in between); its subject
    need not be the event's noun, since the phrase already makes it an event."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in lexicon.where_when.relative_words:
        return None
    word = doc[span.end]
    if word.dep_ == "prep":
        for obj in (c for c in word.children if c.dep_ == "pobj"):
            name = event_noun_predicate(obj, lexicon)
            if name is not None and lexicon.predicates[name].once:
                return Trigger(obj, name)
        return None
    if word.dep_ != "mark":
        return None
    verb = word.head
    around = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if verb.dep_ in CLAUSE_DEPS:
        around.append(verb.head)  # or above it: "after the boat [named X] sank"
    for candidate in (verb, *around):
        if candidate.pos_ != "VERB":
            continue
        name = _phrase_predicate(candidate, lexicon) or lexicon.verb_predicates.get(
            candidate.lemma_.lower()
        )
        if name is not None and lexicon.predicates[name].once:
            return Trigger(candidate, name)
    return None


def date_verb_event(anchor: Token, lexicon: Lexicon) -> Trigger | None:
    """The event a date phrase dates through the verb it hangs on, when that verb is no
    trigger but its subject names a one-off event or a gathering ("since the fire began on
    3 May, 12 have died": the fire's start, not what the main clause goes on to count)."""
    verb = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" else anchor.head
    if anchor.dep_ not in {"pobj", "npadvmod"} or verb.pos_ != "VERB":
        return None
    if trigger_of(verb, lexicon) is not None:
        return None
    name = event_by_subject(verb, lexicon) or _subject_event(verb, lexicon)
    return Trigger(verb, name) if name is not None else None


def _subject_event(verb: Token, lexicon: Lexicon) -> str | None:
    """Any event its subject's noun names, for a verb of beginning or ending that only
    dates it ("since the walkout started on 11 June, 350 have been suspended": the walkout's
    start, not the suspensions)."""
    if verb.lemma_.lower() not in lexicon.where_when.aspect_verbs:
        return None
    for noun in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if noun.pos_ != "NOUN" or noun.ent_type_:
            continue
        name = _counting_sense(noun, lexicon.noun_predicates.get(noun.lemma_.lower()), lexicon)
        if name is not None and name in lexicon.predicates:
            return name
    return None


def captive_doer(unit: Token, lexicon: Lexicon) -> bool:
    """Whether captives counted (the lexicon's ``group_classes``) are the subject of a verb
    of doing (``doer_verbs``): rioters, not people held. Other people keep their noun's
    own measure ("5,000 protesters stormed the square" are still a crowd)."""
    entry = lexicon.unit_entry(unit)
    return (
        entry is not None
        and entry.cls in lexicon.reconcile.group_classes
        and unit.dep_ in {"nsubj", "nsubjpass"}
        and unit.head.lemma_.lower() in lexicon.doer_verbs
    )
