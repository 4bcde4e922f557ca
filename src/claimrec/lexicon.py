"""The lexicon: all domain knowledge, loaded from packaged YAML and user ``--config`` files.

Code reads words from here and never names a country, person or number. Loading
validates the merged mapping into a frozen ``Lexicon``, so a misspelt key in a
user's file is reported with the file name instead of being silently ignored.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import types
import typing
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from claimrec.errors import ConfigError

if TYPE_CHECKING:
    from claimrec.cues import CueLists

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconPart(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Unit(LexiconPart):
    """A counted noun: what class of thing it counts, and the claim it makes by itself."""

    cls: str = Field(alias="class")
    military_class: str | None = None
    default_predicate: str | None = None


class Predicate(LexiconPart):
    family: str
    measure: str | None = None  # what a count under this predicate counts (one of `measures`)
    locative: bool = False
    cumulative: bool = False
    subject_nouns: bool = False
    once: bool = False  # a one-off event: its date facts can conflict
    # an event that changes the counted people's state ("released", "died"): when it governs
    # a count it overrides the counted noun's own predicate ("300 hostages were released")
    changes_state: bool = False
    # counts only people who are not a force: troops leaving a place are no evacuees
    civilian: bool = False
    # verbs (or verb + particle) that count the predicate's people when their subject is a
    # building or site: "the shelters held 900 people", "schools took in 400"
    hosted_by: list[str] = []
    verbs: list[str] = []
    place_verbs: list[str] = []
    nouns: list[str] = []
    phrases: list[str] = []
    # prepositional phrases that put people in the predicate's state, on a verb or on the
    # counted noun itself ("went on strike", "are on strike", "members on strike")
    states: list[str] = []


class Participation(LexiconPart):
    """Phrases of taking part that name no event of their own ("came out", "took part"):
    they count what their sentence is about, else what their subject's class implies."""

    phrases: list[str] = []
    predicates: list[str] = []  # what the sentence may be about, first found wins
    captives: dict[str, str] = {}  # subject's unit class -> predicate, whatever the sentence
    captive_phrases: list[str] = []  # the phrases of leaving ``captives`` applies to
    subject_classes: dict[str, str] = {}  # subject's unit class -> predicate
    defaults: dict[str, str] = {}  # phrase -> predicate when nothing else says


class Membership(LexiconPart):
    """Members counted as an organisation's size: unit classes, and the measures such a count
    never states ("the union's 260,000 members" are no force sent)."""

    classes: list[str] = []
    never: list[str] = []
    # captives moved ("146 inmates were transferred") are moved, no force sent either
    captives: list[str] = []


class Measure(LexiconPart):
    """A noun that stands for a count ("toll", "crowd") and the claim its number makes."""

    predicate: str | None = None  # None: a figure noun ("the total") that says no more
    unit: str


class Combined(LexiconPart):
    of: list[str]
    name: str


class Hedges(LexiconPart):
    min: list[str] = []
    max: list[str] = []
    approx_max: list[str] = []
    approx: list[str] = []


class Attribution(LexiconPart):
    verbs: list[str]
    prepositions: list[str]
    active_only: list[str] = []  # "X expects 900" names a source; "900 are expected" none
    report_nouns: list[str]
    anonymous_heads: list[str]
    organization_heads: list[str]
    empty_sources: list[str]
    figure_preps: list[str] = []
    agent_nouns: list[str] = []
    agent_suffixes: list[str] = []
    plural_agent_suffixes: list[str] = []
    table_source_headers: list[str] = []
    release_markers: list[str] = []
    # Heading openings that name what a statement is about ("STATEMENT ON THE FIRE"): they
    # mark a release, and their segment is never the issuer.
    release_topics: list[str] = []
    # Lines that close a release ("ENDS"): a text ending so is its issuer's own release.
    release_trailers: list[str] = []
    # Words of a label announcing a source's news before a colon ("The latest from X:").
    label_news: list[str] = []
    # Unnamed roles whose words are their organisation's ("a spokesperson for X").
    voice_roles: list[str] = []
    # Those who run a named body, in the plural, speak for it ("X organisers said").
    body_members: list[str] = []
    # Figure nouns a body that owns them keeps ("the ministry's death toll"); unlike report
    # nouns, a place owning one is whose people it counts.
    owned_figures: list[str] = []
    # A source taking back its own figure: the sentence's other figure is its replacement.
    revision_verbs: list[str] = []
    carry_sentences: int = 1


class ModalityWords(LexiconPart):
    words: list[str] = []
    phrases: list[str] = []


class Modality(LexiconPart):
    negated: ModalityWords
    possible: ModalityWords
    expected: ModalityWords
    reported: ModalityWords


class Prefilter(LexiconPart):
    """Words that make a sentence worth parsing (digits always do)."""

    number_words: list[str] = []
    date_words: list[str] = []
    event_forms: list[str] = []
    speech_forms: list[str] = []


class Merging(LexiconPart):
    """Words the entity merger reads (see ``entities.py``): how names vary and how
    organisations are called once they have been named."""

    # Particles that are no name of their own: "al-Hashimi" is matched as "Hashimi".
    name_particles: list[str] = []
    # Spelling variants of one sound, rewritten before person tokens are compared.
    transliterations: dict[str, str] = {}
    # Words an acronym skips: "Board of Inland Waterways" -> BIW.
    acronym_skip: list[str] = []
    # Head nouns that make a lowercase phrase a generic short form ("the coast guard").
    short_form_heads: list[str] = []
    # A generic head may name an organisation whose own head is one of these.
    short_form_classes: dict[str, list[str]] = {}
    # Kinds of organisation whose names seldom say their kind: "the network said" may point
    # back to "Kestrel Line", a name whose head is no kind noun at all.
    opaque_kinds: list[str] = []
    # Plural heads that, after a nationality adjective, are a state speaking ("Ruritanian
    # officials said" is Ruritania's voice); "a Ruritanian nurse" stays a nurse.
    state_voices: list[str] = []
    # Role nouns that tie a person to an organisation ("Y spokesman X").
    affiliation_roles: list[str] = []
    # Words that never modify a role, so a clause between two names ties no one to the other.
    function_words: list[str] = []
    # Legal forms ending a company's registered name ("Tarnby Quarries PLC"): dropped.
    legal_forms: list[str] = []
    # Words for a state in its formal name ("the Republic of X"): an office "of the
    # Republic of X" is X's office, named so in the heading of its own release.
    state_forms: list[str] = []


class Tolls(LexiconPart):
    """Words for the counts of a disaster or an epidemic (``tolls.py``): whose dead, which
    patients, whose staff."""

    presumption_verbs: list[str] = []  # "missing, presumed dead": counted as dead
    victim_nouns: list[str] = []  # the people an event struck: its dead, when it only killed
    victim_measure: str = "deaths"
    victim_rivals: list[str] = []  # measures that make "victims" more than the dead
    whole_measures: list[str] = []  # "five of whom are in critical condition": all of those
    bounded_units: list[str] = []  # "a three-day curfew": an event of stated length
    within_event: list[str] = []  # "on the second day", "by the end": dated inside such an event
    country_nouns: list[str] = []  # "for the country": the last country named
    country_preps: list[str] = []
    state_bodies: list[str] = []  # "X's ministry": X is a state
    intake_of: str | None = None  # the state whose intake is a flow of its own ("hospitalised")
    intake: str | None = None  # the predicate of that flow ("admitted")
    intake_verbs: list[str] = []  # "took 45 patients to hospital", "admitted 130"
    intake_from: list[str] = []  # "treating 71 survivors": those who survived, taken in
    care_verbs: list[str] = []  # the verbs that take such people in (not carry, bring)
    load_verbs: list[str] = []  # "a ferry carrying 265 people": those aboard
    load: str | None = None  # the predicate of people a vessel carries ("aboard")
    saying_words: list[str] = []  # "on Thursday said": a date of saying, not of the intake
    be_forms: list[str] = []  # "was treating 19": with a verb in -ing, a state of care
    rescue_from: list[str] = []  # "pulled 187 survivors from the water": the rescued
    rescue_verbs: list[str] = []
    rescue_classes: list[str] = []  # "lifted 130 people from rooftops": civilians drawn out
    rescue: str | None = None
    staff_nouns: list[str] = []  # an organisation's people: whose they are is the question
    staff_verbs: list[str] = []  # verbs of having or working that count them
    staff_family: str = "staff"
    reported_of: str | None = None  # the measure whose reports are their own question
    reported: str | None = None  # the predicate of those reports ("reported missing")
    report_verbs: list[str] = []


class ReconcileWords(LexiconPart):
    """Words reconcile reads in a claim's sentence to place its figure in time and scope."""

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    cumulative_measures: list[str] = []  # running totals: a later, higher figure updates
    agent_owns: list[str] = []  # measures whose doer owns the count: "X sent 10,000 troops"
    # nouns that name no kind of people: "40 people and 12 medics" splits off only the medics
    generic_counted: list[str] = []
    # words joining two counts of one state as two groups ("37 injured, as well as 6 staff")
    coordinators: list[str] = []
    # verbs of being: with no measure, a count under one is keyed by the words after it
    copulas: list[str] = []
    figure_words: list[str] = []  # "withdrawn that figure": what a correction points back to
    tallies_apart: list[str] = []  # "265 excess deaths": a statistical construct of its own
    row_neutral_words: list[str] = []  # in a row label, say nothing of who ("confirmed")
    per_event_measures: list[str] = []  # a count of one gathering: each day its own question
    # harm at a gathering, counted per day when the story's gatherings recur (event_scope)
    gathering_measures: list[str] = []
    # measures that happen day by day: a count dated to one day is that day's question
    dated_event_measures: list[str] = []
    running_since: list[str] = []  # in a count's clause: a running count ("since Monday")
    running_window: int = 8  # words either side of the figure searched for those
    group_classes: list[str] = []  # people named by a status: their dead are a group apart
    group_measures: list[str] = []  # measures for which such a noun names its own group
    # an exchange: releases of two of the group classes are two questions (hostages, prisoners)
    exchange_measures: list[str] = []
    # before a one-off event's noun: another event of its kind ("a similar fire in January")
    other_event: list[str] = []
    # after a count of harm: it is stated for before the one-off event ("died before the
    # sinking"), not the event's toll
    before_event: list[str] = []
    before_event_nouns: list[str] = []  # event nouns beside the once predicates' ("sinking")
    happening_nouns: list[str] = []  # a time dating one dates the happening ("Monday's clashes")
    before_event_measures: list[str] = []
    # a one-off event's dates clash only when both date one happening: its onset (these
    # words, or a noun naming the event) or one other word of it; never a bound (below)
    onset_words: list[str] = []
    date_bounds: list[str] = []  # before a date: it bounds a stretch ("since Sunday")
    part_of: list[str] = []  # an increment or a subset: "another 3,000", "nine of them"
    part_in_phrase: list[str] = []  # inside the counted phrase only: "56 new cases"
    rate: list[str] = []  # right after the figure: a count per period ("40 a day")
    rate_not_before: list[str] = []  # "a week earlier" is a time, not a rate
    part_of_not_before: list[str] = []  # a marker followed by these is no marker ("more than")
    part_of_before_only: list[str] = []  # part-of words that mark a part only before it
    part_of_not_after: list[str] = []  # a marker after these is no marker ("or more")
    part_window: int = 3  # words either side of the figure searched for a part-of marker
    adds_to: list[str] = []  # "add 4,600 workers to the walkout": an increment (waves.py)
    # part-of markers that open the subset they name, so mark only a figure after them:
    # "1.2 million marched, including 90,000 in X" (the 1.2 million is the total)
    part_of_leading: list[str] = []
    # right after a count: it counts some of a group named before ("187 of them escaped")
    partitive: list[str] = []
    # right after a bare figure: its people are others than those just counted
    others: list[str] = []
    # after a figure and before another: the second is the whole the first is taken from
    # ("310 of the 480 nurses", "1,150 walked out, out of a staff of 8,600")
    whole_of: list[str] = []
    whole_of_window: int = 6  # words allowed between the part's figure and the marker
    # beside a count of one event: it is the running total of such events ("in all, 58")
    running_total: list[str] = []
    withdrawn: list[str] = []  # just before a figure: its source takes it back
    withdrawn_window: int = 6
    # a correction note: a sentence telling what an earlier report said, then one ruling
    # its figure out ("That figure was wrong."): the figure is withdrawn
    correction_report: list[str] = []  # "a previous edition of the story put ..."
    correction_labels: list[str] = []  # opening a sentence: "Correction:"
    correction_verdict: list[str] = []  # in the next sentence: "was wrong", "correct figure"
    stated_update: list[str] = []  # a later figure that says it replaces an earlier one
    hedged_past: list[str] = []  # "might have been": a hedged estimate, not a projection
    scenario: list[str] = []  # next to a figure: "a worst case", a projection
    scenario_window: int = 4  # words either side of the figure searched for a scenario
    framing_preps: list[str] = []  # "In X, police counted ..." / "... marchers in X"
    earlier: list[str] = []  # "the agency had initially put it at": an earlier moment
    earlier_before: list[str] = []  # right before a figure: "up from 37", an earlier state
    earlier_before_gap: list[str] = []  # words that may stand between: "up from the 143"
    later_state: list[str] = []  # "after three were freed, 212 were held": a later state
    state_change_nouns: list[str] = []  # "after the latest arrivals": a change, as a noun
    rose_to: list[str] = []  # "the toll has climbed to 62": later than the article's lower
    terms_framing: list[str] = []  # a sentence opening "Under the deal, ...": its terms
    terms_verbs: list[str] = []  # next to a figure: "the deal covers 80": a term
    terms_window: int = 3

    @cached_property
    def compiled(self) -> CueLists:
        """These lists as ``claimrec.cues`` finds them, compiled once per lexicon."""
        from claimrec.cues import CueLists  # cues reads these words: imported when asked

        return CueLists(self)


class WhereWhen(LexiconPart):
    """Words that tell an event's place or time from other places and times in a sentence."""

    fallback_predicate: str = "reported"  # a date or place with no word to name its event
    # Nouns of things, not events, that an event's own verbs take as subject ("the boat
    # sank"): under any other verb they are not the event ("the boats combed the area").
    thing_nouns: list[str] = []
    # An event noun after one of these is a time ("since the fire"), not what a place locates.
    time_preps: list[str] = []
    # A date phrase that does not resolve to the calendar is still an event's time after
    # one of these ("on the night", "since the fire"); "for"/"over"/"within" make durations.
    date_preps: list[str] = []
    # An unresolved phrase after one of these is a length of time ("for weeks", "within hours").
    duration_preps: list[str] = []
    # "could reach 5,000 by January": the moment a projection speaks for.
    horizon_preps: list[str] = []
    # Words that take a place as their object even as a particle ("sank off X", "inside X").
    spatial_particles: list[str] = []
    # "four days after ...", "two weeks later": a span before one of these is a point.
    relative_words: list[str] = []
    # "the strike began on 4 May": verbs that only date the event their subject names.
    aspect_verbs: list[str] = []
    # A time of day without a clock names one of these ("that evening", "the night").
    day_parts: list[str] = []
    # "on the night": a bare part of a day, the day of the story's one-off event.
    event_day_parts: list[str] = []
    rate_words: list[str] = []  # "a day", "every night", "per day": a rate, not a time
    # "35 crossings per day": spans of time a count may be given per; per anything else
    # ("two people per square metre", "three per tent") it is a density, not a count.
    period_nouns: list[str] = []
    # Nouns of a mishap: a lone name "at" one is its site ("the derailment at X").
    mishap_nouns: list[str] = []
    # Places people live in: "a town of 38,000" counts its people ("an area of 300" does not).
    settlement_nouns: list[str] = []
    # A day part after one of these points back to the last day named ("that day", "the same
    # evening"): a figure stated for it speaks for that day.
    same_day_markers: list[str] = []
    # A date after one of these opens a running count ("Injured since 16 March: 1,093"): a
    # table or list date so introduced is not the day its figures speak for.
    window_preps: list[str] = []
    # A time of day without a clock ("that evening") is an event time; with one it is not.
    clock_words: list[str] = []
    # A line starting with one of these stamps the article, not an event ("Updated 14 May").
    publication_words: list[str] = []
    # A place attached to one of these verbs, or to their speaker or audience, is where the
    # statement was made ("told reporters in X"), not where the counted people are.
    speech_verbs: list[str] = []
    # Heads after which "for X" is a destination ("bound for X").
    destination_heads: list[str] = []
    place_heads: list[str] = []  # place-claim heads beyond ``location_heads``
    place_object_verbs: list[str] = []  # verbs whose named direct object is a place
    motion_verbs: list[str] = []  # of those, verbs whose any proper-name object is a place
    host_verbs: list[str] = []  # verbs whose named place subject hosts what is counted
    # Site nouns a number names ("Section 7", "Gate 4"): a place whatever NER calls them,
    # unless "of" a law ("Section 7 of the Act").
    numbered_sites: list[str] = []
    law_words: list[str] = []
    # Nouns for a part of a place ("the last section of X", "parts of four districts"):
    # the place is what they are a part of.
    part_nouns: list[str] = []
    # Adjectives that make the name they modify a place ("into neighbouring X").
    place_adjectives: list[str] = []
    # People named by where they live: "of X" after them is a place ("residents of X").
    resident_nouns: list[str] = []


class Lexicon(LexiconPart):
    """The validated, merged lexicon. Lookup tables are derived once and cached."""

    units: dict[str, Unit]
    military_context: list[str]
    demonym_unit_class: str = "people"
    max_count: int = 10_000_000_000
    hedges: Hedges
    approx_suffixes: list[str] = []
    min_suffixes: list[str] = []
    max_suffixes: list[str] = []
    min_verbs: list[str] = []
    collective_people: list[str] = []  # "a crew of six": a body of people, no one's age
    change_verbs: list[str] = []  # "fell from 40 to 37": two figures, not a range
    approx_max_verbs: list[str] = []
    people_adjectives: dict[str, str] = {}
    value_verbs: list[str] = []
    value_as_verbs: list[str] = []  # "gave the number of injured as 52": the object's value
    stative_verbs: list[str] = []  # never override a counted noun's measure ("held 29 patients")
    # captives who do something are its doers: their noun's own state says nothing of them
    doer_verbs: list[str] = []
    exchange_preps: list[str] = []  # "freed 12 in return for 30 prisoners": freed too
    nationality_nouns: list[str] = []  # "nationals of X": X's people, as "Xian nationals"
    figure_pronouns: list[str] = []  # "raised it to 214": the figure just given
    capacity_verbs: list[str] = []  # "built for 600 inmates": a capacity, not people counted
    people_pronouns: list[str] = []  # "eleven of us": a partitive of these counts people
    # verbs whose subject undergoes the event even with an object ("fled the city")
    undergoer_verbs: list[str] = []
    building_nouns: list[str] = []  # subjects that host people ("the shelters held 900")
    custody_nouns: list[str] = []  # subjects whose held people are inmates ("the jail holds 900")
    custody_predicate: str | None = None  # what a custody subject's holding counts
    neutral_owners: list[str] = []
    bare_never: list[str] = []
    label_words: list[str] = []
    time_words: list[str] = []
    nominal_deps: list[str] = []
    month_words: list[str] = []
    age_words: list[str] = []
    age_verbs: list[str] = []
    group_nouns: list[str] = []
    counting_words: list[str] = []
    counting_verbs: list[str] = []
    # counted nouns whose head count is the document's main toll, whatever it counts
    toll_nouns: list[str] = []
    # verbs of finding that, negated, state people missing ("230 were never found")
    unfound_verbs: list[str] = []
    unfound_predicate: str = "missing"
    measures: list[str] = ["other"]
    predicates: dict[str, Predicate]
    combined_predicates: list[Combined] = []
    measure_nouns: dict[str, Measure] = {}
    participation: Participation = Participation()
    measure_heads: list[str] = []  # counted nouns that name what happened: they decide
    membership: Membership = Membership()
    copula_predicate: str | None = None
    presence_verbs: list[str] = ["be"]
    presence_units: list[str] = []  # the unit classes whose presence is a deployment
    civilian_moves: list[str] = []  # verbs that deploy only a force ("moved 64 residents")
    location_preps: list[str]
    location_heads: list[str]
    directions: list[str]
    attribution: Attribution
    modality: Modality
    titles: list[str]
    synonyms: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    person_token_similarity: int = 85
    name_similarity: int = 92
    merging: Merging = Merging()
    demonyms: dict[str, str]
    countries: list[str] = []
    prefilter: Prefilter = Prefilter()
    reconcile: ReconcileWords = ReconcileWords()
    tolls: Tolls = Tolls()
    where_when: WhereWhen = WhereWhen()

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    @model_validator(mode="after")
    def _known_measures(self) -> Lexicon:
        """A predicate's measure must be one of ``measures``: the set stays closed."""
        for name, entry in self.predicates.items():
            if entry.measure is not None and entry.measure not in self.measures:
                raise ValueError(
                    f"predicates.{name}.measure {entry.measure!r} is not listed in measures"
                )
        return self

    @cached_property
    def digest(self) -> str:
        """Content hash: caches and graphs record which lexicon produced them."""
        blob = json.dumps(self.model_dump(by_alias=True), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def measure_of(self, predicate: str) -> str:
        """The measure a count under ``predicate`` states; ``other`` when the lexicon says
        nothing more than that people were counted."""
        entry = self.predicates.get(predicate)
        return entry.measure if entry is not None and entry.measure else "other"

    def unit_entry(self, noun: Any) -> Unit | None:
        """The people-noun entry of a token (by lemma, form, or a plain plural's stem)."""
        low = noun.lower_
        for word in (noun.lemma_.lower(), low, low[:-1] if low.endswith("s") else ""):
            entry = self.units.get(word)
            if entry is not None:
                return entry
        return None

    @cached_property
    def verb_predicates(self) -> dict[str, str]:
        return _index((name, p.verbs) for name, p in self.predicates.items())

    @cached_property
    def noun_predicates(self) -> dict[str, str]:
        return _index((name, p.nouns) for name, p in self.predicates.items())

    @cached_property
    def place_verb_predicates(self) -> dict[str, str]:
        return _index((name, p.place_verbs) for name, p in self.predicates.items())

    @cached_property
    def hosting_predicates(self) -> dict[str, str]:
        """Verb (or verb + particle) whose building subject hosts people -> predicate."""
        return _index((name, p.hosted_by) for name, p in self.predicates.items())

    @cached_property
    def phrase_predicates(self) -> dict[str, str]:
        """Verb + particle or object ("take part", "turn out") -> predicate."""
        return _index((name, p.phrases) for name, p in self.predicates.items())

    @cached_property
    def state_predicates(self) -> dict[str, str]:
        """Preposition + object lemma ("on strike"), or one word ("aboard") -> predicate."""
        return _index((name, p.states) for name, p in self.predicates.items())

    @cached_property
    def topic_words(self) -> dict[str, frozenset[str]]:
        """Predicate -> the words that tell a sentence is about it: its verbs, nouns and
        states' objects, the measure nouns and people nouns that imply it ("march",
        "strike", "marcher", "striker")."""
        out: dict[str, set[str]] = {}
        for name, entry in self.predicates.items():
            words = out.setdefault(name, set())
            words.update(entry.verbs, entry.nouns, (s.split()[-1] for s in entry.states))
        for noun, measure in self.measure_nouns.items():
            if measure.predicate in out:
                out[measure.predicate].add(noun)
        for noun, unit in self.units.items():
            if unit.default_predicate in out:
                out[unit.default_predicate].add(noun)
        return {name: frozenset(words) for name, words in out.items()}

    @cached_property
    def hedge_kinds(self) -> dict[tuple[str, ...], str]:
        """Hedge phrase as a lowercase token tuple -> its kind, for longest-match lookup."""
        table: dict[tuple[str, ...], str] = {}
        for kind in ("min", "max", "approx_max", "approx"):
            for phrase in getattr(self.hedges, kind):
                table.setdefault(tuple(phrase.lower().split()), kind)
        return table

    @cached_property
    def hedge_longest(self) -> int:
        """Words in the longest hedge phrase: how far back a hedge can start."""
        return max((len(k) for k in self.hedge_kinds), default=0)

    @cached_property
    def hedge_last_words(self) -> frozenset[str]:
        """Last words of the hedge phrases: a number after any other word has no hedge."""
        return frozenset(k[-1] for k in self.hedge_kinds)

    @cached_property
    def spatial_particles(self) -> frozenset[str]:
        """``where_when.spatial_particles`` as a set: asked for every token."""
        return frozenset(self.where_when.spatial_particles)

    @cached_property
    def demonym_index(self) -> dict[str, str]:
        """Lowercase nationality word (singular and plural) -> country name."""
        index: dict[str, str] = {}
        for word, country in self.demonyms.items():
            low = word.lower()
            index[low] = country
            index[low + "s"] = country
        return index

    @cached_property
    def country_set(self) -> frozenset[str]:
        names = set(self.countries) | set(self.demonyms.values())
        for canonical, alts in self.aliases.items():
            if canonical in names:
                names.update(alts)
        return frozenset(n.lower() for n in names)

    @cached_property
    def alias_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for canonical, alts in self.aliases.items():
            for alt in [canonical, *alts]:
                index[alt.lower()] = canonical
        return index

    @cached_property
    def title_set(self) -> frozenset[str]:
        return frozenset(t.lower() for t in self.titles)

    @cached_property
    def attribution_verbs(self) -> frozenset[str]:
        return frozenset(self.attribution.verbs)


def _index(pairs: Any) -> dict[str, str]:
    """First listed predicate wins for a trigger word that appears twice."""
    out: dict[str, str] = {}
    for name, words in pairs:
        for word in words:
            out.setdefault(word.lower(), name)
    return out


def default_data() -> dict[str, Any]:
    """The packaged lexicon's data, parsed by libyaml when PyYAML has it: the pure-Python
    parser took ~0.2 s of every build, warm ones too (same safe constructors, same data)."""
    text = resources.files("claimrec").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)


def merge(
    base: dict[str, Any], extra: dict[str, Any], *, replace: frozenset[str]
) -> dict[str, Any]:
    """Mappings merge key by key, lists extend without duplicates; ``replace`` names top-level
    sections taken from ``extra`` as they are."""
    out = dict(base)
    for key, value in extra.items():
        if key in replace or key not in out:
            out[key] = value
        elif isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = merge(out[key], value, replace=frozenset())
        elif isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def load_lexicon(config: Path | None = None) -> Lexicon:
    """The packaged lexicon, extended by ``config`` when given."""
    data = default_data()
    if config is not None:
        extra = _read_config(config)
        replace = frozenset(extra.pop("replace", None) or [])
        data = merge(data, extra, replace=replace)
    try:
        return Lexicon.model_validate(data)
    except ValidationError as exc:
        where = f"config file '{config}'" if config else "packaged lexicon"
        raise ConfigError(
            f"{where}: {_problem(exc)}; the packaged lexicon, with every key, is {packaged_path()}"
        ) from None


def packaged_path() -> str:
    """Where the packaged lexicon.yaml really is (inside the installed package)."""
    return str(resources.files("claimrec").joinpath("data/lexicon.yaml"))


def _problem(exc: ValidationError) -> str:
    """The first problem, an unknown key first (a misspelt key also makes a required one
    look missing), with the nearest valid key when one is close."""
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    loc = tuple(str(p) for p in first["loc"])
    where = ".".join(loc)
    if first["type"] != "extra_forbidden":
        return f"{first['msg'].lower()} at '{where}'"
    valid = _keys_at(loc[:-1])
    near = difflib.get_close_matches(loc[-1], valid, n=1, cutoff=0.6)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return f"unknown key '{where}'{hint}"


def _keys_at(parent: tuple[str, ...]) -> list[str]:
    """The keys the lexicon allows under ``parent`` (a path of keys), or none when that
    place takes free keys (a mapping of units, aliases ...)."""
    current: Any = Lexicon
    for part in parent:
        current = _model_or_container(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = _field(current, part)
            if field is None:
                return []
            current = field.annotation
        elif typing.get_origin(current) in (dict, list, tuple):
            args = typing.get_args(current)
            current = args[-1] if typing.get_origin(current) is dict else args[0]
        else:
            return []
    current = _model_or_container(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _model_or_container(annotation: Any) -> Any:
    """``X | None`` as ``X``."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return annotation


def _field(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _read_config(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file not found: '{path}'") from None
    except IsADirectoryError:
        raise ConfigError(f"config '{path}' is a folder; give a YAML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file '{path}': {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(
            f"config file '{path}' is not valid YAML{where}: fix the syntax"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"config file '{path}' must be a YAML mapping of lexicon sections")
    return data
