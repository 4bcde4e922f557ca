"""Extraction: one document in, its entity mentions and raw claims out.

``extract_document`` is a pure map over a ``Document`` (given the pipeline and
lexicon), so documents can be processed in parallel and cached by content. It
parses paragraph by paragraph and walks sentences in order, carrying only what
reading order gives a person: the last speaker (for reported speech that
continues), the last person named (for "he said") and the last group whose
people were counted (for "these troops").
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimrec.dates import resolve_date
from claimrec.extract.datelines import dateline_places
from claimrec.extract.links import linked_mentions
from claimrec.extract.lists import Verbless, parallel_items
from claimrec.extract.mentions import ENTITY_KINDS, mention
from claimrec.extract.modality import modality
from claimrec.extract.paragraphs import Piece, mask_markup, plan
from claimrec.extract.people import with_aged_names
from claimrec.extract.places import (
    figure_places,
    follows_other_figure,
    located_places,
    place_phrase,
    place_phrases,
    site_phrases,
)
from claimrec.extract.predicates import (
    Trigger,
    captive_doer,
    counted_from_event,
    date_verb_event,
    dated_event,
    find_trigger,
    governor,
    mere_presence,
    owns,
    shares_subject,
    state_predicate,
    trigger_of,
)
from claimrec.extract.quantities import Count, counts, table_value
from claimrec.extract.speakers import Speakers
from claimrec.extract.subjects import is_anaphoric, subject_span, topic_nouns
from claimrec.extract.tables import Cell, date_text, table_cells
from claimrec.extract.when import dated_word, event_times
from claimrec.lexicon import Lexicon
from claimrec.models import (
    DateValue,
    Document,
    Evidence,
    Extraction,
    Mention,
    MentionKind,
    RawClaim,
    TimeRef,
)

# Pieces (paragraphs) per nlp.pipe batch: bigger batches keep the model's matrix products
# large; 256 measured ~6% faster than 64 on the bench corpus, for ~3% more memory.
BATCH_SIZE = 256
NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
MAX_HEAD_CLIMB = 4  # heads climbed from a figure to the verb that counts it

# Entity labels of places that can set a paragraph's scene ("In X, ...").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A fronted name that can be a place, whatever the tagger calls it ("" included); never a
# day, month or person ("On Monday, ...", "In June, ...").
FRAME_ENTITY_TYPES = PLACE_LABELS | {"", "ORG", "NORP"}
# A name that makes a site named ("X Assembly plant": NER often tags sites as organisations).
SITE_NAME_LABELS = PLACE_LABELS | {"ORG"}


@dataclass
class _Context:
    """What reading order carries from one sentence to the next within a document."""

    speakers: Speakers  # who spoke, was named, is quoted: for attribution
    subject: Mention | None = None
    count: Count | None = None  # the last count of people of the previous sentence
    frame: Mention | None = None  # a place fronted in this paragraph ("In X, ...")
    frame_paragraph: int = -1
    places: set[str] = field(default_factory=set)  # places named so far, lowercased
    tolls: Counter[str] = field(default_factory=Counter)  # predicates of measured counts so far
    current: list[str] = field(default_factory=list)  # predicates of this sentence's counts
    verbless: dict[int, Verbless] = field(default_factory=dict)  # figures no verb measures
    recent_toll: str | None = None  # the predicate of the last measured count ...
    recent_paragraph: int = -1  # ... and its paragraph, for a figure noun referring back
    # the predicates of the previous sentence's counts and its paragraph ("said 160 were
    # involved. It later put that number at 230": what the figure points back to)
    previous: list[str] = field(default_factory=list)
    previous_paragraph: int = -1
    day: TimeRef | None = None  # the last single day named, for "that day"
    sites: dict[str, Mention] = field(default_factory=dict)  # "plant" -> last named plant
    last_place: Mention | None = None  # the last place named, for "there" ...
    last_place_paragraph: int = -1  # ... within its paragraph
    countries: list[tuple[int, Mention]] = field(default_factory=list)  # (paragraph, country)
    state_bodies: dict[int, Mention] = field(default_factory=dict)  # country start -> its body


MAX_COUNTRIES = 8  # countries remembered for "the country"
COUNTRY_WINDOW = 60  # characters after a figure in which "for the country" is its own
# "its death toll of", "its count stood at": a figure of what "its" points back to
_ITS_MEASURE = re.compile(
    r"(?i)\bits\s+(?:[a-z]+\s+)?([a-z]+)\s+(?:of|at|was|is|stood at|rose to|reached)\s+$"
)


@dataclass
class _Sentence:
    sent: Span
    piece: Piece
    document: Document
    lexicon: Lexicon
    context: _Context
    subjects: dict[int, Mention] = field(default_factory=dict)  # trigger index -> count subject


def extract_document(
    document: Document, *, nlp: Language, lexicon: Lexicon, entities: str = "all"
) -> Extraction:
    """Mentions and claims of one document, in reading order."""
    return extract_documents([document], nlp=nlp, lexicon=lexicon, entities=entities)[0]


def extract_documents(
    documents: Sequence[Document], *, nlp: Language, lexicon: Lexicon, entities: str = "all"
) -> list[Extraction]:
    """Extractions of several documents, parsed together so ``nlp.pipe`` fills its batches.

    Sentences that may hold a claim get the full pipeline; the others only NER (or nothing,
    with ``entities="claims"``); see ``paragraphs.plan``. The parsed Docs of these
    documents are alive only inside this call, so callers bound memory by the batch."""
    plans = [plan(d.body, lexicon, entities=entities) for d in documents]
    flat = [p for parts in plans for p in parts]
    parsed = iter(nlp.pipe((p.text for p in flat if p.parse), batch_size=BATCH_SIZE))
    names = iter(
        nlp.pipe((p.text for p in flat if not p.parse), batch_size=BATCH_SIZE, disable=NOT_NER)
    )
    out = []
    for document, parts in zip(documents, plans, strict=True):
        docs = ((p, next(parsed) if p.parse else next(names)) for p in parts)
        out.append(extract_parsed(document, docs, lexicon=lexicon))
    return out


def extract_parsed(
    document: Document, parsed: Iterable[tuple[Piece, Doc]], *, lexicon: Lexicon
) -> Extraction:
    """Extraction from already parsed pieces (lets callers batch parsing across documents)."""
    context = _Context(Speakers.of(document.body, lexicon, document.outlet))
    mentions: list[Mention] = []
    claims: list[RawClaim] = []
    cells = table_cells(document.body, lexicon)
    for piece, parsed_doc in parsed:
        doc = with_aged_names(parsed_doc) if piece.parse else parsed_doc  # "Ivo Dren, 38,"
        named = list(_entity_mentions(doc, piece.start))
        mentions.extend(named)
        context.places.update(m.text.lower() for m in named if m.kind in {"GPE", "LOC"})
        _remember_countries(context, named, piece.paragraph, lexicon, document.body)
        if not piece.parse:
            end = piece.start + len(piece.text)
            context.speakers.read_names(doc.ents, piece.start, end, piece.paragraph)
            context.count = None  # a count's head is lent only to the next parsed sentence
            continue
        inside = [c for c in cells if piece.start <= c.start < piece.start + len(piece.text)]
        for sent in doc.sents:
            state = _Sentence(sent, piece, document, lexicon, context)
            found = (
                list(_table_claims(state, inside))
                if inside or piece.text.lstrip().startswith("|")
                else _sentence_claims(state)
            )
            claims.extend(found)
            _remember_day(context, found)
            _advance(state)
    claims = parallel_items(
        claims,
        context.verbless,
        body=document.body,
        dated=_dated_items(document.body, lexicon),
        lexicon=lexicon,
    )
    claims[:0] = _dateline_claims(document, lexicon)
    mentions, links = linked_mentions(document.body, mentions, lexicon)
    return Extraction(
        doc=document.id,
        mentions=tuple(mentions),
        claims=tuple(_with_slots(claims)),
        links=tuple(links),
    )


# ------------------------------------------------------------------ per sentence


def _sentence_claims(s: _Sentence) -> list[RawClaim]:
    _read_frame(s)
    out: list[RawClaim] = []
    found = counts(s.sent, s.lexicon, s.context.count)
    s.context.count = found[-1] if found else None
    s.context.current = []
    for count in found:
        claim = _count_claim(s, count)
        if claim is not None:
            out.append(claim)
            s.context.current.append(claim.predicate)
    s.context.previous, s.context.previous_paragraph = s.context.current, s.piece.paragraph
    out.extend(_date_claims(s))
    out.extend(_location_claims(s))
    return out


def _pulled_out(count: Count, predicate: str, lexicon: Lexicon) -> str:
    """Survivors a verb of drawing out takes as object ("divers pulled 187 survivors from
    the water", "crews dug 14 survivors out of the rubble") were rescued: the lexicon's
    ``tolls.rescue`` predicate; so were people of no other measure and of a class the
    lexicon's ``tolls.rescue_classes`` names that such a verb draws from somewhere
    ("helicopters lifted 130 people from rooftops"; "the union pulled 5,000 workers out of
    the plants" calls a strike). Survivors found, counted or brought ashore stay survivors;
    bodies pulled out are recovered (their own measure)."""
    words = lexicon.tolls
    unit = count.unit_token or count.anchor
    if words.rescue is None or unit.dep_ != "dobj":
        return predicate
    verb = unit.head
    if verb.lemma_.lower() not in words.rescue_verbs:
        return predicate
    if predicate in words.rescue_from:
        return words.rescue
    drawn = any(c.dep_ in {"prep", "prt"} and c.lower_ in _DRAWN_FROM for c in verb.children)
    entry = lexicon.unit_entry(unit)
    civilians = entry is not None and entry.cls in words.rescue_classes
    if drawn and civilians and lexicon.measure_of(predicate) == "other":
        return words.rescue
    return predicate


_DRAWN_FROM = frozenset({"from", "out"})  # "lifted 130 people from rooftops", "dug 14 out"


def _vessel_load(count: Count, lexicon: Lexicon) -> str | None:
    """People a vessel or vehicle carries are aboard it ("a ferry carrying 265 people
    capsized", "the bus carried 52 passengers"): the lexicon's ``tolls.load`` predicate
    when a verb of carrying takes the count as object and a vessel noun is its subject or
    the noun it describes. Anyone else carrying people moves them."""
    words, vessels = lexicon.tolls, lexicon.where_when.thing_nouns
    unit = count.unit_token or count.anchor
    verb = unit.head
    if words.load is None or unit.dep_ != "dobj" or verb.lemma_.lower() not in words.load_verbs:
        return None
    carriers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in {"acl", "relcl"}:
        carriers.append(verb.head)
    return words.load if any(c.lemma_.lower() in vessels for c in carriers) else None


def _intake(count: Count, trigger: Trigger | None, predicate: str, lexicon: Lexicon) -> str:
    """People taken in ("crews took 45 patients to hospital", "admitted 130 patients",
    "cared for 640 patients since May") are a flow, counted over time, not the stock of
    those in hospital now ("31 remain in hospital"): the lexicon's ``tolls.intake``
    predicate when a verb of taking in governs the count. So are those who came through
    the event ("hospitals are treating 71 survivors"), taken in by a verb of care."""
    words = lexicon.tolls
    survivors = predicate in words.intake_from  # "treating 71 survivors"
    if words.intake is None or (predicate != words.intake_of and not survivors):
        return predicate
    taking = words.care_verbs if survivors else words.intake_verbs
    unit = count.unit_token or count.anchor
    verbs = {unit.head, count.anchor.head, *([trigger.token] if trigger else [])}
    for token in (unit, count.anchor, count.number.root):
        verbs.add(token.head)
        if token.dep_ == "pobj":
            verbs.add(token.head.head)  # "cared for 640 patients"
    if any(v.pos_ == "VERB" and v.lemma_.lower() in taking for v in verbs):
        return words.intake
    return predicate


def _reported(count: Count, predicate: str, lexicon: Lexicon) -> str:
    """People "reported missing" are the reports made ("families reported 140 people
    missing through the helpline", some twice), not those still unaccounted for: the lexicon's
    ``tolls.reported`` predicate when a verb of reporting takes the state as its
    complement."""
    words = lexicon.tolls
    if words.reported is None or lexicon.measure_of(predicate) != words.reported_of:
        return predicate
    unit = count.unit_token or count.anchor
    for verb in {unit.head, count.anchor.head}:
        if verb.lemma_.lower() in words.report_verbs and any(
            c.dep_ in {"oprd", "acomp", "xcomp"}
            and lexicon.people_adjectives.get(c.lower_) == predicate
            for c in verb.children
        ):
            return words.reported
    return predicate


def _own_state(count: Count, trigger: Trigger | None, lexicon: Lexicon) -> str | None:
    """A state the count's own words put its people in ("four of whom are in intensive
    care", "Eleven remain in intensive care"),
    before any predicate borrowed with an elided head ("20 remain in hospital, six of them
    ..."): the six are said to be in critical care, not merely in hospital."""
    if trigger is None:
        return None
    anchor = count.anchor
    subject_state = (
        trigger.token.i == anchor.head.i
        and anchor.dep_ in {"nsubj", "nsubjpass"}
        and state_predicate(trigger.token, lexicon) == trigger.predicate
    )  # "Eleven remain in intensive care"
    if trigger.token.i != anchor.i and not subject_state:
        return None
    entry = lexicon.predicates.get(trigger.predicate)
    return trigger.predicate if entry is not None and entry.changes_state else None


def _count_claim(s: _Sentence, count: Count) -> RawClaim | None:
    trigger = find_trigger(count.anchor, s.lexicon) or _label_trigger(s, count)
    unfound = _unfound(count, s.lexicon)
    predicate = (
        _own_state(count, trigger, s.lexicon)
        or unfound
        or count.predicate
        or _measure_subject(count, s.lexicon)
        or _vessel_load(count, s.lexicon)
        or _noun_predicate(count, trigger, s.lexicon)
        or _event_predicate(trigger, count, s.lexicon)
        # a list item's label says what its bare figures count, before a head borrowed
        # from the item above ("- Missing: three ... - Evacuations: the table gives 2,100")
        or (_label_toll(s) if count.unit_token is None else None)
        or count.fallback
        or (_antecedent_toll(s) if count.figure else None)
        or _head_count_toll(s, count)
        or _verb_lemma(count.anchor, s.lexicon)
    )
    if s.lexicon.measure_of(predicate) != "other":
        s.context.tolls[predicate] += 1
        s.context.recent_toll, s.context.recent_paragraph = predicate, s.piece.paragraph
    if _membership(count, predicate, s.lexicon):
        predicate = _unforced(trigger, s.lexicon) or _verb_lemma(count.anchor, s.lexicon)
    predicate = _intake(count, trigger, predicate, s.lexicon)
    predicate = _pulled_out(count, predicate, s.lexicon)
    predicate = _reported(count, predicate, s.lexicon)
    if trigger is None and count.predicate is None:
        start = _evidence(s, count.span).start
        bare = count.unit_token is None and count.nationality is None
        s.context.verbless[start] = Verbless(start, bare=bare)
    confidence = 0.9 - (0.1 if count.written_out else 0.0) - (0.1 if trigger is None else 0.0)
    confidence -= (
        0.1
        if count.value.approximate and count.value.low is None and count.value.high is None
        else 0.0
    )
    subject, guessed = _subject(
        s,
        count.unit_token,
        trigger.token if trigger else _label_verb(s, count, predicate),
        anaphoric=not _labelled(count),
    )
    if subject is not None and not guessed:
        s.context.subject = subject
    if subject is not None and trigger is not None:
        s.subjects[trigger.token.i] = subject
    source, source_penalty, hearsay = _source(s, count.anchor)
    its = _its_state_body(s, count)
    if its is not None:
        source = its[1]  # "its death toll": the body "its" points back to counted it
    place = (
        (its[0] if its is not None else None)
        or _first_place(s, trigger, count)
        or _left_place(s, trigger)
        or _figure_place(s, count)
        or _site(s, trigger, count, predicate)
        or _framed(s)
        or _there(s, count)
        or _the_country(s, count)
        or _the_site(s, trigger)
        or _host(s, trigger, count)
    )
    anchor = trigger.token if trigger else count.anchor
    mode = "negated" if count.negated else modality(anchor, s.sent, s.lexicon, hearsay=hearsay)
    if unfound is not None and mode == "negated":
        mode = "asserted"  # "were never found": the finding is denied, the missing stated
    time = _count_time(s, anchor, count.span)
    if time is None and mode in {"expected", "possible"}:
        time = _horizon(s, anchor)
    return RawClaim(
        doc=s.document.id,
        type="count",
        slot="",
        subject=subject,
        predicate=predicate,
        measure=s.lexicon.measure_of(predicate),
        value=count.value,
        counted=count.noun,
        location=place,
        time=time,
        source=source,
        modality=mode,
        confidence=_clip(confidence - (0.1 if guessed else 0.0) - source_penalty),
        evidence=_evidence(s, count.span),
    )


def _label_trigger(s: _Sentence, count: Count) -> Trigger | None:
    """The trigger of a label the figure is given for ("Laid off by X: around 2,150"): a
    list item or caption says what its figure counts before the colon, whatever the parse
    hangs the figure on."""
    colon = count.span.start - 1
    if colon <= s.sent.start or s.sent.doc[colon].text != ":":
        return None
    for token in s.sent.doc[s.sent.start : colon]:
        name = trigger_of(token, s.lexicon)
        if name is not None and token.pos_ == "VERB":
            return Trigger(token, name)
    return None


def _labelled(count: Count) -> bool:
    """Whether a bare figure is given for a verbless label that says whose it is ("Both
    ferry firms: about 6,200, against 3,900 on Thursday"): the label is its
    subject, named or not, so no earlier subject is lent to it."""
    number = count.number.root
    label = number.sent.root  # a verbless item: "label: figure, compared with figure"
    return (
        count.unit_token is None
        and label.pos_ in {"NOUN", "PROPN"}
        and label.i < number.i
        and any(t.text == ":" and t.head.i == label.i for t in number.doc[label.i : number.i])
    )


def _membership(count: Count, predicate: str, lexicon: Lexicon) -> bool:
    """Whether a count of an organisation's members took a measure they never state: members
    counted are its size ("the union's 260,000 members"), not a force sent or present; nor
    are captives moved ("95 inmates were moved") a force."""
    kinds = (*lexicon.membership.classes, *lexicon.membership.captives)
    return count.value.unit in kinds and lexicon.measure_of(predicate) in lexicon.membership.never


def _unforced(trigger: Trigger | None, lexicon: Lexicon) -> str | None:
    """The measure of an event coordinated with the trigger, when members did two things
    ("downed tools and joined the stoppage"): the one members can do."""
    if trigger is None:
        return None
    for token in trigger.token.conjuncts:
        name = trigger_of(token, lexicon)
        if name is not None and lexicon.measure_of(name) not in lexicon.membership.never:
            return name
    return None


MAX_ITEM_LABEL = 8  # tokens before a list item's colon that can be its label


def _antecedent_toll(s: _Sentence) -> str | None:
    """What a bare figure noun counts ("Orsa put the figure at 130", "its corrected figure
    for X is 2,100", "the table gives 2,100 for X"): what its list item's label names ("-
    Evacuations: the table gives ..."), else the figure it points back to: a measured figure
    earlier in its own sentence, else the last count of the sentence before when none of
    that sentence's counts says a measure (the figure has none either: "said 75 were
    there. It later put that number at 140"), else the last measured count of its paragraph or
    of the paragraph just before (a paragraph that opens "X put the figure at 212" goes on
    from the count that closed the one before), else the document's main toll ("the true
    figure is nearer 130" in a story of deaths). Otherwise nothing says: never a measure
    taken from an unrelated sentence."""
    label = _label_toll(s)
    if label is not None:
        return label
    measured = [p for p in s.context.current if s.lexicon.measure_of(p) != "other"]
    if measured:  # a measured figure earlier in this sentence is nearer
        return measured[-1]
    before = s.context.previous if s.context.previous_paragraph == s.piece.paragraph else []
    if before and all(s.lexicon.measure_of(p) == "other" for p in before):
        return before[-1]  # "... 160 were involved. It put that number at 230"
    near = 0 <= s.piece.paragraph - s.context.recent_paragraph <= 1
    if near and s.context.recent_toll is not None:
        return s.context.recent_toll
    return _main_toll(s)


def _main_toll(s: _Sentence) -> str | None:
    """The predicate a strict majority of the document's measured counts so far had."""
    ranked = s.context.tolls.most_common(1)
    if ranked and 2 * ranked[0][1] > s.context.tolls.total():
        return ranked[0][0]
    return None


def _label_toll(s: _Sentence) -> str | None:
    """The measured event a list item's label names ("**Evacuations:** ...")."""
    head = s.sent[:MAX_ITEM_LABEL]
    colon = next((t.i for t in head if t.text.strip("*_") == ":"), None)
    if colon is None:
        return None
    for token in s.sent.doc[s.sent.start : colon]:
        name = trigger_of(token, s.lexicon)
        if name is not None and s.lexicon.measure_of(name) != "other":
            return name
    return None


def _unfound(count: Count, lexicon: Lexicon) -> str | None:
    """Missing, for people a negated verb of finding is about ("more than 230 people were
    never found", "40 have not been located", "nine have not been heard from"), else None.
    Not for its doers ("40 people have not found shelter": they are the finders). A
    partitive's number is the subject ("nine of its members were never found")."""
    roles = {"nsubjpass", "nsubj", "dobj"}
    found = [t for t in (count.unit_token, count.anchor) if t is not None and t.dep_ in roles]
    if not found:
        return None
    token = found[0]
    verb = token.head
    if verb.i == token.i:
        return None
    if verb.lemma_.lower() not in lexicon.unfound_verbs:
        return None
    if token.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return None
    if not any(c.dep_ == "neg" for c in verb.children):
        return None
    return lexicon.unfound_predicate


def _head_count_toll(s: _Sentence, count: Count) -> str | None:
    """What a head count counts: the document's main toll when that is a gathering's (a
    crowd: "In X, police counted 12,000 people"), or of the lexicon's ``toll_nouns`` ("now
    counts 58 victims"); other people counted in a story of deaths are no toll of it
    ("wardens counted 35 people in the hall")."""
    if not _head_count(count, s.lexicon):
        return None
    toll = _main_toll(s)
    if toll is None or count.noun in s.lexicon.toll_nouns:
        return toll
    gatherings = s.lexicon.reconcile.per_event_measures
    return toll if s.lexicon.measure_of(toll) in gatherings else None


def _head_count(count: Count, lexicon: Lexicon) -> bool:
    """Whether a verb of counting governs the figure ("In X, police counted 12,000 people and
    unions 86,000"): a head count says no more than that people were counted, so, like a
    figure noun, it counts what the document has been counting (the crowd of its march).
    Not a count whose noun says who the people are ("Teravia counted 9 Teravians"): only
    plain people, or a bare figure."""
    if count.nationality is not None or (
        count.noun is not None and lexicon.units.get(count.noun) is None
    ):
        return False
    entry = lexicon.units.get(count.noun) if count.noun is not None else None
    if entry is not None and entry.cls != lexicon.demonym_unit_class:
        return False
    token = count.anchor
    for _ in range(MAX_HEAD_CLIMB):
        if token.lemma_.lower() in lexicon.counting_verbs and token.i != count.anchor.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _event_predicate(trigger: Trigger | None, count: Count, lexicon: Lexicon) -> str | None:
    """The trigger's predicate, except a verb of being with a place ("are in X") for people
    who are not a force: their being somewhere is no deployment."""
    if trigger is None or mere_presence(trigger, count.value.unit, lexicon):
        return None
    return trigger.predicate


def _default_predicate(count: Count, lexicon: Lexicon) -> str | None:
    unit = count.unit_token
    if unit is None:
        return None
    entry = lexicon.units.get(unit.lemma_.lower()) or lexicon.units.get(unit.lower_)
    return entry.default_predicate if entry else None


def _noun_predicate(count: Count, trigger: Trigger | None, lexicon: Lexicon) -> str | None:
    """The counted noun's own predicate ("37 patients" are hospitalised, "300 hostages" are
    held), unless an event that changes those people's state governs the count itself
    ("300 hostages were released", "37 patients died", "hostages held in X were freed").
    Verbs of being, saying, treating or moving, and triggers of another clause, never
    override the noun, nor does anything override a noun that names what happened
    ("512 arrests": the lexicon's ``measure_heads``). Captives who are the subject of a
    verb of doing (the lexicon's ``doer_verbs``: "some 140 detainees took part in the
    revolt") are its doers, and their noun's own state says nothing of them."""
    own = _default_predicate(count, lexicon)
    unit = count.unit_token
    if own is None or unit is None or unit.lemma_.lower() in lexicon.measure_heads:
        return own
    verb = unit.head if unit.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    if captive_doer(unit, lexicon):
        return None  # "140 detainees took part in the revolt": doers, not captives held
    # the clause's own verb first: "hostages held in X were freed" were freed
    options = [trigger] if trigger is not None else []
    if verb is not None and (name := trigger_of(verb, lexicon)) is not None:
        options.insert(0, Trigger(verb, name))
    for option in options:
        entry = lexicon.predicates.get(option.predicate)
        if option.token.lemma_.lower() in lexicon.stative_verbs or entry is None:
            continue
        if entry.changes_state and (
            _own_predicate(option.token, unit) or _exchanged_for(unit, option.token, lexicon)
        ):
            return option.predicate
    return own


def _exchanged_for(unit: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the counted noun is the object of an exchange preposition on the trigger
    ("walked out, against 45 prisoners", "freed 9 in return for 45 prisoners"): the other
    side of the same exchange, which the trigger's event frees too."""
    if unit.dep_ != "pobj":
        return False
    words = [unit.head]
    head = unit.head.head
    while head.dep_ in {"pobj", "prep"} and head.i != trigger.i and len(words) < 3:
        words.insert(0, head)
        head = head.head
    return head.i == trigger.i and " ".join(w.lower_ for w in words) in lexicon.exchange_preps


def _own_predicate(trigger: Token, unit: Token) -> bool:
    """Whether ``trigger`` is the counted noun's own predicate: the verb it is subject or
    object of (or a verb coordinated with or raised from that verb), a participle or
    relative clause on it ("hostages freed on Friday"), or a nominalised event whose "of"
    names it ("the release of 300 hostages", "in exchange for 39 prisoners")."""
    if trigger.head.i == unit.i and trigger.dep_ in {"acl", "relcl", "amod"}:
        return trigger.dep_ == "amod" or owns(unit, trigger)
    head = unit.head
    if unit.dep_ == "pobj" and head.lower_ in {"of", "for"} and head.head.i == trigger.i:
        return True
    if unit.dep_ not in {"nsubj", "nsubjpass", "dobj", "oprd"} or head.i == unit.i:
        return False
    if trigger.i == head.i or any(trigger.i == c.i and shares_subject(c) for c in head.conjuncts):
        return True
    return trigger.head.i == head.i and trigger.dep_ == "xcomp"


def _label_verb(s: _Sentence, count: Count, predicate: str) -> Token | None:
    """For a figure no verb governs ("- Laid off by X: 2,150"), the verb before it in its
    sentence that names its predicate: its doer is whose count it is."""
    for token in s.sent:
        if token.i >= count.anchor.i:
            return None
        if token.pos_ == "VERB" and trigger_of(token, s.lexicon) == predicate:
            return token
    return None


def _measure_subject(count: Count, lexicon: Lexicon) -> str | None:
    """A measure noun that is the subject of a verb of value whose object is the count
    ("the crowd exceeded 3,000 people", "the toll reached 40 people") says what it counts."""
    unit = count.unit_token
    if unit is None or unit.dep_ not in {"dobj", "attr", "pobj"}:
        return None
    verb = unit.head.head if unit.dep_ == "pobj" else unit.head
    if verb.lemma_.lower() not in lexicon.value_verbs:
        return None
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            entry = lexicon.measure_nouns.get(child.lemma_.lower())
            if entry is not None and entry.predicate is not None:
                return entry.predicate
    return None


def _table_claims(s: _Sentence, cells: list[Cell]) -> Iterator[RawClaim]:
    """Count claims of the table cells in this sentence (a table row), read by position;
    the row's dates and places are still claims of their own."""
    lo, hi = s.piece.start + s.sent.start_char, s.piece.start + s.sent.end_char
    for cell in cells:
        if not lo <= cell.start < hi:
            continue
        span = s.sent.doc.char_span(
            cell.start - s.piece.start, cell.end - s.piece.start, alignment_mode="expand"
        )
        if span is None:
            continue
        value = table_value(cell, s.lexicon)
        if value is None:
            continue
        count = Count(
            span=span,
            number=span,
            unit_token=None,
            anchor=span.root,
            value=value,
            written_out=False,
            nationality=None,
            predicate=cell.predicate,
            fallback="counted",
        )
        claim = _count_claim(s, count)
        if claim is None:
            continue
        if cell.time is not None:
            claim = claim.model_copy(update={"time": _stated_time(s, cell.time)})
        column = _column_place(s, cell)
        yield (
            claim
            if claim.location or column is None
            else claim.model_copy(update={"location": column})
        )
    yield from _date_claims(s)
    yield from _location_claims(s)


def _column_place(s: _Sentence, cell: Cell) -> Mention | None:
    """A column headed by a place the document names ("| Day | Nationwide | Selm |"): its
    figures count that place's people."""
    name = cell.column.strip(" *_")
    if not name or cell.column_start < 0 or name.lower() not in s.context.places:
        return None
    start = cell.column_start + cell.column.index(name)
    return Mention(text=name, kind="LOC", start=start, end=start + len(name))


def _verb_lemma(anchor: Token, lexicon: Lexicon) -> str:
    """When nothing says what happened to the people counted, the verb that governs them
    names it ("12,700 workers walked off the job": walk); "other" without a verb."""
    token = anchor
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() not in lexicon.attribution_verbs:
            return token.lemma_.lower()
        if token.head.i == token.i:
            break
        token = token.head
    return "other"


def _date_claims(s: _Sentence) -> Iterator[RawClaim]:
    """A date claim for each event time of the sentence (``when.event_times``), named by the
    trigger it dates or else by its governing word."""
    for found in event_times(s.sent, s.lexicon, s.document.published):
        ent, value = found.span, found.value
        trigger = (
            counted_from_event(ent, s.lexicon)
            or dated_event(ent.root, s.lexicon)
            or date_verb_event(ent.root, s.lexicon)
            or find_trigger(ent.root, s.lexicon)
            or governor(ent.root, s.lexicon)
        )
        subject, guessed = _subject(s, None, trigger.token)
        source, penalty, hearsay = _source(s, ent.root)
        word, prep = dated_word(ent.root)
        yield RawClaim(
            doc=s.document.id,
            type="date",
            dated_word=word,
            dated_prep=prep,
            slot="",
            subject=subject,
            predicate=trigger.predicate,
            value=value,
            location=_first_place(s, trigger, None),
            source=source,
            modality=modality(trigger.token, s.sent, s.lexicon, hearsay=hearsay),
            confidence=_clip(
                0.85 - (0.1 if guessed else 0.0) - penalty - (0.1 if value.start is None else 0.0)
            ),
            evidence=_evidence(s, ent),
        )


def _dateline_claims(document: Document, lexicon: Lexicon) -> list[RawClaim]:
    """A location claim for the place each dateline names ("SELM, Teravia —"): where the
    story was filed, read from the text (datelines are blanked before parsing)."""
    body = document.body
    out = []
    for start, end in dateline_places(mask_markup(body)):
        text = body[start:end]
        line_end = body.find("\n", end)
        line = body[start : line_end if line_end >= 0 else len(body)].strip()
        out.append(
            RawClaim(
                doc=document.id,
                type="location",
                slot="",
                predicate=lexicon.where_when.fallback_predicate,
                location=Mention(text=text, kind="GPE", start=start, end=end),
                confidence=0.6,
                evidence=Evidence(start=start, end=end, quote=text, sentence=line),
            )
        )
    return out


def _location_claims(s: _Sentence) -> Iterator[RawClaim]:
    """A location claim for each place phrase of the sentence (``places.located_places``)."""
    for found in located_places(s.sent, s.lexicon):
        _remember_place(s, found.phrase)
        token, predicate = found.trigger.token, found.trigger.predicate
        subject, guessed = _subject(s, None, token)
        source, penalty, hearsay = _source(s, token)
        named = trigger_of(token, s.lexicon) is not None
        yield RawClaim(
            doc=s.document.id,
            type="location",
            slot="",
            subject=subject,
            predicate=predicate,
            value=None,
            location=mention(found.phrase, "LOC", s.piece.start),
            time=_time(s, token),
            source=source,
            modality=modality(token, s.sent, s.lexicon, hearsay=hearsay),
            confidence=_clip(0.8 - (0.1 if guessed else 0.0) - penalty - (0.0 if named else 0.15)),
            evidence=_evidence(s, found.phrase),
        )


# ------------------------------------------------------------------ claim parts


def _subject(
    s: _Sentence, unit: Token | None, trigger: Token | None, *, anaphoric: bool = False
) -> tuple[Mention | None, bool]:
    """(subject mention, whether it was taken from earlier text).

    A count's own group comes first; then the subject of a count on the same trigger;
    then the trigger's named agent. Earlier text supplies the subject only for an
    anaphoric group ("these troops", "they", "the first group of 800 troops")."""
    span = subject_span(unit, trigger, s.lexicon)
    if span is not None:
        return mention(span, _kind(span), s.piece.start), False
    if trigger is not None and trigger.i in s.subjects:
        return s.subjects[trigger.i], False
    if anaphoric or (trigger is not None and is_anaphoric(trigger, s.lexicon)):
        return s.context.subject, s.context.subject is not None
    return None, False


def _source(s: _Sentence, anchor: Token) -> tuple[Mention | None, float, bool]:
    """(source mention, confidence penalty, hearsay) for the clause holding ``anchor``."""
    found = s.context.speakers.source(anchor, s.sent, s.piece.start, s.piece.paragraph)
    return found.mention, found.penalty, found.hearsay


def _first_place(s: _Sentence, trigger: Trigger | None, count: Count | None) -> Mention | None:
    """The count's place: one on its own figure ("twelve of them in X"), else the first on
    its trigger or counted noun that no other figure stands right before ("eight were hurt,
    five in X": X is the five's), and none its verb has before a figure that names its own
    place right after it ("400 sent home at X and 330 at Y": X is not the 330's)."""
    entry = s.lexicon.predicates.get(trigger.predicate) if trigger else None
    if trigger is None or entry is None or not entry.locative:
        return None
    if count is None:
        phrases = place_phrases(trigger.token, None, s.lexicon)
    else:
        own = figure_places(count.number, s.lexicon)
        if own:
            return mention(own[0], "LOC", s.piece.start)
        figure = count.unit_token or count.anchor
        placed_after = _placed_after(figure, s.lexicon)
        phrases = [
            p
            for p in place_phrases(trigger.token, count.unit_token, s.lexicon)
            if not follows_other_figure(p, count.number)
            and not (placed_after and p.start <= figure.i)
        ]
    if not phrases or _listed(phrases) or _counted_places(phrases[0]):
        return None  # "3,000 displaced in X and Y": across them, no one place's
    return mention(phrases[0], "LOC", s.piece.start)


def _placed_after(figure: Token, lexicon: Lexicon) -> bool:
    """Whether a locative preposition follows the counted word right away: the count says
    where it holds there, so a place its verb has before it is another count's
    ("among them the 400 laid off at X and 250 at its Y depots": the 250 are not at X)."""
    after = figure.nbor(1) if figure.i + 1 < len(figure.doc) else None
    return after is not None and after.dep_ == "prep" and after.lower_ in lexicon.location_preps


def _counted_places(phrase: Span) -> bool:
    """Whether a place phrase counts places ("marched in more than 140 towns", "across
    three districts"): a figure stated for them is across them all, no one place's."""
    return any(c.dep_ == "nummod" for c in phrase.root.children)


def _left_place(s: _Sentence, trigger: Trigger | None) -> Mention | None:
    """The named place people are counted leaving ("6,500 have left Brennock district"): where
    those evacuees were, so their count is that place's."""
    if trigger is None or trigger.token.lemma_.lower() not in s.lexicon.place_verb_predicates:
        return None
    if not s.lexicon.predicates[trigger.predicate].civilian:
        return None
    for obj in trigger.token.children:
        if obj.dep_ != "dobj":
            continue
        names = [t for t in obj.subtree if t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS]
        if names and not any(c.dep_ == "conj" for c in obj.children):
            return mention(s.sent.doc[names[0].i : names[-1].i + 1], "LOC", s.piece.start)
    return None


def _figure_place(s: _Sentence, count: Count) -> Mention | None:
    """The named place a figure is given for ("the corrected figure for X is 2,100", "the
    table gives 2,100 for X"): a figure stated for a place is that place's count."""
    if not count.figure and count.unit_token is not None:
        return None
    anchor = count.anchor
    carriers = [anchor, count.number.root]
    carriers += [t.head for t in carriers if t.dep_ in {"dobj", "nsubj", "attr"}]
    for carrier in carriers:
        for prep in carrier.children:
            if prep.dep_ not in {"prep", "dative"} or prep.lower_ != "for":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.ent_type_ in PLACE_LABELS):
                    names = [t for t in obj.subtree if t.pos_ == "PROPN" or t.ent_type_]
                    start, end = (names[0].i, names[-1].i + 1) if names else (obj.i, obj.i + 1)
                    return mention(s.sent.doc[start:end], "LOC", s.piece.start)
    return None


def _listed(phrases: list[Span]) -> bool:
    """Whether the first place phrase is coordinated with another named place ("in X and
    Y", "in X, Y and Z")."""
    first = phrases[0].root
    return any(
        c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_ in PLACE_LABELS)
        for c in first.children
    )


def _site(s: _Sentence, trigger: Trigger | None, count: Count, predicate: str) -> Mention | None:
    """The site of a counted event named by a noun, when no trigger locates the count
    ("Local 9 put its walkout at X at around 1,900": the walkout's place)."""
    entry = s.lexicon.predicates.get(predicate)
    noun = count.anchor
    if trigger is not None or entry is None or not entry.locative or noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() not in entry.nouns:
        return None
    phrases = site_phrases(noun, s.lexicon)
    return mention(phrases[0], "LOC", s.piece.start) if phrases else None


def _host(s: _Sentence, trigger: Trigger | None, count: Count) -> Mention | None:
    """A named place that has, sees or records what is counted is where the count holds
    ("X now has the highest toll in the region, at 212", "X has logged 95 cases")."""
    hosts = s.lexicon.where_when.host_verbs
    for token in (trigger.token if trigger else None, count.unit_token, count.anchor):
        if token is None or token.dep_ != "dobj" or token.head.lemma_.lower() not in hosts:
            continue
        for subject in token.head.children:
            if subject.dep_ == "nsubj" and subject.ent_type_ in {"GPE", "LOC"}:
                phrase = place_phrase(subject, s.lexicon, spatial=True)
                return mention(phrase, "LOC", s.piece.start) if phrase is not None else None
    return None


def _remember_place(s: _Sentence, phrase: Span) -> None:
    """Keep a named place for later back-references: "there" in the same paragraph, and "the
    plant" for the last site named for a place with that noun as its head ("X Assembly
    plant")."""
    named = mention(phrase, "LOC", s.piece.start)
    s.context.last_place, s.context.last_place_paragraph = named, s.piece.paragraph
    head = phrase.root
    noun = head.lemma_.lower()
    if (head.pos_ == "NOUN" or noun in s.lexicon.where_when.place_heads) and any(
        t.pos_ == "PROPN" and t.ent_type_ in SITE_NAME_LABELS for t in phrase
    ):  # a site with a name ("X Assembly plant", "X Tower"), not a kind ("the fever clinic")
        s.context.sites[noun] = named


def _the_site(s: _Sentence, trigger: Trigger | None) -> Mention | None:
    """A definite place noun on the trigger ("stayed away from the depot", "at the factory")
    refers back to the last place named with that noun as its head ("X Assembly plant")."""
    if trigger is None:
        return None
    heads = s.lexicon.where_when.place_heads
    for prep in trigger.token.children:
        if prep.dep_ not in {"prep", "prt"}:
            continue
        preps = [prep, *[c for c in prep.children if c.dep_ == "prep"]]
        for obj in (o for p in preps for o in p.children if o.dep_ == "pobj"):
            lemma = obj.lemma_.lower()
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children)
            if definite and obj.pos_ == "NOUN" and lemma in heads and lemma in s.context.sites:
                return s.context.sites[lemma]
    return None


def _read_frame(s: _Sentence) -> None:
    """A place fronted before a sentence's verb ("In X, police counted 8,000; ...") sets
    the scene for the rest of its paragraph, until another place is fronted."""
    ctx, sent = s.context, s.sent
    if ctx.frame_paragraph != s.piece.paragraph:
        ctx.frame = None
    first = sent[0]
    where = _where_frame(sent)
    if where is not None:
        ctx.frame, ctx.frame_paragraph = mention(where, "LOC", s.piece.start), s.piece.paragraph
        return
    if first.lower_ not in s.lexicon.location_preps or first.head.pos_ not in {"VERB", "AUX"}:
        return
    names = [t for t in first.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
    named = [t for t in names if t.ent_type_ in FRAME_ENTITY_TYPES]
    if not named:
        if names:  # "In X," with X tagged a person: a new scene all the same, not the old one
            ctx.frame = None
        return
    noun = named[0]  # a proper name, whatever the tagger calls it ("In Selm, ...")
    start = next((t.i for t in noun.lefts if t.pos_ == "PROPN"), noun.i)
    place = sent.doc[start : noun.i + 1]
    ctx.frame, ctx.frame_paragraph = mention(place, "LOC", s.piece.start), s.piece.paragraph


def _where_frame(sent: Span) -> Span | None:
    """ "X is where the turnout was highest: ...": a place name opening the sentence as the subject
    of "is where" sets the scene as a fronted "In X," does (whatever NER calls X: only a
    place "is where")."""
    first = sent[0]
    verb = first.head
    if first.dep_ != "nsubj" or first.pos_ != "PROPN":
        return None
    if verb.lemma_.lower() != "be" or verb.i != first.right_edge.i + 1:
        return None
    if not any(t.lower_ == "where" for t in sent.doc[verb.i + 1 : verb.i + 2]):
        return None
    return sent.doc[first.left_edge.i : first.i + 1]


def _framed(s: _Sentence) -> Mention | None:
    """The paragraph's fronted place, for a count in a sentence that names no place of its
    own ("In X, police counted 8,000. The organisers claimed 30,000.")."""
    frame = s.context.frame
    if frame is None or s.context.frame_paragraph != s.piece.paragraph:
        return None
    at = frame.start - s.piece.start
    own = [e for e in s.sent.ents if e.label_ in PLACE_LABELS and e.start_char != at]
    return None if own else frame


def _there(s: _Sentence, count: Count) -> Mention | None:
    """ "there" on the count or its verb points back to the last place named before it in
    the sentence ("Ostravia is worst hit: 400 cases and 90 deaths there")."""
    holders = [count.anchor, count.anchor.head, *count.anchor.conjuncts]
    if not any(
        c.lower_ == "there" and c.dep_ == "advmod" and c.i > count.number.start
        for h in holders
        for c in h.children
    ):
        return None
    known = s.context.places
    speakers = _speaker_tokens(s)
    before = [  # places, and proper names no entity type claims (the tagger misses many)
        s.sent.doc[t.i : t.i + 1]
        if not t.ent_type_
        else next(e for e in s.sent.ents if e.start <= t.i < e.end)
        for t in s.sent
        if t.i < count.number.start
        and t.pos_ == "PROPN"
        and t.i not in speakers
        and (t.ent_type_ in PLACE_LABELS or not t.ent_type_ or t.text.lower() in known)
    ]
    if before:
        return mention(before[-1], "LOC", s.piece.start)
    # else the last place named earlier in the paragraph ("Banners hang at the gates of X.
    # ... about 260 staff stopped work there")
    ctx = s.context
    return ctx.last_place if ctx.last_place_paragraph == s.piece.paragraph else None


def _remember_countries(
    context: _Context, named: list[Mention], paragraph: int, lexicon: Lexicon, body: str
) -> None:
    """Keep the places this piece names that may be a country, for "the country" further
    on: every GPE (the tagger cannot tell a country from a city; the lexicon's countries
    and the places named so far cover a possessive it calls an organisation)."""
    for m in named:
        name = _possessor(m.text).lower()
        # a place's name; NER may call "X's" (X's ministry) an organisation
        owns = _owns_a_state_body(body, m, lexicon)
        if m.kind == "GPE" or name in lexicon.country_set or name in context.places or owns:
            context.countries.append((paragraph, m))
        owned = next((n for n in named if 0 <= n.start - m.end <= 3), None) if owns else None
        if owned is not None:  # "X's Ministry of Health": the body X owns
            context.state_bodies[m.start] = owned
    del context.countries[:-MAX_COUNTRIES]


def _owns_a_state_body(body: str, name: Mention, lexicon: Lexicon) -> bool:
    """Whether a name is a state's by what it owns: "X's Ministry of Health", "X's army"."""
    if not _owns_a_body(body, name):
        return False
    after = re.match(r"(?:['\u2019]s)?\s+([A-Za-z]+)", body[name.end : name.end + 30])
    return after is not None and after.group(1).lower() in lexicon.tolls.state_bodies


def _owns_a_body(body: str, country: Mention) -> bool:
    """Whether the country is named as the owner of what follows ("X's ministry")."""
    return country.text.endswith(("'s", "\u2019s")) or body[country.end : country.end + 2] in {
        "'s",
        "\u2019s",
    }


def _possessor(name: str) -> str:
    return name[:-2] if name.endswith(("'s", "’s")) else name


def _the_country(s: _Sentence, count: Count) -> Mention | None:
    """ "for the country" on a count points back to the last country named before it in
    its paragraph ("X's health office lists only tested cases ... the 57 the office
    listed for the country"): a country's own figure."""
    words = s.lexicon.tolls
    after = s.sent.doc.text[count.number.end_char : s.sent.end_char]
    preps = "|".join(re.escape(w) for w in words.country_preps)
    nouns = "|".join(re.escape(w) for w in words.country_nouns)
    # the figure's own clause: no other figure between it and "for the country"
    the_country = bool(preps and nouns) and (
        re.match(rf"(?i)[^\d;]{{0,{COUNTRY_WINDOW}}}?\b(?:{preps})\s+the\s+(?:{nouns})\b", after)
        is not None
    )
    if not the_country:
        return None
    last = _last_country(s, count)
    return _country_mention(last) if last is not None else None


def _its_state_body(s: _Sentence, count: Count) -> tuple[Mention, Mention] | None:
    """(country, body) for "its toll of N" when the last country named in the paragraph
    was named as the owner of a state body ("X's Ministry of Health counts only confirmed
    deaths ... its death toll of 35"): the body's own count, for its country."""
    before = s.sent.doc.text[s.sent.start_char : count.number.start_char]
    owned = _ITS_MEASURE.search(before)
    if owned is None or owned.group(1).lower() not in s.lexicon.measure_nouns:
        return None
    last = _last_country(s, count)
    body = s.context.state_bodies.get(last.start) if last is not None else None
    if last is None or body is None:
        return None
    return _country_mention(last), body


def _last_country(s: _Sentence, count: Count) -> Mention | None:
    start = s.piece.start + count.anchor.idx - s.sent.doc[0].idx
    named = [m for p, m in s.context.countries if p == s.piece.paragraph and m.start < start]
    return named[-1] if named else None


def _country_mention(named: Mention) -> Mention:
    text = _possessor(named.text)
    return Mention(text=text, kind="GPE", start=named.start, end=named.start + len(text))


def _speaker_tokens(s: _Sentence) -> set[int]:
    """Token indexes of the speakers of the sentence's verbs of speech ("officials of X
    say ..."): a name there is who speaks, never the place "there" points back to."""
    speech = s.lexicon.where_when.speech_verbs
    return {
        t.i
        for verb in s.sent
        if verb.lemma_.lower() in speech
        for subj in verb.children
        if subj.dep_ in {"nsubj", "nsubjpass"}
        for t in subj.subtree
    }


def _time(s: _Sentence, anchor: Token, *, figure: Span | None = None) -> TimeRef | None:
    """A date phrase attached to the claim's trigger, else to the event noun a relative
    clause of the trigger describes ("the 2019 fire that killed 40"), else, for a counted
    noun with no trigger, to the verb it is the subject or object of ("Ten Velorians came
    home on Friday"; not a verb of saying, unless it gives the figure: "On Friday X put the
    figure at 70"), as the claim's time."""
    heads = [anchor]
    partner = None
    if anchor.dep_ == "conj" and anchor.pos_ == "VERB" and shares_subject(anchor):
        partner = anchor.head  # "broke through on Monday and brought 8 out": Monday's
        heads.append(partner)
    # "the 2016 fire that killed 40", "in 2016, when flames drove 11,000 from their homes"
    heads += [h.head for h in heads if h.dep_ == "relcl"]
    verb = anchor.head
    lemma = verb.lemma_.lower()
    if (
        anchor.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and verb.pos_ == "VERB"
        and (lemma not in s.lexicon.attribution_verbs or lemma in s.lexicon.value_verbs)
    ):
        heads.append(verb)  # a verb that gives the figure dates it: "On Monday X put it at 9"
    elif _value_of(anchor, s.lexicon):  # "On Monday X raised the toll to 214"
        heads.append(verb.head)
    for head in heads:
        for ent in s.sent.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            if figure is not None and ent.start < figure.end and figure.start < ent.end:
                continue  # "now treating 21": the count's own figure is never its date
            # the partner's date may sit on its goal ("broke through to the chamber on
            # Wednesday"): one step deeper
            depth = 4 if head is partner else 3
            if (
                _governs(head, ent.root, depth=depth)
                or head.i in {ent.root.i, ent.root.head.i}
                or (head is not anchor and ent.start <= head.i < ent.end)  # parsed as the noun
            ):
                value: DateValue = resolve_date(ent.text, published=s.document.published)
                if ent.label_ == "TIME" and value.start is None:
                    continue  # a clock time ("at 14:40") is no day; "last night" is one
                return TimeRef(text=ent.text, start=value.start, end=value.end)
    return None


def _reported_state_time(s: _Sentence, anchor: Token) -> TimeRef | None:
    """A state in progress reported by a dated verb of saying holds on the day it was said:
    "the shelter, which said on Tuesday it was housing 64" speaks for Tuesday. (An
    event reported later keeps no such date: "said on Friday 40 had been rescued" dates the
    saying, not the rescues.)"""
    verb = anchor
    progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children)
    if not progressive or verb.dep_ != "ccomp":
        return None
    saying = verb.head
    if saying.lemma_.lower() not in s.lexicon.attribution_verbs:
        return None
    for ent in s.sent.ents:
        if ent.label_ == "DATE" and _governs(saying, ent.root, depth=2):
            value: DateValue = resolve_date(ent.text, published=s.document.published)
            if value.start is not None and value.start == value.end:
                return TimeRef(text=ent.text, start=value.start, end=value.end)
    return None


def _own_time(s: _Sentence, span: Span) -> TimeRef | None:
    """A day stated inside the count's own phrase ("up from 1,700 on Monday evening"): the
    figure's own day, before its verb's ("housed 2,800 overnight, up from 1,700 on Monday
    evening")."""
    number = span.root
    if number.dep_ != "pobj":
        return None  # only a figure in a phrase of its own ("from 1,700 on Monday")
    for ent in s.sent.ents:
        if ent.label_ in {"DATE", "TIME"} and (
            _governs(number, ent.root, depth=2) or _governs(number.head, ent.root, depth=2)
        ):
            value: DateValue = resolve_date(ent.text, published=s.document.published)
            if value.start is not None:
                return TimeRef(text=ent.text, start=value.start, end=value.end)
    return None


def _value_of(anchor: Token, lexicon: Lexicon) -> bool:
    """Whether a bare figure is the value a verb of value gives ("raised it to 214", "put
    the figure at 190", "rose to 600"): that verb's date is the figure's."""
    prep = anchor.head
    return (
        anchor.dep_ == "pobj"
        and prep.lower_ in {"to", "at"}
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_.lower() in lexicon.value_verbs
    )


def _horizon(s: _Sentence, anchor: Token) -> TimeRef | None:
    """The day a projection speaks for: a date after "by", "before" or "until" on a verb
    above the projected figure ("could see 5,000 cases by 12 February", "projected 9,000
    by early May"): the projection is of that later moment."""
    verbs = {t.i for t in (anchor, *anchor.ancestors) if t.pos_ in {"VERB", "AUX"}}
    for ent in s.sent.ents:
        prep = ent.root.head
        if (
            ent.label_ == "DATE"
            and ent.root.dep_ == "pobj"
            and prep.lower_ in s.lexicon.where_when.horizon_preps
            and prep.head.i in verbs
        ):
            value: DateValue = resolve_date(ent.text, published=s.document.published)
            return TimeRef(text=ent.text, start=value.start, end=value.end)
    return None


def _count_time(s: _Sentence, anchor: Token, span: Span) -> TimeRef | None:
    """A count's time: the date phrase on its trigger, else (or when that cannot be placed on
    the calendar, "on the final day") the date of the list item it stands in; a phrase that
    points back to the last day named ("that day") is that day."""
    time = _own_time(s, span) or _time(s, anchor, figure=span) or _reported_state_time(s, anchor)
    if time is not None and time.start is not None:
        return time
    item = _item_time(s, span)
    if item is not None and item.start is not None:
        return item
    back = _same_day(time.text if time is not None else _item_label(s, span), s)
    return back or item or time


def _same_day(text: str | None, s: _Sentence) -> TimeRef | None:
    """ "that day", "the same evening": the last single day named before, as this time."""
    last = s.context.day
    if not text or last is None:
        return None
    words = s.lexicon.where_when
    tokens = text.lower().split()
    for a, b in itertools.pairwise(tokens):
        if a in words.same_day_markers and b in words.day_parts:
            return TimeRef(text=f"{a} {b}", start=last.start, end=last.end)
    return None


def _remember_day(context: _Context, claims: list[RawClaim]) -> None:
    """Keep the last single day the text named (a date, or a figure's stated day)."""
    for claim in claims:
        day = claim.time
        if isinstance(claim.value, DateValue):
            day = TimeRef(text=claim.value.text, start=claim.value.start, end=claim.value.end)
        if day is not None and day.start is not None and day.start == day.end:
            context.day = day


_ITEM_LABEL = re.compile(r"[ \t]*(?:[-*\u2022+]|\d{1,2}[.)])[ \t]+([^:\n]{1,80}):")


def _dated_items(body: str, lexicon: Lexicon) -> frozenset[int]:
    """Line offsets of the list items whose label is a date ("- **Mar. 9:** ...")."""
    found: set[int] = set()
    offset = 0
    for line in body.split("\n"):
        label = _ITEM_LABEL.match(line)
        if label is not None and date_text(label.group(1), lexicon) is not None:
            found.add(offset)
        offset += len(line) + 1
    return frozenset(found)


def _item_time(s: _Sentence, span: Span) -> TimeRef | None:
    """The date in a list item's label ("- **Mar. 9:** 21 hostages", "- Arrests on 3 May:
    457"), which dates every figure of the item."""
    label = _item_label(s, span)
    found = date_text(label, s.lexicon) if label is not None else None
    return _stated_time(s, found) if found is not None else None


def _item_label(s: _Sentence, span: Span) -> str | None:
    """The label of the list item ``span`` stands in ("- **Nov. 25:**"), if any."""
    body = s.document.body
    at = s.piece.start + span.start_char
    start = body.rfind("\n", 0, at) + 1
    label = _ITEM_LABEL.match(body, start)
    return label.group(1) if label is not None and label.end() <= at else None


def _stated_time(s: _Sentence, text: str) -> TimeRef:
    """A date phrase read outside the parse (a table's cell or header), resolved against the
    document's date like any other time."""
    value = resolve_date(text, published=s.document.published)
    return TimeRef(text=text, start=value.start, end=value.end)


def _governs(head: Token, token: Token, *, depth: int = 3) -> bool:
    for _ in range(depth):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == head.i:
            return True
    return False


def _evidence(s: _Sentence, span: Span) -> Evidence:
    offset = s.piece.start
    body = s.document.body
    start, end = offset + span.start_char, offset + span.end_char
    sent_start, sent_end = offset + s.sent.start_char, offset + s.sent.end_char
    return Evidence(
        start=start, end=end, quote=body[start:end], sentence=body[sent_start:sent_end].strip()
    )


def _kind(span: Span) -> MentionKind:
    return ENTITY_KINDS.get(span.label_ or span.root.ent_type_, "NORP")


def _clip(x: float) -> float:
    return round(min(1.0, max(0.05, x)), 2)


# ------------------------------------------------------------------ reading order


def _advance(s: _Sentence) -> None:
    """Update what the next sentence inherits from this one."""
    ctx = s.context
    ctx.speakers.read_sentence(s.sent, s.piece.start, s.piece.paragraph)
    for token in topic_nouns(s.sent, s.lexicon):
        span = subject_span(token, None, s.lexicon)
        if span is not None:
            ctx.subject = mention(span, _kind(span), s.piece.start)


def _entity_mentions(doc: Doc, offset: int) -> Iterator[Mention]:
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is not None and ent.text.strip():
            yield mention(ent, kind, offset)


def _with_slots(claims: list[RawClaim]) -> Iterator[RawClaim]:
    """Give each claim a slot key from its own sentence and quote (whitespace folded), never
    from its offset, so an edit elsewhere in the document, or a reflowed line, leaves the
    key unchanged."""
    seen: dict[str, int] = {}
    for claim in claims:
        parts = (claim.type, claim.evidence.sentence, claim.evidence.quote)
        base = "\x1f".join(" ".join(p.split()) for p in parts)
        k = seen.get(base, 0)
        seen[base] = k + 1
        slot = hashlib.sha1(f"{base}\x1f{k}".encode()).hexdigest()[:16]
        yield claim.model_copy(update={"slot": slot})
