"""Finding counts in a parsed paragraph: every number, its hedge, and what it counts.

Every run of number tokens is a candidate ("4,500", "ten thousand", "4,000 to 5,000",
"1.5m"). Entity labels are not trusted: the number's own neighbours rule out dates,
times, money, percentages, ages, years and labels ("Article 4"). What it counts is
decided through the parse, in this order:

* a counted noun: the head of a ``nummod`` ("4,500 soldiers", "a 9,000-strong
  force"), the object of a partitive "of" ("800 of these troops"), or a nationality
  ("3,000 Kestovans"). A noun the lexicon does not list as people ("four brigades",
  "300 homes", "2.5 years") makes the number no count at all;
* for a bare number: a people adjective after it ("2,310 dead", "230 wounded"); the
  measure noun it is the value of ("the toll rose to 600", "put the crowd at 3,500",
  "a casualty rate of 600", "the number of displaced is 18,000"); a trigger verb it is
  subject or object of ("40 were killed", "killed 300"); or, failing those, a count of
  people stated beside it in the sentence or in the one before, whose head it elides
  ("40 were killed and 230 wounded", "Norway counted 9 citizens. Another state counted 11").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimrec.extract.owners import value_owner
from claimrec.extract.people import MAX_AGE
from claimrec.extract.predicates import (
    captive_doer,
    clause_trigger,
    find_trigger,
    mere_presence,
    state_predicate,
    stranded_subject,
    trigger_of,
)
from claimrec.extract.tables import Cell, names
from claimrec.lexicon import Lexicon
from claimrec.models import CountValue
from claimrec.numbers import NumberRange, parse_range

SCALE_WORDS = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "lakh",
        "crore",
        "score",
        "few",
        "several",
        "handful",
        "tens",
    }
)
_GLUED_RANGE = re.compile(r"^\d[\d,.]*[kKmM]?[-–—]\d[\d,.]*[kKmM]?$")  # "41,000–44,000", "5k-20k"
_K_SUFFIX = re.compile(r"^\d+(?:[.,]\d+)?(?:[kKmM]|bn|mn)$")  # "10k", "1.5m", "10M", "2bn"
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
EXPONENTS = frozenset({"^", "**", "e", "E"})
CONNECTORS = frozenset({"to", "-", "–", "—", "and", "or", "of"})
CURRENCY = frozenset({"$", "€", "£", "¥", "₹", "usd", "eur", "dollars", "euros", "pounds"})
ELIDED_HEADS = frozenset({"one", "other"})  # nouns that stand for a head said elsewhere
NUMERIC_DEPS = frozenset({"nummod", "quantmod", "compound", "advmod", "amod", "npadvmod"})


@dataclass(frozen=True)
class Count:
    """A count found in a paragraph: its tokens, value, and counted noun (spaCy objects,
    local to the extract package)."""

    span: Span  # hedge + number (+ counted noun when it follows)
    number: Span
    unit_token: Token | None  # the counted noun, None for a bare number ("killed 300")
    anchor: Token  # where the parse path to predicate and source starts
    value: CountValue
    written_out: bool
    nationality: Token | None  # "3,000 Kestovans": the unit is itself a nationality
    predicate: str | None = None  # implied by a measure noun or adjective ("the toll", "dead")
    fallback: str | None = None  # the predicate when no trigger says more (an elided head's)
    negated: bool = False  # "46 were arrested, not 200": the number itself is denied
    noun: str | None = None  # the counted noun's lemma, or the one an elided head borrows
    figure: bool = False  # counted by a figure noun that says nothing more ("the number")
    named_part: bool = False  # a part set off that names its own people ("11 of them medics")


@dataclass(frozen=True)
class _Candidate:
    """A number run and what is known of it before deciding whether it counts people."""

    number: Span
    rng: NumberRange
    hedge_start: int
    kind: str | None
    upper: Span | None = None  # "more than 400 and less than 600": the second run


_BARE = "bare"  # a number with no counted noun of its own


def counts(sent: Span, lexicon: Lexicon, carried: Count | None = None) -> list[Count]:
    """Every count of people stated in ``sent``, in token order. ``carried`` is the last
    count of people in the sentence before, whose head a bare number may elide."""
    candidates = _candidates(sent, lexicon)
    if carried is not None and carried.named_part:
        carried = None  # "..., 11 of them medics. 40 were hurt": the medics are no head to elide
    decided: dict[int, Count | str | None] = {
        c.number.start: _headed(c, sent, lexicon) for c in candidates
    }
    people = [x for x in decided.values() if isinstance(x, Count)]
    for c in candidates:
        if decided[c.number.start] == _BARE and _counts_things(c, candidates, decided, lexicon):
            decided[c.number.start] = None
        if decided[c.number.start] == _BARE:
            near = _nearest(people, c.number) or carried
            found = _bare(c, sent, lexicon, near)
            decided[c.number.start] = found
            if found is not None:
                people.append(found)
    kept = sorted((x for x in decided.values() if isinstance(x, Count)), key=_start)
    return [_as_part(x, kept[k - 1] if k else carried, lexicon) for k, x in enumerate(kept)]


def _counts_things(
    c: _Candidate,
    candidates: list[_Candidate],
    decided: dict[int, Count | str | None],
    lexicon: Lexicon,
) -> bool:
    """A bare number elides the head of the number just before it in the sentence: when that
    one counts things ("400 homes destroyed and 900 damaged", "Of its 40 boats, only nine
    are afloat", "six of the nine wagons ..., and two of them overturned"), so does the bare
    number, unless a word of its own says it counts people ("killed 12", "12 dead", "the
    toll rose to 12"). Only
    when no people are counted before it in the sentence, within one clause of a list."""
    before = [p for p in candidates if p.number.end <= c.number.start]
    if not before or any(decided[p.number.start] is not None for p in before):
        return False  # people counted before it: the head it elides may be theirs
    prior = before[-1]
    doc = c.number.doc
    if any(t.text in {":", ";"} for t in doc[prior.number.end : c.number.start]):
        return False  # "Three sites: about 500": a label, not a head the number elides
    unit, noun, nationality = _unit(prior.number[-1], prior.number, lexicon)
    if unit is not None or nationality is not None or noun.pos_ != "NOUN":
        return False
    if prior.number.start <= noun.i < prior.number.end:
        return False  # a bare number itself, ruled out for other reasons (a label, a year)
    if lexicon.unit_entry(noun) is not None or noun.lemma_.lower() in lexicon.measure_nouns:
        return False
    outer = _outer(c.number, c.number[-1])
    if _people_adjective(c.number, outer, lexicon) is not None:
        return False
    owner = value_owner(_attached(c.number, outer), lexicon)
    if owner.measure is not None or owner.people:
        return False  # "said the toll could rise to 30": the value of a count of people
    return not (outer.dep_ in {"dobj", "nsubjpass"} and trigger_of(outer.head, lexicon))


def _population_of(outer: Token, lexicon: Lexicon) -> Token | None:
    """ "the town of 38,000", "a city of two million": a bare number as the "of" of a place
    noun counts the people who live there (as "a town of 9,000 people" does)."""
    prep = outer.head
    if outer.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    place = prep.head
    settled = place.lemma_.lower() in lexicon.where_when.settlement_nouns
    return place if place.pos_ == "NOUN" and place.i < prep.i and settled else None


def _start(count: Count) -> int:
    return count.number.start


PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "whom", "which"})
OWN_PRONOUNS = frozenset({"ours", "yours", "theirs", "hers", "his", "mine"})


def _as_part(count: Count, whole: Count | None, lexicon: Lexicon) -> Count:
    """A part set off beside the count before it ("400 people were evacuated, 30 of them
    children, ..."; "15 are still on the ward, three of them in the burns unit") counts what
    that count counts, whatever the parse hangs it on; a part with a verb of its own ("12 of
    them died") keeps that verb's."""
    if whole is None or count.predicate is not None or not _aside_partitive(count.number):
        return count
    count = _named_part(count, lexicon)
    predicate = near_predicate(whole, lexicon)
    return replace(count, predicate=predicate) if predicate is not None else count


def _named_part(count: Count, lexicon: Lexicon) -> Count:
    """A part set off beside its whole that names its own people after the pronoun ("27
    were treated, 11 of them medics") counts those people (medics), not the whole's: its
    unit and noun are theirs, as in "including 11 medics"."""
    doc = count.number.doc
    for token in doc[count.number.end + 2 :]:
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP"}:
            return count
        entry = lexicon.unit_entry(token) if token.pos_ == "NOUN" else None
        if entry is not None:
            value = count.value.model_copy(update={"unit": entry.cls})
            return replace(count, value=value, noun=token.lemma_.lower(), named_part=True)
    return count


def _aside_partitive(number: Span) -> bool:
    """ ", N of them [noun] [modifiers]," with no verb before the next punctuation."""
    doc = number.doc
    if number.start == 0 or doc[number.start - 1].text != "," or number.end + 1 >= len(doc):
        return False
    of, pronoun = doc[number.end], doc[number.end + 1]
    if of.lower_ != "of" or pronoun.lower_ not in PARTITIVE_PRONOUNS:
        return False
    for token in doc[number.end + 2 :]:
        if token.is_punct:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return True


def _nearest(people: list[Count], number: Span) -> Count | None:
    """The count of people in the same sentence closest before ``number`` (else after)."""
    before = [p for p in people if p.number.start < number.start]
    if before:
        return before[-1]
    return people[0] if people else None


def _candidates(sent: Span, lexicon: Lexicon) -> list[_Candidate]:
    """Number runs that are numbers of something (not dates, money, ages, labels), with
    their hedge; "more than N and less than M" becomes one candidate."""
    out: list[_Candidate] = []
    runs = [
        part
        for run in _number_runs(sent)
        for part in _change_split(run, lexicon)
        if not _not_a_count(part, lexicon)
    ]
    skip: set[int] = set()
    for k, number in enumerate(runs):
        if number.start in skip:
            continue
        rng = parse_range(number.text)
        if rng is None or (rng.low is None and rng.high is None):
            continue
        hedge_start, kind = _hedge(number, lexicon)
        upper = _upper_bound(number, runs[k + 1] if k + 1 < len(runs) else None, kind, lexicon)
        if upper is not None:
            skip.add(upper.start)
            high = parse_range(upper.text)
            if high is not None and _ascending(rng.low, high.high):
                rng = NumberRange(low=rng.low, high=high.high)
                kind = "range"
        out.append(_Candidate(number, rng, hedge_start, kind, upper))
    return out


def _change_split(run: Span, lexicon: Lexicon) -> list[Span]:
    """ "fell from 40 to 37", "raised its count from 150 to 170": after "from" on a verb of
    changing a figure, "X to Y" is the figure before and the figure after, each a count
    of its own, when what changes is a count (no object, or a figure noun or people as
    the object); elsewhere ("from 4,000 to 5,000 people attended") it is a range."""
    doc = run.doc
    if run.start == 0 or doc[run.start - 1].lower_ != "from":
        return [run]
    verb = doc[run.start - 1].head
    if verb.lemma_.lower() not in lexicon.change_verbs:
        return [run]
    if any(  # "lift the pension age from 60 to 63": figures of something else
        c.dep_ == "dobj"
        and c.lemma_.lower() not in lexicon.measure_nouns
        and lexicon.unit_entry(c) is None
        for c in verb.children
    ):
        return [run]
    to = next((t.i for t in run if t.lower_ == "to"), None)
    if to is None or to in {run.start, run.end - 1}:
        return [run]
    return [doc[run.start : to], doc[to + 1 : run.end]]


def _ascending(low: float | None, high: float | None) -> bool:
    return low is not None and high is not None and low <= high


def _upper_bound(
    number: Span, following: Span | None, kind: str | None, lexicon: Lexicon
) -> Span | None:
    """ "more than 400 and less than 600": the run after "and" + a max hedge, if any."""
    if kind != "min" or following is None:
        return None
    doc = number.doc
    if number.end >= len(doc) or doc[number.end].lower_ not in {"and", "but"}:
        return None
    start, upper_kind = _hedge(following, lexicon)
    if upper_kind in {"max", "approx_max"} and start == number.end + 1:
        return following
    return None


def _headed(c: _Candidate, sent: Span, lexicon: Lexicon) -> Count | str | None:
    """The count of a number with a counted noun; ``_BARE`` when it has none; None when
    it counts something other than people."""
    number = c.number
    unit, anchor, nationality = _unit(number[-1], number, lexicon)
    if unit is None and nationality is None and c.upper is not None:
        number = c.upper
        unit, anchor, nationality = _unit(number[-1], number, lexicon)
    if unit is None and nationality is None:
        return _BARE if _bare_shape(anchor, number, lexicon) else None
    unit_class = _unit_class(unit, nationality, sent, lexicon)
    if unit_class is None or _background(unit or nationality or anchor, lexicon):
        return None
    if _density(unit or nationality or anchor, lexicon):
        return None
    if (c.hedge_start == number.start and _member(number)) or _capacity(
        unit or nationality or anchor, lexicon
    ):
        return None
    last = number[-1]
    end_tok = unit if unit is not None and unit.i > last.i else (nationality or last)
    clause = _between_clause(anchor)
    if clause is not None:
        return _make(
            c,
            lexicon,
            unit_class,
            clause,
            unit or nationality,
            end_tok,
            nationality,
            predicate=trigger_of(clause, lexicon),
        )
    # a list label says what the item's figure counts: "- Arrested: nine survivors"
    label = _colon_label(number.doc[c.hedge_start : number.end], lexicon)
    return _make(
        c,
        lexicon,
        unit_class,
        anchor,
        unit or nationality,
        end_tok,
        nationality,
        predicate=label[1] if label is not None else None,
    )


def _density(noun: Token, lexicon: Lexicon) -> bool:
    """ "two people per square metre", "four pupils per desk": people counted per a thing
    that is no span of time are a density, not people anywhere ("35 patients per day" is a
    rate, which reconcile tells apart)."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "per":
        return False
    per = doc[noun.i + 1]
    objects = [c for c in per.children if c.dep_ == "pobj"] or list(doc[per.i + 1 : per.i + 4])
    periods = lexicon.where_when.period_nouns
    return not any(t.lemma_.lower() in periods for t in objects)


def _member(number: Span) -> bool:
    """ "one of the guards", "One of the wounded was 12": "one of" singles out a member of
    a group the text counts elsewhere; it states no count of its own, unless "only" or a
    hedge ("at least one of them", checked by the caller) makes the one a count."""
    doc = number.doc
    if number.text.lower() != "one" or number.end >= len(doc) or doc[number.end].lower_ != "of":
        return False
    before = doc[number.start - 1].lower_ if number.start > 0 else ""
    return before not in ONLY_WORDS  # "only one of the 40 survived": a count of one


ONLY_WORDS = frozenset({"only", "just", "merely", "but"})


def _capacity(noun: Token, lexicon: Lexicon) -> bool:
    """ "a jail built in 1950 for 600 inmates": people after "for" on a verb of making a
    thing for them are its capacity, not people counted anywhere."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.lemma_.lower() in lexicon.capacity_verbs
    )


def _between_clause(noun: Token) -> Token | None:
    """ "said between 5 and 8 miners may be trapped": the parser hangs "between" on the verb
    of saying, leaving the clause it belongs to without a subject. That clause (the first
    subjectless complement after the noun) is where the count's verb, source and modality
    are read."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "between" or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    for child in prep.head.children:
        if (
            child.dep_ in {"ccomp", "conj", "xcomp"}
            and child.i > noun.i
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        ):
            return child
    return None


def _background(noun: Token, lexicon: Lexicon) -> bool:
    """People named as the "of" of an abstract noun ("the oppression of 20 million citizens",
    "the rights of 400 workers") are who a statement is about, not a count it states. The
    "of" of an event, a measure, a group or a place does state one ("the evacuation of 300
    residents", "a town of 9,000 people", "a group of 40 migrants")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    holder = prep.head
    if holder.pos_ != "NOUN" or holder.like_num or holder.lower_ in SCALE_WORDS:
        return False
    lemma = holder.lemma_.lower()
    return not (
        lemma in lexicon.noun_predicates
        or holder.lower_ in lexicon.noun_predicates
        or lemma in lexicon.measure_nouns
        or lemma in lexicon.location_heads
        or lemma in lexicon.group_nouns
        or lexicon.unit_entry(holder) is not None
    )


def table_value(cell: Cell, lexicon: Lexicon) -> CountValue | None:
    """The interval a table cell states, bounded by its hedge like any count."""
    return _value(cell.value, cell.hedge, None, cell.unit, lexicon.max_count)


def _bare_shape(anchor: Token, number: Span, lexicon: Lexicon) -> bool:
    """Whether the number stands alone: no noun counted, or a pronoun ("nine of them") or a
    people adjective ("2,310 dead") in the noun's place."""
    if number.start <= anchor.i < number.end:
        return True
    if anchor.pos_ == "PRON" or anchor.lower_ in lexicon.people_adjectives:
        return True
    # "nearer 8,000 if untested ones are included", "killed 12 workers and injured 30 others"
    if anchor.lemma_.lower() in ELIDED_HEADS:
        return True
    return anchor.lemma_.lower() in lexicon.people_adjectives


def _make(
    c: _Candidate,
    lexicon: Lexicon,
    unit_class: str,
    anchor: Token,
    unit_token: Token | None,
    end_tok: Token,
    nationality: Token | None = None,
    predicate: str | None = None,
    fallback: str | None = None,
    lent: Count | None = None,
    figure: bool = False,
) -> Count | None:
    number = c.upper or c.number
    governed = anchor if unit_token is not None else _outer(number, number[-1])
    kind = c.kind or _verb_hedge(governed, lexicon)
    if c.kind == "range":
        kind = None
    value = _value(c.rng, kind, _suffix(number, lexicon), unit_class, lexicon.max_count)
    if value is None:
        return None
    doc = number.doc
    span = doc[c.hedge_start : max(end_tok.i + 1, number.end)]
    written = not any(ch.isdigit() for ch in c.number.text)
    before = doc[c.hedge_start - 1] if c.hedge_start > 0 else None
    negated = before is not None and before.lower_ in lexicon.modality.negated.words
    return Count(
        span=span,
        number=c.number,
        unit_token=unit_token,
        anchor=anchor,
        value=value,
        written_out=written,
        nationality=nationality,
        predicate=predicate,
        fallback=fallback,
        negated=negated,
        noun=_noun_lemma(unit_token or nationality, lexicon) or (lent.noun if lent else None),
        figure=figure,
    )


def _noun_lemma(token: Token | None, lexicon: Lexicon) -> str | None:
    """What a count counts, as a lemma ("workers" -> "worker"); people named by their
    nationality, as a noun or an adjective, are that country's ("13 Velorians" and "13
    Velorian nationals" -> "velor"), so two ways of naming them count the same people."""
    if token is None:
        return None
    for word in (token, *(c for c in token.children if c.dep_ in {"amod", "compound"})):
        country = lexicon.demonym_index.get(word.lower_)
        if country is not None:
            return country.lower()
    lemma = token.lemma_.lower()
    if lemma in lexicon.nationality_nouns:
        return _of_country(token, lexicon) or lemma
    return lemma


def _of_country(token: Token, lexicon: Lexicon) -> str | None:
    """The country an "of" names after a noun of nationality ("ten nationals of X", "13
    citizens of the Republic of X"): those people are that country's, as "ten Xian
    nationals" are."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for word in prep.subtree:
            if word.pos_ != "PROPN":
                continue
            name = " ".join(t.text for t in word.subtree if t.pos_ == "PROPN") or word.text
            for text in (name, word.text):
                canonical = lexicon.alias_index.get(text.lower(), text)
                if canonical.lower() in lexicon.country_set:
                    return canonical.lower()
    return None


def _bare(c: _Candidate, sent: Span, lexicon: Lexicon, near: Count | None) -> Count | None:
    """A number with no counted noun, kept when something says it counts people."""
    number = c.number
    outer = _outer(number, number[-1])
    if number.text.lower() in lexicon.bare_never or _label_like(number, outer, lexicon):
        return None
    if outer.dep_ in {"dobj", "attr", "acomp", "oprd"} and outer.head.lemma_ in lexicon.age_verbs:
        return None  # "she turned four"
    adjective = _people_adjective(number, outer, lexicon)
    if adjective is not None:
        token, predicate = adjective
        return _make(c, lexicon, "people", token, None, token, predicate=predicate)
    host = _apposed_people(c, lexicon)
    if host is not None:  # "the older guards, ten of them,"
        entry = lexicon.unit_entry(host)
        unit = entry.cls if entry is not None else "people"
        return _make(c, lexicon, unit, host, host, number[-1])
    pronoun = _people_pronoun(number, lexicon)
    if pronoun is not None:  # "there were sixty of us"
        return _make(c, lexicon, "people", outer, None, pronoun)
    state = state_predicate(outer, lexicon)  # "2.5 million on the streets", "239 aboard"
    if state is not None and lexicon.measure_of(state) != "other":
        return _make(c, lexicon, "people", outer, None, number[-1], predicate=state)
    clause = _clause_after(number, outer)
    if clause is not None and (found := clause_trigger(clause, lexicon)) is not None:
        return _make(c, lexicon, "people", outer, None, number[-1], predicate=found.predicate)
    label = _colon_label(number.doc[c.hedge_start : number.end], lexicon)
    if label is not None:
        label_unit, label_predicate = label
        return _make(c, lexicon, label_unit, outer, None, number[-1], predicate=label_predicate)
    town = _population_of(outer, lexicon)
    if town is not None:  # "the town of 38,000": the people who live there
        return _make(c, lexicon, "people", town, None, number[-1])
    owner = value_owner(_attached(number, outer), lexicon)
    if owner.thing:
        return None
    if owner.measure is not None and (
        owner.measure.predicate or owner.people or near or _names_people(sent, lexicon)
    ):
        unit = owner.unit_class or owner.measure.unit
        return _make(
            c,
            lexicon,
            unit,
            owner.token or outer,
            None,
            number[-1],
            predicate=owner.measure.predicate or owner.predicate,
            fallback=near_predicate(near, lexicon),
            figure=owner.measure.predicate is None and owner.predicate is None,
        )
    if owner.people:
        unit = owner.unit_class or "people"
        return _make(c, lexicon, unit, outer, None, number[-1], predicate=owner.predicate)
    if not _nominal(outer, lexicon) or _year_like(number):
        return None
    if _governing_measure(outer, lexicon) or _counted(outer, lexicon):
        unit = near.value.unit if near is not None else "people"
        fallback = near_predicate(near, lexicon)
        return _make(c, lexicon, unit, outer, None, number[-1], fallback=fallback, lent=near)
    complement = _copular_people(outer, lexicon) if near is not None else None
    if complement is not None:  # "three of them are nurses and 16 are pupils": 16 pupils
        entry = lexicon.unit_entry(complement)
        unit = entry.cls if entry is not None else "people"
        fallback = near_predicate(near, lexicon)
        return _make(c, lexicon, unit, outer, complement, number[-1], fallback=fallback)
    if near is not None and not _share_base(outer):
        return _make(
            c,
            lexicon,
            near.value.unit,
            outer,
            None,
            number[-1],
            fallback=None if _own_verb(outer, lexicon) else near_predicate(near, lexicon),
            lent=near,
        )
    return None


def _apposed_people(c: _Candidate, lexicon: Lexicon) -> Token | None:
    """ "The older guards, ten of them, stood ...": a partitive of a pronoun set off by a
    comma right after a people noun counts that noun's people. A partitive after a clause
    ("52 stayed on the ward, five of them on oxygen") is a part of the count before
    it, read by ``_as_part``."""
    doc = c.number.doc
    k = c.hedge_start - 1
    while k > 0 and doc[k].pos_ == "ADV":  # "the guards, maybe ten of them,"
        k -= 1
    end = (c.upper or c.number).end
    if k < 1 or doc[k].text != "," or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    if doc[end + 1].lower_ not in PARTITIVE_PRONOUNS:
        return None
    head = doc[k - 1]
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return head if lexicon.unit_entry(head) is not None else None


def _people_pronoun(number: Span, lexicon: Lexicon) -> Token | None:
    """ "sixty of us", "maybe forty of you": a partitive of a pronoun that can only stand
    for people counts people. "The two of us" names a known pair rather than counting."""
    doc = number.doc
    if number.end + 1 >= len(doc) or doc[number.end].lower_ != "of":
        return None
    pronoun = doc[number.end + 1]
    if pronoun.lower_ not in lexicon.people_pronouns:
        return None
    first = doc[number.start - 1] if number.start > 0 else None
    return None if first is not None and first.lower_ == "the" else pronoun


def _own_verb_lemma(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb says something of its own about a number on its preposition: not a
    verb of being, of value or of reporting, and no trigger (a trigger names the event)."""
    lemma = verb.lemma_.lower()
    return (
        lemma not in lexicon.presence_verbs
        and lemma not in lexicon.value_verbs
        and lemma not in lexicon.attribution_verbs
        and trigger_of(verb, lexicon) is None
    )


def _own_verb(outer: Token, lexicon: Lexicon) -> bool:
    """Whether a bare number is the subject of a verb of its own that says what happened to
    its people ("300 were arrested and 40 were later charged"): that verb, not its
    neighbour's measure, names its predicate. Verbs of being, of value and of reporting say
    nothing more ("another 40 remain", "the 60 previously announced"). So is the object of
    a preposition of such a verb ("the hall was designed for 900": its capacity, not how
    many came to it)."""
    verb = outer.head
    if outer.dep_ == "pobj" and verb.dep_ == "prep":
        outer, verb = verb, verb.head
        if verb.pos_ != "VERB" or outer.i < verb.i:
            return False
        return _own_verb_lemma(verb, lexicon)
    lemma = verb.lemma_.lower()
    return (
        outer.dep_ in {"nsubj", "nsubjpass"}
        and verb.pos_ == "VERB"
        and lemma not in lexicon.presence_verbs
        and lemma not in lexicon.value_verbs
        and lemma not in lexicon.attribution_verbs
    )


def _clause_after(number: Span, outer: Token) -> Token | None:
    """The verb whose subject a bare number is when the parser coordinated the number with
    the count before it instead: in "killed 14 people and 31 were in hospital" the 31 are
    the subject of "were in hospital", not more of the killed. A verb right after the
    number, coordinated with an earlier one and with no subject of its own."""
    doc = number.doc
    if outer.dep_ != "conj" or number.end >= len(doc):
        return None
    verb = doc[number.end]
    if verb.dep_ in {"aux", "auxpass"}:
        verb = verb.head
    if verb.pos_ not in {"AUX", "VERB"} or verb.head.i >= number.start:
        return None
    found = stranded_subject(verb)
    return verb if found is not None and found.i == outer.i else None


SHARE_WORDS = frozenset({"%", "percent", "half", "third", "quarter", "fraction", "share"})


def _share_base(outer: Token) -> bool:
    """ "nearly 30% of the 52,000 it employs": the number a share is taken of is the
    whole population, not more of the count beside it."""
    head = outer.head
    return (
        outer.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lower_ in SHARE_WORDS or head.head.lemma_.lower() in SHARE_WORDS)
    )


def _nominal(outer: Token, lexicon: Lexicon) -> bool:
    """Whether a bare number stands where a noun phrase would: a subject, object or
    apposition; or a number the parser hung on a pronoun or another number ("the 318 the
    agency recorded"), which only a noun phrase can be."""
    if outer.dep_ in lexicon.nominal_deps or _after_colon(outer):
        return True
    return outer.dep_ in {"nummod", "quantmod"} and (
        outer.head.pos_ in {"PRON", "DET", "NUM"} or outer.head.lemma_.lower() in ELIDED_HEADS
    )


def _after_colon(token: Token) -> bool:
    """ "- **Day two:** 16, among them ...": a figure given as a list item's value."""
    k = token.i - 1
    while k >= 0 and not token.doc[k].text.strip("*_"):
        k -= 1
    return k >= 0 and token.doc[k].text.strip("*_").endswith(":")


def _names_people(sent: Span, lexicon: Lexicon) -> bool:
    """Whether the sentence names people anywhere ("the true figure was 90, most of
    them pupils"), so that a figure noun in it counts them."""
    return any(
        t.pos_ in {"NOUN", "PROPN"}
        and (lexicon.unit_entry(t) or t.lower_ in lexicon.demonym_index or t.ent_type_ == "NORP")
        for t in sent
    )


_LABEL_STOPS = frozenset({".", ";", ":", "-", "•", "|"})
MAX_LABEL_TOKENS = 16


def _colon_label(number: Span, lexicon: Lexicon) -> tuple[str, str | None] | None:
    """ "Bodies recovered: 78", "- **Injured:** 441": a figure after a label that names
    people (read like a table header)."""
    doc = number.doc
    first = _sentence_start(number, MAX_LABEL_TOKENS)
    k = number.start - 1
    while k >= first and not doc[k].text.strip("*_"):
        k -= 1
    if k < first or doc[k].text.strip("*_") != ":":
        return None
    start = k
    while start > first and doc[start - 1].text.strip("*_") not in _LABEL_STOPS:
        start -= 1
    return names(doc[start:k].text, lexicon) or _label_event(doc[start:k], lexicon)


def _label_event(label: Span, lexicon: Lexicon) -> tuple[str, str | None] | None:
    """A label that names what happened to people by a verb ("Laid off by the firm:",
    "Walked out:"): the measure of its trigger."""
    for token in label:
        name = trigger_of(token, lexicon)
        entry = lexicon.predicates.get(name) if name else None
        if entry is not None and entry.measure is not None:
            return "people", name
    return None


def _sentence_start(number: Span, window: int) -> int:
    """The start of the number's sentence, looking back at most ``window`` tokens (a Span's
    ``.sent`` scans the whole sentence, which costs too much in a run-on list of figures)."""
    doc = number.doc
    k = number.start
    while k > 0 and number.start - k < window and not doc[k].is_sent_start:
        k -= 1
    return k


def _attached(number: Span, outer: Token) -> list[Token]:
    """The tokens of a number run whose head lies outside it, ``outer`` first."""
    rest = [t for t in number if t.i != outer.i and not number.start <= t.head.i < number.end]
    return [outer, *rest]


def _copular_people(outer: Token, lexicon: Lexicon) -> Token | None:
    """The people noun a bare number is said to be ("28 are minors", "seven were
    children"): the subject of "be" whose complement names people counts those people, a
    part of the group counted before it."""
    verb = outer.head if outer.dep_ == "nsubj" else _next_be(outer)
    if verb is None or verb.lemma_.lower() != "be":
        return None
    for child in verb.children:
        if child.dep_ == "attr" and child.i > outer.i and lexicon.unit_entry(child) is not None:
            return child
    return None


def _next_be(outer: Token) -> Token | None:
    """A subjectless "be" right after a number the parser coordinated with the noun before
    it ("... are women and 28 are minors", 28 hung on "women"): the number is its subject."""
    doc = outer.doc
    if outer.dep_ != "conj" or outer.i + 1 >= len(doc):
        return None
    after = doc[outer.i + 1]
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in after.children):
        return None
    return after


def near_predicate(near: Count | None, lexicon: Lexicon) -> str | None:
    """What the count of people beside a bare number says happened, for an elided head."""
    if near is None:
        return None
    if near.predicate:
        return near.predicate
    trigger = find_trigger(near.anchor, lexicon)
    if trigger is not None and not mere_presence(trigger, near.value.unit, lexicon):
        return trigger.predicate  # its own event, before what it borrowed itself
    if near.fallback:
        return near.fallback
    if near.unit_token is None or captive_doer(near.unit_token, lexicon):
        return None  # "160 prisoners were involved": doers, their noun's state is not theirs
    entry = lexicon.unit_entry(near.unit_token)
    return entry.default_predicate if entry is not None else None


def _governing_measure(outer: Token, lexicon: Lexicon) -> bool:
    """A bare subject or object of a verb that counts people ("40 were killed")."""
    if outer.dep_ not in {"nsubj", "nsubjpass", "dobj", "attr", "conj", "appos"}:
        return False
    head = outer.head
    name = trigger_of(head, lexicon) if head.i != outer.i else None
    if name is None and head.pos_ in {"VERB", "AUX"}:
        for child in head.children:
            if child.dep_ in {"acomp", "attr", "oprd", "xcomp"}:
                name = trigger_of(child, lexicon)
                if name is not None:
                    break
    entry = lexicon.predicates.get(name) if name else None
    return entry is not None and entry.measure is not None


def _counted(outer: Token, lexicon: Lexicon) -> bool:
    """A bare object of a verb of counting ("the organisers counted 64,000"): a head count."""
    return outer.dep_ == "dobj" and outer.head.lemma_.lower() in lexicon.counting_verbs


def _people_adjective(number: Span, outer: Token, lexicon: Lexicon) -> tuple[Token, str] | None:
    """ "2,310 dead", "230 wounded", "12 freed": the word after the number stands for people."""
    doc = number.doc
    if number.end >= len(doc):
        return None
    nxt = doc[number.end]
    if nxt.is_sent_start:
        return None
    for word in (nxt.lower_, nxt.lemma_.lower()):
        predicate = lexicon.people_adjectives.get(word)
        if predicate is not None and nxt.pos_ in {"ADJ", "VERB", "NOUN"}:
            return nxt, predicate
    return None


def _is_numberish(token: Token) -> bool:
    text = token.text
    # The three patterns start with a digit (\d, i.e. str.isdecimal): most tokens are
    # words, and skipping the regexes for them matters in this per-token test.
    digit_first = text[:1].isdecimal()
    if digit_first and _K_SUFFIX.match(text):  # "10k": NER may call it a date
        return True
    low = token.lower_
    if token.ent_type_ == "ORDINAL" or (low[:1].isdecimal() and _ORDINAL.match(low)):
        return False
    return (
        (token.like_num and not _looks_like_code(token))
        or low in SCALE_WORDS
        or (digit_first and _GLUED_RANGE.match(text) is not None)
    )


def _looks_like_code(token: Token) -> bool:
    """Digits glued to letters ("KN-23", "T-72", "j6yK") are names, not quantities."""
    text = token.text
    return (
        any(c.isalpha() for c in text)
        and any(c.isdigit() for c in text)
        and _K_SUFFIX.match(text) is None
        and _GLUED_RANGE.match(text) is None
    )


def _number_runs(sent: Span) -> list[Span]:
    """Maximal runs of number tokens, joined by range connectors ("4,000 to 5,000")."""
    doc = sent.doc
    runs: list[Span] = []
    i = sent.start
    while i < sent.end:
        if not _is_numberish(doc[i]) or not _has_digit_or_word(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < sent.end:
            if _is_numberish(doc[j]):
                j += 1
            elif _and_a_half(doc, j, sent.end):
                j += 3
            elif (
                doc[j].lower_ in CONNECTORS
                and j + 1 < sent.end
                and _is_numberish(doc[j + 1])
                and doc[j].lower_ != "of"
            ) or _thousands_space(doc, j, sent.end):
                j += 2
            else:
                break
        j = _glued_suffix(doc, j, sent.end)
        start = _fraction_start(doc, i, sent.start)
        if (
            start == i
            and start > sent.start
            and doc[start - 1].lower_ in {"a", "an"}
            and doc[start].lower_ in SCALE_WORDS
        ):
            start -= 1
        if start > sent.start and doc[start - 1].lower_ == "between":
            start -= 1
        runs.append(doc[start:j])
        i = j
    return runs


def _glued_suffix(doc, j: int, end: int) -> int:
    """ "1.5m", "10M", "2bn": a scale letter the tokenizer split from its digits."""
    if (
        j < end
        and not doc[j - 1].whitespace_
        and doc[j - 1].text[-1:].isdigit()
        and doc[j].lower_ in {"m", "k", "bn", "mn", "mln"}
    ):
        return j + 1
    return j


def _fraction_start(doc, i: int, start: int) -> int:
    """ "half a million", "a quarter million", "a quarter of a million": the fraction
    before a scale word belongs to the number."""
    if doc[i].lower_ not in SCALE_WORDS:
        return i
    k = i
    if k - 1 >= start and doc[k - 1].lower_ in {"a", "an"}:
        k -= 1
        if k - 1 >= start and doc[k - 1].lower_ == "of":
            k -= 1
    if k - 1 >= start and doc[k - 1].lower_ in {"half", "quarter"}:
        k -= 1
        if k - 1 >= start and doc[k - 1].lower_ in {"a", "an"}:
            k -= 1
        return k
    return i


def _and_a_half(doc, j: int, end: int) -> bool:
    """ "two and a half million": "and a half" before a scale word joins the run."""
    return (
        j + 3 < end
        and [t.lower_ for t in doc[j : j + 3]] == ["and", "a", "half"]
        and doc[j + 3].lower_ in SCALE_WORDS
    )


def _thousands_space(doc, j: int, end: int) -> bool:
    """ "12 000" with a thin or no-break space, which the tokenizer keeps as its own token."""
    return (
        doc[j].is_space
        and j + 1 < end
        and len(doc[j + 1].text) == 3
        and doc[j + 1].text.isdigit()
        and doc[j - 1].text[-1:].isdigit()
    )


def _has_digit_or_word(token: Token) -> bool:
    return (
        token.like_num
        or token.lower_ in SCALE_WORDS
        or _GLUED_RANGE.match(token.text) is not None
        or _K_SUFFIX.match(token.text) is not None
    )


def _not_a_count(number: Span, lexicon: Lexicon) -> bool:
    """Numbers that are never counts whatever they modify: money, percentages, powers,
    ages, times and calendar dates ("54-year-old", "10 a.m.", "16 June", "June 16")."""
    return (
        _preceded_by_currency(number)
        or _followed_by_non_count(number)
        or _exponent(number)
        or _in_date(number, lexicon)
        or _age(number, lexicon)
        or _glued_to_word(number)
        or _ratio(number, lexicon)
    )


def _ratio(number: Span, lexicon: Lexicon) -> bool:
    """ "one in five residents", "1 in 3": a proportion, not a count; nor is the whole of a
    score ("61 points out of 100": what it is out of is points, not people)."""
    doc = number.doc
    if number.start >= 2 and doc[number.start - 1].lower_ == "in":
        return doc[number.start - 2].like_num
    if number.start < 4 or [t.lower_ for t in doc[number.start - 2 : number.start]] != [
        "out",
        "of",
    ]:
        return False
    noun = doc[number.start - 3]
    return (
        noun.pos_ == "NOUN" and not _people_noun(noun, lexicon) and doc[number.start - 4].like_num
    )


def _in_date(number: Span, lexicon: Lexicon) -> bool:
    doc = number.doc
    before = doc[number.start - 1] if number.start > 0 else None
    after = doc[number.end] if number.end < len(doc) else None
    if any(_month(t, lexicon) for t in (before, after)):
        return True
    if after is not None and after.lower_ in lexicon.time_words:
        return True
    if after is not None and _day_part_after(after, lexicon):
        return True
    return ":" in number.text or "/" in number.text


def _day_part_after(after: Token, lexicon: Lexicon) -> bool:
    """ "by six this evening", "at nine tomorrow morning", "at ten tonight": a number
    followed by a part of a day is a clock time."""
    doc = after.doc
    if after.lower_ == "tonight":
        return True
    nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return (
        after.lower_ in {"this", "tomorrow", "yesterday", "last"}
        and nxt is not None
        and nxt.lower_ in lexicon.where_when.day_parts
    )


def _month(token: Token | None, lexicon: Lexicon) -> bool:
    """A capitalised month or weekday name ("March", "Nov."), not the verb "march"."""
    return (
        token is not None
        and token.text[:1].isupper()
        and token.lower_.rstrip(".") in lexicon.month_words
    )


AGE_WORDS = frozenset({"aged", "age", "ages"})
AGE_BOUNDS = frozenset({"under", "over", "above", "below"})
AGE_HEDGES = frozenset({"about", "around", "roughly", "nearly", "almost", "barely", "just"})


def _age(number: Span, lexicon: Lexicon) -> bool:
    """An age, not a count: "aged 54", "aged over 75", "children under 12" (a bound on the
    age of the people just named), and a number set off by commas right after a person
    ("Edda Kransk, 47, said", "a porter, 61, and a driver")."""
    doc = number.doc
    if number.start < 1:
        return False
    before = doc[number.start - 1]
    if before.lower_ in AGE_WORDS:
        return True
    two_back = doc[number.start - 2] if number.start >= 2 else None
    after = doc[number.end] if number.end < len(doc) else None
    if before.lower_ in AGE_BOUNDS and two_back is not None:
        bare = after is None or after.pos_ not in {"NOUN", "PROPN"}
        return bare and (two_back.lower_ in AGE_WORDS or _people_noun(two_back, lexicon))
    if _age_of_one(number, lexicon) or _age_stated(number):
        return True
    return (
        before.text == ","
        and (after is None or after.text in {",", ".", ";", ")", ":"})
        and two_back is not None
        and (
            two_back.ent_type_ == "PERSON"
            or two_back.pos_ == "PROPN"
            or _people_noun(two_back, lexicon)
            or _one_of_a_kind(two_back)
        )
    )


def _one_of_a_kind(noun: Token) -> bool:
    """ "a retired nurse, 78, ...": one person named by a singular noun with "a" before a
    number in commas; one thing cannot be counted by a number, so the number is an age."""
    return (
        noun.tag_ == "NN"
        and noun.is_lower
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
    )


def _age_of_one(number: Span, lexicon: Lexicon) -> bool:
    """ "a boy of about ten", "a woman of 70": a number after "of" (and its hedge) on one
    person named by a singular noun is that person's age, when no noun follows it."""
    doc = number.doc
    k = number.start - 1
    while k > 0 and doc[k].lower_ in AGE_HEDGES:
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return False
    noun = doc[k - 1]
    after = doc[number.end] if number.end < len(doc) else None
    bare = after is None or after.pos_ not in {"NOUN", "PROPN"}
    collective = noun.lemma_.lower() in lexicon.collective_people
    return bare and noun.tag_ == "NN" and _people_noun(noun, lexicon) and not collective


def _age_stated(number: Span) -> bool:
    """ "I am 71", "she was 80": a bare number as the complement of "be" whose subject
    is one person (a singular personal pronoun or a person's name) is that person's age."""
    last = number[-1]
    verb = last.head
    if last.dep_ not in {"attr", "acomp", "npadvmod"} or verb.lemma_ != "be":
        return False
    rng = parse_range(number.text)
    if len(number) != 1 or rng is None or rng.high is None or not 0 < rng.high <= MAX_AGE:
        return False  # "turnout was 3.5 million": no one's age
    after = number.doc[number.end] if number.end < len(number.doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN"}:
        return False
    return any(
        c.dep_ == "nsubj"
        and (c.lower_ in {"i", "he", "she"} or (c.ent_type_ == "PERSON" and c.pos_ == "PROPN"))
        for c in verb.children
    )


def _people_noun(token: Token, lexicon: Lexicon) -> bool:
    """A common noun the lexicon counts as people ("children", "nurse")."""
    return token.pos_ == "NOUN" and (
        token.lemma_.lower() in lexicon.units or token.lower_ in lexicon.units
    )


def _glued_to_word(number: Span) -> bool:
    """ "COVID-19", "G-7": a number glued by a hyphen to the word before is part of a name."""
    doc = number.doc
    if number.start < 2:
        return False
    dash, word = doc[number.start - 1], doc[number.start - 2]
    return dash.text == "-" and not word.whitespace_ and not dash.whitespace_ and word.is_alpha


def _label_like(number: Span, outer: Token, lexicon: Lexicon) -> bool:
    """ "Article 4", "Local 862", "Flight 370": a number right after the noun it labels."""
    doc = number.doc
    if number.start == 0 or number[0].is_sent_start:
        return False
    before = doc[number.start - 1]
    if before.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return False
    if before.lower_ in lexicon.label_words:
        return True
    return (
        before.pos_ == "PROPN"
        and before.text[-1:].isalnum()
        and (outer.head.i == before.i or before.head.i == outer.i)
    )


def _year_like(number: Span) -> bool:
    """A bare four-digit number from 1800 to 2099 is a year ("in 2019"), not a count."""
    text = number.text
    return len(number) == 1 and len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2099


def _exponent(number: Span) -> bool:
    """ "10^15": neither side of a power is a count."""
    doc = number.doc
    before = doc[number.start - 1].text if number.start > 0 else ""
    after = doc[number.end].text if number.end < len(doc) else ""
    return before in EXPONENTS or after in EXPONENTS


def _preceded_by_currency(number: Span) -> bool:
    doc = number.doc
    prev = doc[number.start - 1] if number.start > 0 else None
    return prev is not None and (prev.lower_ in CURRENCY or prev.is_currency)


def _followed_by_non_count(number: Span) -> bool:
    """Whether the number measures something else ("54-year-old", "40 percent", "12%")."""
    doc = number.doc
    nxt = doc[number.end] if number.end < len(doc) else None
    if nxt is None:
        return False
    if nxt.text == "-" and _strong(number):
        return False
    if nxt.text in {"-", "%"} or nxt.lower_ in {"percent", "per", "%"}:
        return True
    return nxt.lower_ in CURRENCY


def _strong(number: Span) -> Token | None:
    """ "a 9,000-strong force": the word "strong" after the number's hyphen."""
    doc = number.doc
    k = number.end
    if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ == "strong":
        return doc[k + 1]
    return None


def _unit(last: Token, number: Span, lexicon: Lexicon) -> tuple[Token | None, Token, Token | None]:
    """(counted noun, anchor for the parse path, nationality noun) of a number run."""
    strong = _strong(number)
    if strong is not None:
        noun = _noun_of(strong.head) if strong.head.i != strong.i else None
        if noun is not None:
            return noun, noun, None
    last = _outer(number, last)
    head = last.head
    if last.dep_ in NUMERIC_DEPS and head.i != last.i and head.i >= number.end - 1:
        noun = _noun_of(head)
        if noun is not None:
            return _classify(noun, lexicon)
    partitive = _partitive_object(last, number)
    if partitive is not None:
        unit, _, nationality = _classify(partitive, lexicon)
        if unit is None and nationality is None and _thing_noun(partitive, lexicon):
            return None, partitive, None  # "five of the eight wagons": a part of things
        return unit, last, nationality
    following = _linear_head(number, lexicon)
    if following is not None:
        return following, following, None
    return None, last, None


def _linear_head(number: Span, lexicon: Lexicon) -> Token | None:
    """A people noun right after the number, past its modifiers, when the parse hung them
    elsewhere ("cared for more than 800 confirmed fever patients")."""
    doc = number.doc
    for k in range(number.end, min(number.end + 4, len(doc))):
        token = doc[k]
        if token.is_sent_start:
            return None
        if lexicon.unit_entry(token) is not None and token.pos_ in {"NOUN", "PROPN"}:
            return token
        if token.pos_ not in {"ADJ", "PROPN", "VERB", "NOUN"} or token.is_punct:
            return None
        if token.pos_ == "VERB" and token.tag_ not in {"VBN", "VBG", "VBD"}:
            return None
    return None


def _outer(number: Span, last: Token) -> Token:
    """The number token attached outside its run ("between 5 and 8 miners": the 5)."""
    for token in number:
        if not (number.start <= token.head.i < number.end) and token.dep_ in NUMERIC_DEPS:
            return token
    return last


def _noun_of(head: Token) -> Token | None:
    """The noun a number modifies, walking through "Kestovan infantry troops" compounds."""
    token = head
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token if token.pos_ in {"NOUN", "PROPN", "ADJ"} else None


def _partitive_object(last: Token, number: Span) -> Token | None:
    """The object of a partitive "of" ("800 of these troops", "dozens of protesters")."""
    for carrier in (last, *[t for t in number if t.dep_ not in {"quantmod"}]):
        for child in carrier.children:
            if child.lower_ == "of" and child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _thing_noun(noun: Token, lexicon: Lexicon) -> bool:
    """A common noun that names things, not people nor a figure of them: no people noun,
    people adjective, measure noun or scale word ("wagons", not "the dead", "the total")."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "NOUN"
        and noun.lower_ not in SCALE_WORDS
        and noun.lower_ not in OWN_PRONOUNS  # "two of ours", tagged as a noun at times
        and lemma not in lexicon.people_adjectives
        and noun.lower_ not in lexicon.people_adjectives
        and lemma not in lexicon.measure_nouns
        and lemma not in ELIDED_HEADS
    )


def _classify(noun: Token, lexicon: Lexicon) -> tuple[Token | None, Token, Token | None]:
    if lexicon.unit_entry(noun) is not None:
        return noun, noun, None
    if noun.ent_type_ == "NORP" or noun.lower_ in lexicon.demonym_index:
        return None, noun, noun
    return None, noun, None


def _unit_class(
    unit: Token | None, nationality: Token | None, sent: Span, lexicon: Lexicon
) -> str | None:
    if unit is None:
        return lexicon.demonym_unit_class if nationality is not None else None
    entry = lexicon.unit_entry(unit)
    if entry is None:
        return "people" if _strong_unit(unit) else None
    if entry.military_class and _military(sent, lexicon):
        return entry.military_class
    return entry.cls


def _strong_unit(unit: Token) -> bool:
    """Whatever a "N-strong" phrase modifies is a body of people ("a 300-strong crowd")."""
    return any(c.lower_ == "strong" and c.i < unit.i for c in unit.children) or any(
        t.lower_ == "strong" for t in unit.doc[max(unit.i - 3, 0) : unit.i]
    )


def _military(sent: Span, lexicon: Lexicon) -> bool:
    words = set(lexicon.military_context)
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def _hedge(number: Span, lexicon: Lexicon) -> tuple[int, str | None]:
    """Start token index of the hedge before ``number`` (longest match) and its kind."""
    doc = number.doc
    table = lexicon.hedge_kinds
    if number.start == 0 or doc[number.start - 1].lower_ not in lexicon.hedge_last_words:
        return number.start, None
    longest = lexicon.hedge_longest
    first = _sentence_start(number, longest)
    for size in range(longest, 0, -1):
        start = number.start - size
        if start < first:
            continue
        words = tuple(t.lower_ for t in doc[start : number.start])
        kind = table.get(words)
        if kind is not None:
            return start, (None if _risen_up_to(words, doc, start) else kind)
    return number.start, None


def _risen_up_to(words: tuple[str, ...], doc: Doc, start: int) -> bool:
    """ "the count is up to 93", "is now up to 93": "up to" as the complement of "be" says
    the figure has risen to that number, a figure stated exactly, not a ceiling."""
    if words != ("up", "to"):
        return False
    k = start - 1
    if k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and doc[k].lemma_ == "be" and doc[k].pos_ in {"AUX", "VERB"}


def _suffix(number: Span, lexicon: Lexicon) -> str | None:
    """The kind a phrase after the number gives it: "500 or more" (min), "20 or fewer"
    (max), "10,000 or so" (approx); a comma may set it off ("410, and it may be more")."""
    doc = number.doc
    comma = number.end < len(doc) and doc[number.end].text == ","
    start = number.end + 1 if comma else number.end
    for kind, phrases in (
        ("min", lexicon.min_suffixes),
        ("max", lexicon.max_suffixes),
        ("approx", lexicon.approx_suffixes),
    ):
        for phrase in phrases:
            words = phrase.split()
            end = start + len(words)
            if [t.lower_ for t in doc[start:end]] != words:
                continue
            if not comma or end >= len(doc) or doc[end].is_punct:
                return kind  # set off by a comma, it must close the clause ("300, and more")
    return None


def _verb_hedge(token: Token, lexicon: Lexicon) -> str | None:
    """ "the toll exceeded 300", "expected to pass 100" (at least), "nearing 300" (at most);
    a denied one bounds it from above ("did not exceed 300": at most)."""
    if token.dep_ not in {"dobj", "attr", "npadvmod"}:
        return None
    verb = token.head
    lemma = verb.lemma_.lower()
    if lemma in lexicon.min_verbs:
        return "max" if any(c.dep_ == "neg" for c in verb.children) else "min"
    if lemma in lexicon.approx_max_verbs:
        return "approx_max"
    return None


def _value(
    rng: NumberRange, kind: str | None, suffix: str | None, unit: str, cap: int
) -> CountValue | None:
    """The stated interval after the hedge; None for zero, negative or implausible counts."""
    low, high = _int(rng.low), _int(rng.high)
    if any(x is not None and (x <= 0 or x > cap) for x in (low, high)):
        return None
    approximate = rng.vague or kind in {"approx", "approx_max"} or suffix == "approx"
    if kind == "min" or suffix == "min":
        high = None
    elif kind in {"max", "approx_max"} or suffix == "max":
        low = None
    return CountValue(low=low, high=high, approximate=approximate, unit=unit, vague=rng.vague)


def _int(x: float | None) -> int | None:
    return None if x is None else round(x)
