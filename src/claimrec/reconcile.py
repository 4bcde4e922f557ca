"""Reconcile: group claims into facts (one question each) and decide each fact's status.

Reconcile computes; it never writes prose. A fact's ``reasons`` are data (which values
clash, update or supersede which, on which days, from which voices); ``render.explain``
turns them into the sentence docs/graph.md keeps in ``explanation``, called from graph
assembly.

**The question** (``FactKey``): story, type, subject, measure and scope. For a count
with a measure (deaths, injured, force ...) the word counted (troops, soldiers, people)
and the predicate lemma are not part of the key, only the predicate's family (sent,
deployed and stationed are one deployment; arriving is another question); a count
whose measure is ``other`` keeps the noun it counts too (with nothing else to say what
it counts, 115 men and 20 women are two questions). A count's place narrows the
question when it is stated for it (its location, or a place framing its sentence): a
place inside a country, a table row's place label (rows split the story, a country
too), or a country other than the story's own (the one most of its country-stated
counts are stated for; an epidemic across three countries has none, so each country's
toll is its own question; a force sent to a country is no narrower), and never the
site where the story's one-off event happened (the tower that burned). A site named for
the place it stands in ("X Assembly plant") answers that place's question; a count
stated for a list of places ("in X, Y and Z") is no one place's. Scope is
``projection`` for a projected figure dated after its article, or projecting a running
toll or a gathering; ``rate`` for a count per period; ``row:<label>`` for a table row
naming what it counts; ``tally:<kind>`` for a tally of another kind ("265 excess
deaths"); ``terms`` for a term of an agreement ("the deal covers 80": one
question whichever day it is told); else ``part`` for an increment or subset ("another
3,000", "nine of them", the items of a breakdown after a total: "96: 80 men, 13 women and
three children"), which is never compared with a total. Two kinds of people counted side
by side ("286 passengers and 11 crew") are two groups, neither the whole: every count of
either noun in that story keeps its noun in the key. (A count stated for a narrower
place is already a narrower question; its part-of words do not split it further.) A
count of one event (the lexicon's ``per_event_measures``: a crowd, a release) adds its
day: two days' crowds are two events; so does a count of people taken in on one past day
("on Sunday we admitted 80": that day's intake, not the running intake since some day).
A count's subject stays in the key only when it
owns what is counted: the counted phrase names it ("17 Velorians") or the measure's doer
owns it ("X sent 10,000 soldiers", the lexicon's ``agent_owns``, even when X is also
the source or the corpus names X as where a strike is); never the claim's own source
otherwise, a person, a place the corpus names as where things happen (where, not whose),
or a list of agents ("X, Y and Z have laid off ...": a total across them). Waves and
sites (``claimrec.waves``): an organisation that is itself a voice of the story's counts
of a measure names its own members, no narrower; "at 44 facilities" is no one place; "add
N to" and a dated table column that falls are increments of their day; a bare figure its
article repeats for one measure asks that question, and a correction ("withdrawn that
figure; the correct number was 53") the question of the figure it corrects.
A date or place answers when or where its event happened (``_event_block``): every date
of a one-off event (a ``once`` predicate: the fire, the sinking) is one "when", every
place one "where", whatever the sentence's subject; a gathering's dates and places are
the question of its day; a bare verb's date or place in a sentence that counts one
gathering is that gathering's ("In X, police counted 30,000 marchers"). What no event word
settles, ``event_keys`` does (``_occurrence_block``): any other date names its occurrence
by its day, whatever its verb (a strike's waves, a truce's daily releases), a coarse date
being the one finer date inside it; a date on the one-off event's day, a bare "on the
night", and a bare verb's place at its site are that event's; a place on no word (a
dateline) names only itself; a place where an unnamed crowd is counted on a gathering's
day is that gathering's; any other place on a verb that names no event ("pickets stood
in X", a dateline) names only itself.

**The moment.** Each claim speaks for a day (``as_of``, else its document's date).
Within a fact, values form a timeline. Two values *clash* when their voices are
independent, their intervals cannot both hold and their days fall in one window
(``window_days`` apart at most; an undated claim may be any day, unless it repeats a
figure dated elsewhere in the fact: then it speaks for that figure's days). Across windows:
a running total (the lexicon's ``cumulative_measures``) that rises is an *update*; one
that falls from another voice's figure without saying it replaces it is flagged
(``unstated_change``, a conflict); a current state (people in hospital, hostages held)
may move either way. One article that tells its running total rising ("stood at 37
overnight ... has climbed to 62", "Latest figures: 66 dead") states an update, not a clash
between its voices. A voice changing its own figure is a *revision*: its earlier
figure is set aside. A figure its source takes back ("withdrew its count of 60") is
*superseded*: kept, marked, never compared or counted for consensus. Projections
("could rise to 600"), denials and vague quantities take part in nothing; a "might
have been" estimate takes part, and a clash involving it is marked hedged.

**Status**: ``single`` (one claim), ``conflict`` (a clash or an unstated change),
``updated`` (values differ only over time), ``consistent`` (all values can be true at
once). Places, the dates of recurring events and of earlier events, and increments are
multi-valued: never a conflict; so are the counts of earlier events (the key does not say
which earlier event a figure counts). Two dates of a one-off event clash only when they
date one happening (``_Context.happening``): its onset, or one other word of it; a bound
("since Sunday") or a later stage ("contained on Friday") is its timeline.

**Consensus** (conflicts only): among the live values of the latest window, the
interval that a strict majority of independent voices allows; otherwise none, with
why (a tie, or no majority).

Grouping is one dictionary pass (linear); comparisons happen inside a fact, between
its distinct values, with claims bucketed by day.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations, pairwise
from operator import attrgetter
from typing import NamedTuple

from claimrec.corrected import corrected_figures
from claimrec.cues import (
    Phrases,
    follows_change,
    is_breakdown,
    is_earlier,
    is_hedged_past,
    is_part,
    is_part_in_phrase,
    is_rate,
    is_running_count,
    is_running_total,
    is_scenario,
    is_terms,
    is_whole,
    is_withdrawn,
    pattern,
    phrases,
    rate_pattern,
    run_openers,
    sentence_words,
    states_update,
    states_whole,
    tally_apart,
)
from claimrec.dates import resolve_date
from claimrec.event_keys import (
    OCCURRENCE,
    bare_day_part,
    day_names,
    event_anchors,
    finer_dates,
    occurrence,
    occurrence_scope,
)
from claimrec.event_scope import (
    before_event,
    before_event_pattern,
    dated_event_pattern,
    earlier_event,
    recurring_stories,
    year_labelled,
)
from claimrec.lexicon import Lexicon, ReconcileWords
from claimrec.measure_rows import names_no_group, row_words, shared_labels
from claimrec.models import (
    Claim,
    CountValue,
    DateValue,
    Edge,
    EdgeKind,
    Entity,
    Evidence,
    Fact,
    FactKey,
    FactValue,
    GraphDocument,
    LocationValue,
    NoConsensus,
    Reason,
    Reconciliation,
    ValueRole,
)
from claimrec.tolls import (
    forecast_of_now,
    measure_family,
    staff_owner,
    story_measures,
    victims_measure,
    within_events,
)
from claimrec.values import compatible, count_interval, label, value_key
from claimrec.voices import Voices
from claimrec.waves import (
    increment_rows,
    is_added,
    names_several_places,
    repeated_figures,
    voiced_measures,
)

# A name after a locative preposition is a place whatever type entity typing gave it
# ("In Selm, police counted ..."), except a person.
FRAMING_TYPES = frozenset({"GPE", "LOC", "ORG", "GROUP"})
HEADLINE_LINES = 12  # lines of a body whose markdown headings may name the event's site
MIN_EVENT_SITE = 2  # location claims that must name a place as where the event happened
NAME_WINDOW = 80  # characters before an event noun that a place name naming it can span
MIN_PLACE = 3  # shorter aliases are too ambiguous to read as a place in running text
NOT_OWNERS = frozenset({"PERSON", "ANON"})
ORGANISATION_TYPES = frozenset({"ORG", "GROUP"})
VOICE_TYPES = frozenset({"PERSON", "ANON", "ORG", "GROUP"})  # who can be a source
MAX_TIMELINE = 12  # update reasons kept per fact (the most recent)
PART = "part"
PROJECTION = "projection"
RATE = "rate"
TOTAL = "total"
TERMS = "terms"
EARLIER = "earlier"
LIST_JOINERS = frozenset({"and", "or", "plus"})  # words that join a list's last item
COPULA_STATE = "state"  # a copula's count: what the words after it say its people are
COPULA_WORDS = 6  # words after a copula's count that say what its people are
WHOLE = "whole"  # the population a share is taken of ("of the 480 nurses")
WITHIN = "within"
PLACE = "place"  # the predicate of a place on a verb that names no event: the place itself
BEFORE_EVENT = "before_event"  # harm stated for before the one-off event ("died before it sank")
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
EARLIER_DAYS = 365  # a date this long before its article is another, earlier event
ONSET = "onset"  # a date of the day an event began or happened
BOUND = "bound"  # a date that bounds a stretch ("since Sunday"): dates no happening

Value = CountValue | DateValue | LocationValue
READING_ORDER = attrgetter("doc", "evidence.start")  # a claim's (document, offset)
CLAIM_ID = attrgetter("id")


class _Entry(NamedTuple):
    """One claim as status decisions see it (internal to this module). A named tuple: made
    once per claim, it is immutable like a frozen dataclass and much cheaper to build."""

    claim: Claim
    voice: str
    day: dt.date | None
    last: dt.date | None  # end of a stated period, else ``day``
    role: ValueRole
    order: tuple[bool, dt.date, str]  # dated first, by day, then claim id
    span: tuple[float, float] | None  # a count's interval (values.count_interval)
    vkey: tuple[object, ...]  # values.value_key: which distinct value it states
    happening: str | None  # for a date: which happening it dates (``_Context.happening``)


class _Context:
    """What reconcile knows about the corpus, built once per call."""

    def __init__(
        self,
        claims: Sequence[Claim],
        *,
        documents: Sequence[GraphDocument],
        entities: Sequence[Entity],
        lexicon: Lexicon,
        country_level: frozenset[str],
        window_days: int,
    ) -> None:
        self.lexicon = lexicon
        self.cues = lexicon.reconcile
        self.cumulative_measures = frozenset(lexicon.reconcile.cumulative_measures)
        self.agent_owns = frozenset(lexicon.reconcile.agent_owns)
        self.rate = rate_pattern(lexicon.reconcile)
        self.per_event_measures = frozenset(lexicon.reconcile.per_event_measures)
        self.dated_event_measures = frozenset(lexicon.reconcile.dated_event_measures)
        self.original = {d.id: (d.copy_of or d.id) for d in documents}
        self.event_time = _event_time_pattern(lexicon)
        opens = "|".join(re.escape(w) for w in lexicon.where_when.window_preps) or "(?!)"
        self.since_time = re.compile(rf"(?i:\b(?:{opens})\s+(?:the\s+)?@T@)")
        self.other_event = _other_event_pattern(lexicon)
        self.before_event = before_event_pattern(lexicon)
        self.dated_event = dated_event_pattern(lexicon)
        self.onset_words = frozenset(lexicon.reconcile.onset_words)
        # the counts in reading order (document, then offset): the passes that look at a
        # count's neighbour walk this one list instead of sorting their own
        self._counts = sorted((c for c in claims if c.type == "count"), key=READING_ORDER)
        bodies = {d.id: d.body for d in documents if d.body is not None}
        self.corrected = corrected_figures(self._counts, bodies, self.cues)  # correction notes
        self.carried_day = _carried_days(self._counts, self.per_event_measures)
        self.before_happening_words = _before_happening_pattern(lexicon)
        self._before: dict[str, bool] = {}
        self._goes_on: frozenset[str] | None = None
        self.earlier_own: dict[str, bool] = {}
        nouns = sorted(
            {n for p in lexicon.predicates.values() if p.once for n in p.nouns}
            | set(lexicon.reconcile.before_event_nouns),
            key=len,
            reverse=True,
        )
        self.event_noun = re.compile(
            r"\b(?:" + ("|".join(re.escape(n) for n in nouns) or "(?!)") + r")s?\b", re.I
        )
        self.date_bounds = frozenset(lexicon.reconcile.date_bounds)
        self.event_nouns = frozenset(
            [*lexicon.reconcile.before_event_nouns]
            + [n for p in lexicon.predicates.values() if p.once for n in p.nouns]
        )
        self.entity = {e.id: e for e in entities}
        self.names = {e.id: e.name for e in entities}
        self.known_names = frozenset(a.lower() for e in entities for a in e.aliases)
        self._several: dict[str, bool] = {}
        self.number_words = frozenset(lexicon.prefilter.number_words)
        self.published = {d.id: d.published for d in documents}
        self.story = {d.id: d.story for d in documents}
        self.story_measures = story_measures(claims, self.story)
        self.within = within_events(claims, {d.id: d.body for d in documents}, lexicon)
        self.year_lines = year_labelled(claims, {d.id: d.body for d in documents}, self.published)
        self.day_by_day = _day_by_day(claims, self)
        self.groups_apart = _groups_apart(claims, lexicon, self.story)
        self.exchanges = _exchanges(claims, lexicon, self.story)
        self.classes_apart = self.groups_apart | self.exchanges
        self.nationalities = frozenset(c.lower() for c in lexicon.demonym_index.values())
        self.change_verbs = frozenset(  # a frozenset keeps its hash: asked per clash
            {v for p in lexicon.predicates.values() if p.changes_state for v in p.verbs}
            | set(lexicon.reconcile.state_change_nouns)
        )
        rises = "|".join(re.escape(w) for w in lexicon.reconcile.rose_to) or "(?!)"
        self.rose_to = re.compile(rf"(?i)\b(?:{rises})\s+(?:\S+\s+)?$")
        self.country_level = country_level
        self.places: frozenset[str] = frozenset()
        self.window = dt.timedelta(days=max(0, window_days))
        self.place_of = {
            a: e.id
            for e in entities
            if e.type in FRAMING_TYPES
            for a in e.aliases
            if len(a) >= MIN_PLACE and a[:1].isupper()
        }
        self.place_at = _framing_pattern(lexicon.reconcile.framing_preps, self.place_of)
        self.place_name = _place_name_pattern(self.place_of)
        self._names_place: dict[str, bool] = {}
        self.next_place = _next_place_pattern(self.place_of)
        speakers = {c.source for c in claims if c.source is not None}
        self.voice_names = _names_pattern(
            {
                a.lower(): e.id
                for e in entities
                if e.type in VOICE_TYPES
                for a in e.aliases
                if len(a) >= MIN_PLACE
            }
        )
        self.speaker_names = frozenset(
            a.lower() for e in entities if e.id in speakers for a in e.aliases
        )
        self.row_words = row_words(lexicon)
        self.shared_row_labels = shared_labels(claims, self.row_words)
        self.row_places = {  # a row labelled by who speaks is a source's row, not a place's
            a.lower(): e.id
            for e in entities
            if e.type in FRAMING_TYPES and e.id not in speakers
            for a in e.aliases
            if len(a) >= MIN_PLACE
        }
        self.row_label = _row_label_pattern(self.row_places)
        self._event_patterns: dict[str, re.Pattern[str] | None] = {}
        self._event_nouns: dict[str, re.Pattern[str]] = {}
        self._event_openers: dict[str, frozenset[bytes] | None] = {}
        self._framing: dict[str, str | None] = {}
        self._roles: dict[str, ValueRole] = {}
        self._name_patterns: dict[str, re.Pattern[str] | None] = {}
        self._named: dict[tuple[str, str], bool] = {}
        framed = {self.framing_place(c) for c in self._counts}
        self.places = frozenset(
            place for place in (*framed, *(c.location for c in claims)) if place is not None
        )
        self.voices = Voices(documents=documents, entities=entities)
        self.home = self._home_countries(claims)
        self.listed_parts = _listed_parts(claims) | _elided_parts(self._counts, lexicon)
        self.kinds = _coordinated_kinds(
            claims,
            frozenset(self.cues.generic_counted + lexicon.measure_heads),
            frozenset(lexicon.units),
            self.story,
            frozenset(tuple(c.split()) for c in self.cues.coordinators),
        )
        self.drawn_from_all = _drawn_from_all(
            claims,
            phrases(tuple(self.cues.partitive)),
            whole=frozenset(lexicon.tolls.whole_measures),
            family={name: p.family for name, p in lexicon.predicates.items()},
        )
        self.sentence_event = self._sentence_events(claims)
        self.sentence_counts: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in self._counts:
            self.sentence_counts[(claim.doc, claim.evidence.sentence)].append(claim)
        self.gathering_measures = frozenset(lexicon.reconcile.gathering_measures)
        self.recurring = recurring_stories(
            (self.story.get(c.doc), gathering, self.event_day(c) if gathering else None)
            for c in claims
            if c.type == "count"
            for gathering in (c.measure in self.per_event_measures,)
        )
        self.site_town = self._site_towns(entities)
        located = {  # a place a count is stated for, whatever type its name was read as
            a: e.id
            for e in entities
            if e.id in self.places
            for a in e.aliases
            if len(a) >= MIN_PLACE and a[:1].isupper()
        }
        self.event_sites = _headline_sites(
            documents, located | self.place_of, country_level, lexicon
        )
        for story, sites in self._event_sites(claims).items():
            self.event_sites[story] = self.event_sites.get(story, frozenset()) | sites
        self._claims = claims
        self._voiced: frozenset[tuple[str | None, str, str]] | None = None
        self._several_places: dict[str, bool] = {}
        self.increment_days = increment_rows(claims)
        self.repeats = repeated_figures(claims, named=frozenset(lexicon.predicates))
        self.repeats.update(_corrections(self._counts, self.cues))
        self.doc_days: dict[str, set[dt.date]] = defaultdict(set)
        self.gathering_days = self._gatherings(claims)
        self.unmeasured = _unmeasured_sentences(
            self.sentence_counts, frozenset(self.per_event_measures)
        )
        occurrences = [
            (c, c.value)
            for c in claims
            if isinstance(c.value, DateValue) and self._names_occurrence(c)
        ]
        self.finer = finer_dates((self.story.get(c.doc), value) for c, value in occurrences)
        self.day_names = day_names(
            (self.story.get(c.doc), value, self._event_kind(c)) for c, value in occurrences
        )
        self.anchors = event_anchors(
            claims,
            story_of=lambda c: self.story.get(c.doc),
            once_family=self._once_family,
            too_wide=country_level,
        )

    def several_places(self, place: str) -> bool:
        """``waves.names_several_places`` of a place entity, once per place."""
        known = self._several_places.get(place)
        if known is None:
            name = self.entity[place].name
            known = self._several_places[place] = names_several_places(name, self.number_words)
        return known

    def voiced(self) -> frozenset[tuple[str | None, str, str]]:
        """``waves.voiced_measures`` of the corpus, found when first asked (most corpora
        never name an organisation in a counted phrase)."""
        if self._voiced is None:
            self._voiced = voiced_measures(
                self._claims, voice=self.voices.voice, story=lambda c: self.story.get(c.doc)
            )
        return self._voiced

    def _gatherings(self, claims: Sequence[Claim]) -> dict[tuple[str | None, dt.date], str]:
        """The days on which each story counts a gathering (a count whose measure is one of
        the ``per_event_measures``), with the gathering's family; also (in ``doc_days``)
        the days each document counts one on."""
        family_of = {
            entry.measure: entry.family
            for entry in reversed(list(self.lexicon.predicates.values()))
            if entry.measure in self.per_event_measures
        }
        out: dict[tuple[str | None, dt.date], str] = {}
        for claim in claims:
            if claim.type != "count" or claim.measure not in family_of:
                continue
            day = self.event_day(claim)
            if day is not None:
                family = self.family(claim.predicate) if self.per_event(claim.predicate) else ""
                out.setdefault((self.story.get(claim.doc), day), family or family_of[claim.measure])
                if claim.time is not None:  # a day the article states, not its own date
                    self.doc_days[claim.doc].add(day)
        return out

    def unnamed_gathering(self, claim: Claim) -> tuple[str, dt.date] | None:
        """A place where people are counted with no word for what they do ("In X, police
        counted 18,000 people", "X is where they differ most: organisers counted 95,000"),
        on a day the story counts a gathering: that gathering's place (family and day). A
        reader takes an unnamed crowd on a day of marches to be marchers. The day is the one
        its article counts a gathering on, when just one, else its own."""
        if (claim.doc, claim.evidence.sentence) not in self.unmeasured:
            return None
        days = self.doc_days.get(claim.doc, set())  # the one day its article counts one
        day = next(iter(days)) if len(days) == 1 and claim.time is None else self.event_day(claim)
        family = self.gathering_days.get((self.story.get(claim.doc), day)) if day else None
        return (family, day) if family is not None and day is not None else None

    def _names_occurrence(self, claim: Claim) -> bool:
        """Whether a date is said of an occurrence that only its day tells apart: not of the
        one-off event by its own word, nor of a statement."""
        predicate = self.event_predicate(claim)
        return not self.once(predicate) and predicate not in self.lexicon.where_when.speech_verbs

    def _event_kind(self, claim: Claim) -> str | None:
        """A date's kind of event, to name its occurrence by: its lexicon event's family."""
        predicate = self.event_predicate(claim)
        return self.family(predicate) if predicate in self.lexicon.predicates else None

    def bare_day_part(self, claim: Claim) -> bool:
        """``event_keys.bare_day_part`` with the lexicon's words."""
        words = self.lexicon.where_when
        return bare_day_part(
            claim,
            words=frozenset(words.event_day_parts),
            determiners=frozenset(words.same_day_markers) | {"the"},
        )

    def _once_family(self, claim: Claim) -> str | None:
        """The family of the story's one-off event a date or place is said of: a ``once``
        predicate's, unless the sentence makes it another event of its kind or its date is
        long before its article."""
        predicate = self.event_predicate(claim)
        if not self.once(predicate) or self.other_event.search(claim.evidence.sentence):
            return None
        return None if _long_before(claim, self) else self.family(predicate)

    def _event_sites(self, claims: Sequence[Claim]) -> dict[str | None, frozenset[str]]:
        """Each story's own site: where its one-off event happened (a ``once`` predicate's
        place, narrower than a country: the tower that burned). A count stated for it is
        the story's own question, no narrower ("about 260 tenants lived in the estate")."""
        said: dict[str | None, Counter[str]] = defaultdict(Counter)
        for claim in claims:
            place = claim.location
            if (
                claim.type == "location"
                and place is not None
                and place not in self.country_level
                and self.once(claim.predicate)
            ):
                said[self.story.get(claim.doc)][place] += 1
        # said twice at least: one stray sentence does not make a city the event's site
        return {
            story: frozenset(p for p, n in counter.items() if n >= MIN_EVENT_SITE)
            for story, counter in said.items()
        }

    def _site_towns(self, entities: Sequence[Entity]) -> dict[str, str]:
        """A site named for the place it stands in ("X Assembly plant", "the X depot") is
        that place's site: a count "at X" and one "at the X plant" answer one question.
        Only a site whose name ends in a place noun and starts with a place the corpus
        names as where things happen."""
        heads = set(self.lexicon.where_when.place_heads)
        out: dict[str, str] = {}
        for entity in entities:
            if entity.id not in self.places:
                continue
            for alias in entity.aliases:
                words = re.split(r"\s+", re.split(r"['\u2019]s?\s+", alias)[-1].strip())
                if len(words) < 2 or words[-1].lower() not in heads:
                    continue
                for k in range(1, len(words)):  # the shortest: the town itself
                    town = self.place_of.get(" ".join(words[:k]))
                    if town is not None and town != entity.id and town in self.places:
                        out[entity.id] = town
                        break
        return out

    def stated_place(self, claim: Claim) -> str | None:
        """Where a count is stated for: its location, or a place framing its sentence.
        (Not the sentence's subject: "X has recorded 400 deaths" reads as where, but a
        subject is as often the doer or the topic, "X's coast guard said 78 died".)"""
        return claim.location or self.framing_place(claim)

    def _home_countries(self, claims: Sequence[Claim]) -> dict[str | None, str]:
        """Each story's own country: the one most of its country-stated counts are stated
        for. A count stated for any other country is a narrower question; a story with no
        such majority (an epidemic across three countries) has none, and each country's
        figures are questions of their own."""
        stated: dict[str | None, Counter[str]] = defaultdict(Counter)
        for claim in claims:
            if claim.type != "count" or claim.measure in self.agent_owns:
                continue
            place = self.stated_place(claim)
            if place is not None and place in self.country_level:
                stated[self.story.get(claim.doc)][place] += 1
        home: dict[str | None, str] = {}
        for story, counter in stated.items():
            (top, n), *_ = counter.most_common(1)
            if 2 * n > sum(counter.values()):
                home[story] = top
        return home

    def _sentence_events(self, claims: Sequence[Claim]) -> dict[tuple[str, str], str]:
        """For each sentence whose counts are all of one gathering's family, a predicate of
        that family ("In X, police counted 30,000 marchers", a table row "| Tuesday | 1.2
        million |"): the sentence is about that gathering. (A one-off event's count, "350
        people were on the boat", says nothing of when the sentence's other verbs happened.)"""
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        named: dict[str, str] = {}
        for claim in claims:
            if claim.type == "count" and self.per_event(claim.predicate):
                family = self.family(claim.predicate)
                named.setdefault(family, claim.predicate)
                found[(claim.doc, claim.evidence.sentence)].add(family)
        return {at: named[next(iter(fams))] for at, fams in found.items() if len(fams) == 1}

    def event_predicate(self, claim: Claim) -> str:
        """A date's or place's event: its own predicate when the lexicon knows it, else
        (a bare verb, "counted", "reported", or none) the event its sentence counts. Never
        a date of a verb of saying ("told reporters on Friday" dates the statement; the place
        of a statement is no location claim at all)."""
        if claim.predicate in self.lexicon.predicates or (
            claim.type == "date" and claim.predicate in self.lexicon.attribution_verbs
        ):
            return claim.predicate
        return self.sentence_event.get((claim.doc, claim.evidence.sentence), claim.predicate)

    def at_gathering(self, claim: Claim) -> bool:
        """Whether a count is of harm done at one gathering of a story whose gatherings
        recur (``event_scope``): it is that day's question, like the crowd's."""
        return (
            claim.measure in self.gathering_measures and self.story.get(claim.doc) in self.recurring
        )

    def role(self, claim: Claim) -> ValueRole:
        """``_role``, once per claim (the key and the status both ask)."""
        known = self._roles.get(claim.id)
        if known is None:
            known = self._roles[claim.id] = _role(claim, self)
        return known

    def framing_place(self, claim: Claim) -> str | None:
        """A known place named for the counted event: framing the sentence ("In X, ..."),
        right after the figure ("... marchers in X"), or before the event's own noun ("the
        X march put the crowd at ...")."""
        if self.place_at is None:
            return None
        if claim.id in self._framing:
            return self._framing[claim.id]
        named = self.names_a_place(claim.evidence.sentence)
        found_place = self._framing[claim.id] = self._find_framing_place(claim) if named else None
        return found_place

    def names_a_place(self, sentence: str) -> bool:
        """Whether a known place's name is anywhere in the sentence, once per sentence:
        every way of naming a count's place (``_find_framing_place``) needs one, and one
        scan for any name rules most sentences out."""
        known = self._names_place.get(sentence)
        if known is None:
            found = self.place_name is not None and self.place_name.search(sentence) is not None
            known = self._names_place[sentence] = found
        return known

    def _find_framing_place(self, claim: Claim) -> str | None:
        assert self.place_at is not None
        sentence, quote = claim.evidence.sentence, claim.evidence.quote
        at = sentence.find(quote)
        found = self.place_at.match(sentence)
        if found is None and at >= 0:
            found = self.place_at.match(sentence, at + len(quote))
        if found is not None and self._listed(sentence, found.end()):
            return None  # "cases recorded in X, Y and Z": across them all, no one place's
        if found is None:
            found = self._named_event(claim.predicate, sentence)
        return self.place_of.get(found.group(1)) if found is not None else None

    def _named_event(self, predicate: str, sentence: str) -> re.Match[str] | None:
        """ "the X march": found by the event's noun first (a short pattern), then a place
        name just before it, so the long pattern of names reads a few words, not the
        sentence."""
        named = self._place_event(predicate)
        if named is None:
            return None
        openers, runs = self._event_openers[predicate], sentence_words(sentence)
        if openers is not None and runs is not None and openers.isdisjoint(runs):
            return None  # the common case: none of the event's nouns, told by its words
        nouns = self._event_nouns[predicate]
        for noun in nouns.finditer(sentence):
            found = named.search(sentence, max(0, noun.start() - NAME_WINDOW), noun.end())
            if found is not None:
                return found
        return None

    def _listed(self, sentence: str, end: int) -> bool:
        """Whether the place ending at ``end`` is the first of a list of places."""
        return self.next_place is not None and self.next_place.match(sentence, end) is not None

    def _place_event(self, predicate: str) -> re.Pattern[str] | None:
        if predicate not in self._event_patterns:
            entry = self.lexicon.predicates.get(predicate)
            # a name before a past form is a subject and its verb ("X freed 22"), not a
            # named event ("the X march")
            past = {v + end for v in entry.verbs for end in ("d", "ed")} if entry else set()
            nouns = sorted(set(entry.nouns) - past, key=len, reverse=True) if entry else []
            self._event_patterns[predicate] = (
                _place_event_pattern(nouns, self.place_of) if nouns else None
            )
            words = "|".join(re.escape(n) for n in nouns) or "(?!)"
            self._event_nouns[predicate] = re.compile(rf"(?i:\b(?:{words})\b)")
            self._event_openers[predicate] = run_openers(nouns)
        return self._event_patterns[predicate]

    def family(self, predicate: str) -> str:
        entry = self.lexicon.predicates.get(predicate)
        return entry.family if entry else predicate

    def goes_on_earlier(self, claim: Claim) -> bool:
        """Whether a count goes on telling an earlier event: its sentence, right after one
        that counts that event, names no time, year or event of its own ("The 2019 fires
        drove 14,000 out of the valley. Nine people drowned.")."""
        if self._goes_on is None:
            self._goes_on = _going_on_earlier(self._counts, self)
        return claim.id in self._goes_on

    def happening(self, claim: Claim) -> str | None:
        """Which happening a date dates: ``BOUND`` after a bounding word ("since Sunday",
        "by Tuesday"), ``ONSET`` on a word of beginning or a noun naming the event ("broke
        out on Sunday", "the quake on Monday"), else the word it hangs on ("contained on
        Friday"); None when extraction found no word (a table row), any happening."""
        if claim.type != "date":
            return None
        if claim.dated_prep in self.date_bounds:
            return BOUND
        word = claim.dated_word
        if word in self.onset_words or word in self.event_nouns:
            return ONSET
        return word

    def once(self, predicate: str) -> bool:
        entry = self.lexicon.predicates.get(predicate)
        return bool(entry and entry.once)

    def per_event(self, predicate: str) -> bool:
        """Whether the predicate names a gathering, counted once per day it happens."""
        entry = self.lexicon.predicates.get(predicate)
        return bool(entry and entry.measure in self.per_event_measures)

    def names_in(self, phrase: str, entity: Entity) -> bool:
        """Whether a counted phrase names the entity ("17 Velorians", "52 Kestovan
        prisoners", "six Teravian nationals"): then the people counted are that entity's."""
        known = self._named.get((entity.id, phrase))
        if known is not None:
            return known
        if entity.id not in self._name_patterns:
            aliases = {a.lower(): entity.id for a in entity.aliases if len(a) >= MIN_PLACE}
            self._name_patterns[entity.id] = _names_pattern(aliases)
        found = self._name_patterns[entity.id]
        named = self._named[(entity.id, phrase)] = (
            found is not None and found.search(phrase) is not None
        )
        return named

    def several(self, entity: Entity) -> bool:
        """Whether an entity's name lists several others the corpus names ("X, Y and Z"):
        a count of theirs is a total across them, not any one's."""
        known = self._several.get(entity.id)
        if known is None:
            parts = [p.strip() for p in re.split(r",|\band\b", entity.name) if p.strip()]
            known = len(parts) > 1 and sum(p.lower() in self.known_names for p in parts) > 1
            self._several[entity.id] = known
        return known

    def names_a_voice(self, text: str) -> bool:
        """Whether the text names who could speak: an organisation, group or person."""
        return self.voice_names is not None and self.voice_names.search(text) is not None

    def before_happening(self, claim: Claim) -> bool:
        """Whether a count's sentence (a table row with its label) states it for before the
        story's event ("320,000 were evacuated before landfall", "| Moved out before the
        storm | 9,000 |"): a moment fixed in the past, whenever it is reported."""
        known = self._before.get(claim.id)
        if known is None:
            found = self.before_happening_words.search(claim.evidence.sentence)
            known = self._before[claim.id] = found is not None
        return known

    def event_day(self, claim: Claim) -> dt.date | None:
        """The day a gathering was counted for: its stated time, else the time its table
        row states ("| Friday 9 May | 2.2 million | 410,000 |"), else the day of the
        gathering counted just before it (``_carried_days``), else the date of the article
        it first appeared in (a reprint speaks for its original's day)."""
        time = claim.time
        if time is not None and time.start is not None:
            return time.start
        published = self.published.get(claim.doc)
        if time is None:
            row = _row_day(claim.evidence.sentence, published)
            if row is not None:
                return row
            carried = self.carried_day.get(claim.id)
            if carried is not None:
                return carried
        elif time.start is None:
            return None  # a stated day that cannot be resolved: no day, never a guess
        return self.published.get(self.original.get(claim.doc, claim.doc))

    def day(self, claim: Claim) -> dt.date | None:
        """The day a claim speaks for: ``as_of``, else its stated time's start, else its
        document's date; None when its stated time cannot be resolved ("last month").
        A running total's stated time that dates the event rather than the count ("died
        in the March 3 earthquake", "since Monday's quake") leaves it at its article's
        date: the total speaks for when it was reported. So does any count over a stretch
        that runs up to now ("have treated 1,480 since the beginning of June")."""
        time = claim.time
        if time is not None and (
            (
                claim.measure in self.cumulative_measures
                and self.event_time.search(_time_context(claim)) is not None
            )
            or self.since_time.search(_time_context(claim)) is not None
        ):
            return self.published.get(claim.doc)
        if time is not None and time.start is None:
            return None
        if claim.as_of is not None:
            return claim.as_of
        return time.start if time is not None else self.published.get(claim.doc)


# ------------------------------------------------------------------------ the question


KEY_FIELDS = (
    "type",
    "subject",
    "predicate",
    "measure",
    "location",
    "scope",
    "unit",
    "story",
    "event_day",
)


def fact_key(claim: Claim, ctx: _Context) -> FactKey:
    """The question a claim answers (see the module docstring)."""
    return FactKey(**dict(zip(KEY_FIELDS, _block(claim, ctx), strict=True)))  # type: ignore[arg-type]


def _block(claim: Claim, ctx: _Context) -> tuple[object, ...]:
    """``fact_key``'s fields in ``KEY_FIELDS`` order: a plain tuple, cheap to hash for
    every claim (used only inside this stage)."""
    claim = ctx.repeats.get(claim.id, claim)  # a bare repetition asks what it repeats
    story = ctx.story.get(claim.doc)
    family = ctx.family(claim.predicate)
    if not isinstance(claim.value, CountValue):
        return _event_block(claim, family, story, ctx)
    measure = claim.measure
    victims = victims_measure(claim, ctx.lexicon, ctx.story_measures.get(story, frozenset()))
    if victims is not None:  # "the inquiry counts 41 victims": the event's dead
        measure, family = victims, measure_family(ctx.lexicon, victims)
    measured = measure != "other"
    place = _narrow_place(claim, ctx)
    scope = _scope(claim, place, ctx)
    unit = None if measured else _counted_kind(claim, ctx.lexicon)
    if (story, claim.measure, claim.value.unit) in ctx.classes_apart:
        unit = claim.value.unit  # "60 captives killed": the captives' dead, not the toll
    if scope == PART and measured:
        unit = claim.value.unit  # "26 women and 11 children": a breakdown's items, each its own
    if (story, claim.counted) in ctx.kinds:
        unit = claim.counted  # "286 passengers and 11 crew": each noun a group of its own
    # with no measure, a counted noun that names whose people they are ("14 Velorians")
    # already says it; an owner found again elsewhere would only split the question
    subject = None if not measured and claim.counted else _owner(claim, ctx, strict=True)
    subject_entity = ctx.entity.get(claim.subject or "")
    staff = staff_owner(
        claim,
        ctx.lexicon,
        subject_type=subject_entity.type if subject_entity else None,
        voices=ctx.voices,
    )
    if staff is not None:  # "it has 2,300 staff": whose staff they are
        subject, family = staff, ctx.lexicon.tolls.staff_family
    per_event = claim.measure in ctx.per_event_measures
    day = ctx.event_day(claim) if per_event or ctx.at_gathering(claim) else None
    if not measured and _by_nationality(claim, ctx):
        family, day = claim.measure, ctx.event_day(claim)
        place = None  # "13 Velorians are now in X": where they are, not a narrower question
    if not measured and scope is None and family in ctx.cues.copulas:
        scope = _copula_state(claim.evidence)  # (a nationality's count has its own family)
    if day is None and scope == PART:
        day = _wave_day(claim, ctx)
    if day is None and scope is None:
        day = _intake_day(claim, ctx)
    gathered = not per_event and day is not None and ctx.at_gathering(claim)
    running = not gathered and scope is None and is_running_total(claim.evidence, ctx.cues)
    if day is not None and running:
        day, scope = None, TOTAL  # all such events so far: one running question, no day
    if scope is not None and scope.startswith("row:") and claim.measure in ctx.per_event_measures:
        group = _row_class(scope, claim, ctx)
        if group is not None:
            day, scope, unit = None, TOTAL, group
    if scope == TERMS:
        day = None  # an agreement's terms are one question whichever day they are told
    if claim.measure in ctx.dated_event_measures and scope is None:
        day = _stated_day(claim, ctx)
    if scope is not None and scope.startswith(PROJECTION):
        day = claim.time.start if claim.time is not None else None  # the moment projected
    return ("count", subject, family, measure, place, scope, unit, story, day)


def _copula_state(evidence: Evidence) -> str:
    """``state:<words>`` for a count whose only verb is a copula and that no measure names
    ("1,240 are away from the east mill", "two were on a night crew"): the verb says nothing of
    what its people do, the words after it do, so two such counts answer one question
    only when those words are the same, never because they share a noun ("it is 3,020
    people" is no rival to "1,240 are away from the east mill"). The words run from the figure
    to the end of its clause."""
    at = evidence.sentence.find(evidence.quote)
    rest = evidence.sentence[at + len(evidence.quote) :] if at >= 0 else ""
    clause = re.split(r"[,.;:!?\"\u201c\u201d()\u2014\u2013]", rest, maxsplit=1)[0]
    return f"{COPULA_STATE}:{' '.join(clause.lower().split()[:COPULA_WORDS])}"


def _intake_day(claim: Claim, ctx: _Context) -> dt.date | None:
    """The day of a count of people taken in on one past day ("on Tuesday we admitted 93",
    "its emergency casualty unit saw 587 patients yesterday"): a day's intake, its own
    question, not the running intake since some day ("2,870 admitted since 1 July", where
    a preposition before the date opens a span), nor those in care at a moment ("was
    (still) treating 19": be and a verb in -ing, a state), nor a figure dated by when it was said
    ("on Thursday said it had admitted 40"), nor what is said of the article's own day."""
    time, published = claim.time, ctx.published.get(claim.doc)
    if (
        claim.predicate != ctx.lexicon.tolls.intake
        or time is None
        or time.start is None
        or time.start != time.end
        or published is None
        or time.start >= published
        or is_running_total(claim.evidence, ctx.cues)
    ):
        return None
    sentence = claim.evidence.sentence
    at, figure = sentence.find(time.text), sentence.find(claim.evidence.quote)
    if at < 0 or figure < 0:
        return None
    before = [w.lower() for w in sentence[:at].split()[-1:]]
    after = [w.lower().strip(",.;:") for w in sentence[at + len(time.text) :].split()[:1]]
    verb = [w.lower().strip(",.;:\"'") for w in sentence[:figure].split()[-3:]]
    words, tolls = ctx.lexicon.where_when, ctx.lexicon.tolls
    spans = {w.lower() for w in (*words.time_preps, *words.horizon_preps)}
    if (
        any(w in spans for w in before)
        or any(w in tolls.saying_words for w in after)
        or (verb[-1:] != [] and verb[-1].endswith("ing") and any(w in tolls.be_forms for w in verb))
    ):
        return None
    return time.start


def _wave_day(claim: Claim, ctx: _Context) -> dt.date | None:
    """The day of an increment that is one wave's (a table row of increments, "add 7,000
    strikers to the walkout"): increments of different days are different questions, one
    day's rows and sentences one question. Other parts ("nine of them") have no day."""
    row = ctx.increment_days.get(claim.id)
    if row is not None:
        return row
    return ctx.day(claim) if is_added(claim.evidence, ctx.cues.adds_to) else None


def _by_nationality(claim: Claim, ctx: _Context) -> bool:
    """Whether a count with no measure counts people only by their nationality, with a
    verb the lexicon gives no meaning ("the party included 6 Velorians", "X
    counted 13 Velorians", "13 Velorians are now home"): a breakdown of who was there at
    one moment. The verb says nothing more, so it is not part of the question; the day
    is (the same people counted on two days are two breakdowns); a place in its sentence
    says where they are, and narrows nothing (their nationality already says who)."""
    return claim.counted in ctx.nationalities and claim.predicate not in ctx.lexicon.predicates


def _stated_day(claim: Claim, ctx: _Context) -> dt.date | None:
    """The day a count of a measure that happens day by day (the lexicon's
    ``dated_event_measures``: people rescued, evacuated or sheltered) is that day's own
    event: when its sentence dates it to one day ("11 were rescued today", "4,800 were
    ordered out on Tuesday", "the shelters held 3,900 last night") and the story counts
    that measure on more than one day. Undated, or a running count ("have been evacuated
    since Sunday", "bringing the total to 19"), or in a story where it happened on one day
    only (a sinking's rescues), it answers the measure's main question."""
    day = _single_day(claim, ctx)
    if day is None or (ctx.story.get(claim.doc), claim.measure) not in ctx.day_by_day:
        return None
    return day


def _single_day(claim: Claim, ctx: _Context) -> dt.date | None:
    """The one day a count's sentence dates it to, unless its clause makes it a running
    count."""
    time = claim.time
    if time is None or time.start is None or time.end != time.start:
        return None
    if is_running_count(claim.evidence, ctx.cues):
        return None
    return time.start


def _day_by_day(claims: Sequence[Claim], ctx: _Context) -> frozenset[tuple[str | None, str]]:
    """The (story, measure) pairs of ``dated_event_measures`` that the story dates to at
    least two different days: only then are its days separate events."""
    days: dict[tuple[str | None, str], set[dt.date]] = defaultdict(set)
    for claim in claims:
        if claim.type != "count" or claim.measure not in ctx.dated_event_measures:
            continue
        day = _single_day(claim, ctx)
        if day is not None:
            days[(ctx.story.get(claim.doc), claim.measure)].add(day)
    return frozenset(key for key, found in days.items() if len(found) > 1)


def _event_block(claim: Claim, family: str, story: str | None, ctx: _Context) -> tuple[object, ...]:
    """A date's or place's question: when or where its event happened. The event is its
    predicate's family, not the sentence's verb or subject: every place of a one-off event
    (a ``once`` predicate: the fire, the sinking, the raid) answers one "where", every
    statement of its day one "when", whoever the sentence is about ("X's coast guard said
    the boat sank off Y"). A gathering (a predicate whose measure is one of the
    ``per_event_measures``) happens again on other days: its places and dates are the
    question of its day. Any other verb's date or place stays its own question."""
    scope = EARLIER if _long_before(claim, ctx) else None
    predicate = ctx.event_predicate(claim)
    family = ctx.family(predicate)
    if ctx.once(predicate):
        if ctx.other_event.search(claim.evidence.sentence) is not None:
            scope = EARLIER  # "a similar fire in January": another event of its kind
        return (claim.type, None, family, None, None, scope, None, story, None)
    block = _occurrence_block(claim, predicate, story, ctx)
    if block is not None:
        return block
    if ctx.per_event(predicate):
        day = _event_date(claim, ctx)
        return (claim.type, None, family, None, None, scope, None, story, day)
    owner = _owner(claim, ctx, strict=False)
    return (claim.type, owner, family, None, None, scope, None, story, None)


def _occurrence_block(
    claim: Claim, predicate: str, story: str | None, ctx: _Context
) -> tuple[object, ...] | None:
    """The question of a date or place that is not said of a one-off event by its own word
    (``event_keys``): the one-off event's day or site, a bare part of its day, a day (its
    occurrence), the place where an unnamed crowd is counted on a day the story counts a
    gathering, else a place narrower than a country on a verb that names no event
    (itself); None for any other."""
    statement = predicate in ctx.lexicon.where_when.speech_verbs  # "said on Monday"
    anchored = None if statement else ctx.anchors.family_of(claim, story)
    entry = ctx.lexicon.predicates.get(predicate)
    if anchored is not None and (
        (claim.type == "date" and entry is not None and entry.changes_state)
        or (claim.type == "location" and entry is None)
    ):  # the one-off event's toll on its day ("killed on 7 May"); its site on a bare verb
        return (claim.type, None, anchored, None, None, None, None, story, None)
    value = claim.value
    main = ctx.anchors.main.get(story)
    if main is not None and not statement and ctx.bare_day_part(claim):
        return (claim.type, None, main, None, None, None, None, story, None)  # "on the night"
    if isinstance(value, DateValue):
        span = None if statement else occurrence(value)
        if span is None:
            return None
        span = ctx.finer.get((story, span), span)  # "by January": the one January date
        scope = occurrence_scope(span)  # a recurring or unnamed event: the day names it
        name = ctx.day_names.get((story, span), OCCURRENCE)
        return ("date", None, name, None, None, scope, None, story, span[0])
    if not isinstance(value, LocationValue) or predicate in ctx.lexicon.predicates:
        return None
    gathering = None
    if predicate != ctx.lexicon.where_when.fallback_predicate:  # a dateline counts nothing
        gathering = ctx.unnamed_gathering(claim)
    if gathering is not None:
        family, day = gathering
        return (claim.type, None, family, None, None, None, None, story, day)
    if value.entity in ctx.country_level:
        return None  # "in Ukraine" on any verb: too wide to say which mention is which
    return (claim.type, None, PLACE, None, value.entity, None, None, story, None)


def _event_date(claim: Claim, ctx: _Context) -> dt.date | None:
    """The day a gathering's date or place speaks of: a date claim's own day, else the
    gathering's day: the one day its article states a gathering on, when its own
    sentence states none ("In X, police counted 30,000" after "marched on Tuesday"), else
    ``_Context.event_day``."""
    value = claim.value
    if isinstance(value, DateValue):
        return value.start if value.granularity == "day" else None
    days = ctx.doc_days.get(claim.doc, set())
    if claim.time is None and len(days) == 1:
        return next(iter(days))
    return ctx.event_day(claim)


def _own_measure(claim: Claim, ctx: _Context) -> bool:
    """Whether a whole's own words give it a measure its share does not have ("30 of the 34
    men it lists as missing": the 34 are the missing, not a roster); a measure the share and
    the whole both take from the sentence's verb ("310 of the 480 nurses stayed away")
    says nothing of the whole."""
    if claim.measure == "other":
        return False
    shares = ctx.sentence_counts.get((claim.doc, claim.evidence.sentence), ())
    return all(
        c.measure != claim.measure for c in shares if c.evidence.start < claim.evidence.start
    )


def _population(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether a count's noun names people with no measure of their own ("miners",
    "drivers"; a bare figure too), so the whole of a share of them is a population, not
    the count of the measure ("12 injured", "40 hostages" are the measure's own count, and
    "9 of the 40 hostages" a part of it)."""
    if claim.counted is None:
        return True
    entry = lexicon.units.get(claim.counted)
    return entry is None or entry.default_predicate is None


def _counted_kind(claim: Claim, lexicon: Lexicon) -> str | None:
    """What a count with no measure counts: its noun, except that nouns for people held
    apart by a status (the lexicon's ``group_classes``) are one kind whatever the word
    ("prisoners" and "inmates"); else its unit. Other nouns stay apart even within one
    class (men and women, girls and boys, nurses and porters: each its own question)."""
    counted = claim.counted
    if counted is None:
        return claim.value.unit if isinstance(claim.value, CountValue) else None
    entry = lexicon.units.get(counted)
    if entry is not None and entry.cls in lexicon.reconcile.group_classes:
        return entry.cls
    return counted


def _scope(claim: Claim, place: str | None, ctx: _Context) -> str | None:
    """``earlier`` for a count whose stated time starts long before its article (another,
    earlier event; a tally over years), or of an earlier event its sentence dates by year
    ("the 2009 capsizing that killed 210"); ``before_event`` for harm stated for before the
    story's one-off event ("five had died before the fire"); ``terms`` for a term of an
    agreement ("Under the deal, 80 captives are to be freed", "the deal covers 80"), one
    question whichever day it is told, never a day's event or a total; ``projection`` for a
    projected figure stated for a day after its article's ("50,000 will march next month",
    "could reach 20,000 by January"), and for any projection of a running toll ("could
    rise to 600": a later moment of a growing total) or of one
    gathering ("organisers expect 9,000": a forecast, not a count of who came): a question
    of its own, never grouped with counts of what has happened (a planned figure of
    anything else, "12,000 more troops are to be sent", stays with its count, marked and
    not compared); ``rate`` for a count per period; ``whole`` for the population a figure
    before it in its sentence is a share of ("310 of the 480 nurses");
    ``tally:<kind>`` for a tally the lexicon's ``tallies_apart`` names ("265 excess
    deaths"), never a rival to the count of the dead;
    ``row:<label>`` for a table row that names the group it counts; ``part`` for an
    increment or subset (not for a count already stated for a narrower place); else None."""
    published = ctx.published.get(claim.doc)
    if _earlier_own(claim, ctx) or ctx.goes_on_earlier(claim):
        return EARLIER
    within = ctx.within.get(claim.id)
    if within is not None:
        return f"{WITHIN}:{within}"  # "by the end, the curfew's tally stood at 212"
    if before_event(claim, ctx.before_event, ctx.lexicon):
        return BEFORE_EVENT
    if is_terms(claim.evidence, ctx.cues):
        return TERMS
    tally = tally_apart(claim.evidence, ctx.cues)
    if tally is not None:
        return f"tally:{tally}"
    rate = is_rate(claim.evidence, ctx.cues, regex=ctx.rate)
    cumulative = claim.measure in ctx.cumulative_measures
    if (
        ctx.role(claim) == "projection"
        and (_is_future(claim, ctx) or cumulative or claim.measure in ctx.per_event_measures)
        and not forecast_of_now(claim, ctx.lexicon, published, cumulative=cumulative)
    ):
        return f"{PROJECTION}:{RATE}" if rate else PROJECTION
    if rate:
        return RATE
    if (
        _population(claim, ctx.lexicon)
        and is_whole(claim.evidence, ctx.cues, named=claim.counted is None)
        and not _own_measure(claim, ctx)
    ):
        return WHOLE
    label = _row_group(claim, place, ctx)
    if label is not None:
        return label
    if place is None and (
        claim.id in ctx.listed_parts
        or claim.id in ctx.increment_days
        or is_added(claim.evidence, ctx.cues.adds_to)
        or (is_part(claim.evidence, ctx.cues) and claim.id not in ctx.drawn_from_all)
        or (
            is_part_in_phrase(claim.evidence, ctx.cues)
            and not (_population(claim, ctx.lexicon) and states_whole(claim.evidence, ctx.cues))
        )
        or is_breakdown(claim.evidence, ctx.number_words)
    ):
        return PART
    return None


def _unmeasured_sentences(
    sentence_counts: dict[tuple[str, str], list[Claim]], gathering: frozenset[str]
) -> frozenset[tuple[str, str]]:
    """The sentences (doc, text) whose counts all say nothing of what the people counted
    did (measure ``other``), or only that they were a gathering's (a head count extraction
    took for the day's crowd: "police counted 18,000 people")."""
    measured = {
        at
        for at, counts in sentence_counts.items()
        for c in counts
        if c.measure != "other" and c.measure not in gathering
    }
    return frozenset(sentence_counts.keys() - measured)


def _drawn_from_all(
    claims: Sequence[Claim],
    partitive: Phrases | None,
    *,
    whole: frozenset[str],
    family: Mapping[str, str],
) -> frozenset[str]:
    """Partitive counts ("88 of them got out") whose "them" is a plain head count of
    everyone there ("about 140 guests were in the hotel"), stated just before (same or previous
    sentence), for another measure: they count everyone who escaped, the whole of that
    measure's question, not a subset of some other figure for it. So do partitives of a
    state only some of a group are in (``whole``: "19 are still being treated, five of them
    in intensive care" counts everyone in intensive care), and partitives of a figure of
    another family of the same measure ("9,000 have fled; of them, 2,600 are in shelters":
    everyone sheltered fled first). The partitive follows the figure ("nine of them") or
    opens its sentence ("Of those, nine ..."). A partitive of a group already narrowed
    ("350 Velorians ... 12 of them survived") or of a figure for the same question
    ("twelve were hurt, nine of them firefighters") stays a part."""
    if partitive is None:
        return frozenset()
    # only documents with a partitive sentence need their counts in order (a fast pass)
    docs = {
        c.doc
        for c in claims
        if c.measure != "other" and partitive.in_sentence(c.evidence.sentence)
    }
    if not docs:
        return frozenset()
    counts = sorted(
        (c for c in claims if c.doc in docs and isinstance(c.value, CountValue)),
        key=READING_ORDER,
    )
    found: set[str] = set()
    for before, claim in pairwise(counts):
        head_count = before.measure == "other" and before.subject is None
        other_family = family.get(claim.predicate) != family.get(before.predicate)
        if (
            before.doc == claim.doc
            and claim.measure != "other"
            and (
                ((head_count or claim.measure in whole) and claim.measure != before.measure)
                or (before.measure == claim.measure and other_family)
            )
            and _partitive_of(claim.evidence, partitive.regex)
            and _adjacent(before.evidence, claim.evidence)
        ):
            found.add(claim.id)
    return frozenset(found)


def _partitive_of(evidence: Evidence, regex: re.Pattern[str]) -> bool:
    """Whether a partitive follows the figure ("187 of them escaped") or opens its sentence
    just before it ("Of those, at least nine ...")."""
    if regex.search(_around(evidence)) is not None:
        return True
    sentence = evidence.sentence.lstrip()
    at = sentence.find(evidence.quote)
    opening = regex.match(sentence) if at >= 0 else None
    if opening is None or opening.end() > at:
        return False
    between = sentence[opening.end() : at]
    return len(between.replace(",", " ").split()) <= FRONTED_PARTITIVE_GAP


FRONTED_PARTITIVE_GAP = 2  # words between "Of those," and its figure ("at least")


def _around(evidence: Evidence) -> str:
    """The quote and the few words after it ("187 of them escaping")."""
    at = evidence.sentence.find(evidence.quote)
    if at < 0:
        return evidence.quote
    return evidence.sentence[at : at + len(evidence.quote) + 20]


def _adjacent(first: Evidence, second: Evidence) -> bool:
    """Whether two figures stand in one sentence or in two sentences in a row."""
    start_a = first.start - max(first.sentence.find(first.quote), 0)
    start_b = second.start - max(second.sentence.find(second.quote), 0)
    return start_a == start_b or 0 <= start_b - (start_a + len(first.sentence)) <= 3


def _carried_days(counts: Sequence[Claim], gatherings: frozenset[str]) -> dict[str, dt.date]:
    """Claim id -> the day of the gathering a count with no time of its own goes on
    counting: the count just before it (``counts`` in reading order), in its sentence or
    the one before, counts a gathering of the same measure on a stated day ("Saturday's
    march drew a crowd police put at 12,000. Organisers said 30,000 had taken part."). A
    reader takes the second crowd to be Saturday's, not the article's day's."""
    out: dict[str, dt.date] = {}
    for before, claim in pairwise(counts):
        if claim.measure not in gatherings or claim.time is not None:
            continue  # the common case
        day = out.get(before.id) or _one_stated_day(before)
        if (
            day is not None
            and before.doc == claim.doc
            and before.measure == claim.measure
            and _adjacent(before.evidence, claim.evidence)
        ):
            out[claim.id] = day
    return out


def _one_stated_day(claim: Claim) -> dt.date | None:
    time = claim.time
    if time is None or time.start is None or time.end != time.start:
        return None
    return time.start


def _groups_apart(
    claims: Sequence[Claim], lexicon: Lexicon, story: dict[str, str | None]
) -> frozenset[tuple[str | None, str, str]]:
    """(story, measure, class) of people named by a status they hold apart from the event
    (captives, prisoners: the lexicon's ``group_classes``) whose dead or hurt are a group
    of their own: "45 captives were killed" is not the attack's toll of 1,200 people.
    Not when the story's counts of that measure often name that class (a third or more):
    then they are the story's own victims (a prison riot's hurt are its inmates), and the
    noun says nothing more."""
    cues = lexicon.reconcile
    measures, classes = frozenset(cues.group_measures), frozenset(cues.group_classes)
    named: dict[tuple[str | None, str], Counter[str | None]] = defaultdict(Counter)
    for claim in claims:
        if claim.measure in measures and isinstance(claim.value, CountValue):
            named[(story.get(claim.doc), claim.measure)][claim.value.unit] += 1
    apart = set()
    for (where, measure), units in named.items():
        total = sum(units.values())
        for unit, n in units.items():
            if unit in classes and unit is not None and 3 * n < total:
                apart.add((where, measure, unit))
    return frozenset(apart)


def _exchanges(
    claims: Sequence[Claim], lexicon: Lexicon, story: dict[str, str | None]
) -> frozenset[tuple[str | None, str, str]]:
    """(story, measure, class) for each group class freed in an exchange: a story whose
    counts of an exchange measure (the lexicon's ``exchange_measures``: a release) name
    two or more of the ``group_classes`` (hostages freed by one side, prisoners by the
    other). Each side's release is its own question; a count naming neither class
    ("12 freed") keeps no class."""
    cues = lexicon.reconcile
    measures, classes = frozenset(cues.exchange_measures), frozenset(cues.group_classes)
    named: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.measure not in measures:
            continue  # the common case
        unit = claim.value.unit if isinstance(claim.value, CountValue) else None
        if unit in classes and unit is not None:
            named[(story.get(claim.doc), claim.measure)].add(unit)
    return frozenset(
        (where, measure, unit)
        for (where, measure), units in named.items()
        if len(units) > 1
        for unit in units
    )


def _listed_parts(claims: Sequence[Claim]) -> frozenset[str]:
    """Counts that break down a figure stated just before them in their sentence: two or
    more exact figures that follow it and add up to it exactly ("put the figure at 40: 31
    men, 7 women and two children"; "freed nine, five in the morning and four later").
    Each is a part of that total, never a rival figure for it."""
    by_sentence: dict[tuple[str, int], dict[int, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for claim in claims:
        value = claim.value
        if isinstance(value, CountValue) and value.low is not None and value.low == value.high:
            ev = claim.evidence
            start = ev.start - max(ev.sentence.find(ev.quote), 0)  # the sentence's offset
            by_sentence[(claim.doc, start)][ev.start].append(claim)
    parts: set[str] = set()
    for figures in by_sentence.values():
        if len(figures) < 3:
            continue
        ordered = [figures[k] for k in sorted(figures)]
        for i, whole in enumerate(ordered):
            for listed in _breakdown(whole[0], ordered[i + 1 :]):
                parts.update(c.id for c in listed)
    return frozenset(parts)


def _corrections(counts: Sequence[Claim], cues: ReconcileWords) -> dict[str, Claim]:
    """Claim id -> the figure it corrects: a bare figure in a sentence that takes back
    the figure stated just before it and gives the right one ("... said clinics had
    admitted 64 patients. The bureau later retracted that number; the right figure is
    48."). The correction answers the corrected figure's question. ``counts``: in
    reading order."""
    withdrawn, stated = pattern(tuple(cues.withdrawn)), pattern(tuple(cues.stated_update))
    out: dict[str, Claim] = {}
    for before, claim in pairwise(counts):
        sentence = claim.evidence.sentence
        if (  # the cheap tests first: most counts follow no counted figure
            before.doc == claim.doc
            and claim.counted is None
            and before.counted is not None
            and before.evidence.sentence != sentence
            and _adjacent(before.evidence, claim.evidence)
            and _takes_back(withdrawn, sentence[: sentence.find(claim.evidence.quote)], cues)
            and _found_in(stated, sentence)
        ):
            out[claim.id] = before
    return out


def _found_in(regex: re.Pattern[str] | None, text: str) -> bool:
    return regex is not None and regex.search(text) is not None


def _takes_back(regex: re.Pattern[str] | None, text: str, cues: ReconcileWords) -> bool:
    """Whether ``text`` takes back a figure named by a word pointing back ("withdrawn that
    figure", "retracted the number")."""
    found = regex.search(text) if regex is not None else None
    if found is None:
        return False
    after = text[found.end() :].lower().split()[:3]
    return any(w.strip(",.;:") in cues.figure_words for w in after)


def _coordinated_kinds(
    claims: Sequence[Claim],
    generic: frozenset[str],
    people: frozenset[str],
    story: dict[str, str | None],
    coordinators: frozenset[tuple[str, ...]] = frozenset(),
) -> frozenset[tuple[str | None, str]]:
    """(story, counted noun) for nouns a count of which the story coordinates with a count
    of another kind ("the manifest listed 286 passengers and 11 crew", "1,800 nurses and
    350 medics were deployed"): the two nouns count two groups, neither the whole, so
    every count of either noun in that story is a question of its own ("286 passengers"
    is no rival to "265 people aboard"). A generic noun ("40 people and 12 medics") names
    no kind: only the other noun is set apart; nor does a noun naming what happened
    ("2,418 cases and 1,107 deaths": two measures already). Both nouns must name people
    (the lexicon's ``units``): "10,000 troops and 300 tanks" sets no troops apart."""
    counts = sorted(
        (c for c in claims if isinstance(c.value, CountValue) and c.counted),
        key=READING_ORDER,
    )
    kinds: set[tuple[str | None, str]] = set()
    told = Counter((story.get(c.doc), c.counted) for c in counts)
    for before, claim in pairwise(counts):
        if (
            before.doc == claim.doc
            and before.evidence.sentence == claim.evidence.sentence
            and before.counted != claim.counted
            and _people_noun(before.counted, people)
            and _people_noun(claim.counted, people)
        ):
            where = story.get(claim.doc)
            nouns = {before.counted or "", claim.counted or ""} - generic
            if _joined(before.evidence, claim.evidence):
                kinds.update((where, noun) for noun in nouns)
            elif _joined_by_state(before, claim, coordinators):
                kinds.update((where, noun) for noun in _fewer_told(nouns, where, told))
    return frozenset(kinds)


def _fewer_told(
    nouns: set[str], where: str | None, told: Counter[tuple[str | None, str | None]]
) -> set[str]:
    """Of two groups each given its own word of one state ("37 miners injured, as well as
    six staff hurt"), the one the story counts less often: the other is the story's own
    people, whose counts elsewhere name them or no one ("40 were hurt") and stay one
    question. Both when the story counts them equally often."""
    if len(nouns) < 2:
        return nouns
    most = max(told[(where, n)] for n in nouns)
    fewer = {n for n in nouns if told[(where, n)] < most}
    return fewer or nouns


def _joined_by_state(
    first: Claim, second: Claim, coordinators: frozenset[tuple[str, ...]]
) -> bool:
    """Whether two counts of one measure in one sentence are conjuncts each with its own
    word of that state, a coordinator between ("37 miners injured, as well as six rescue
    staff hurt"; "12 crew missing plus 40 passengers missing"): two groups, as with a bare
    "and". One word only before the coordinator, and never a count with no measure."""
    if first.measure != second.measure or first.measure == "other":
        return False
    at = first.evidence.sentence.find(first.evidence.quote)
    gap = second.evidence.start - first.evidence.end
    if at < 0 or gap < 0:
        return False
    end = at + len(first.evidence.quote)
    words = tuple(first.evidence.sentence[end : end + gap].replace(",", " ").lower().split())
    return len(words) >= 2 and words[1:] in coordinators


def _people_noun(noun: str | None, people: frozenset[str]) -> bool:
    """Whether a counted noun (or its plain plural's stem: "medics") names people."""
    return noun is not None and (noun in people or noun.removesuffix("s") in people)


def _joined(first: Evidence, second: Evidence) -> bool:
    """Whether two quotes of one sentence are conjuncts: only "and" or a comma between."""
    at = first.sentence.find(first.quote)
    gap = second.start - first.end
    if at < 0 or gap < 0:
        return False
    between = first.sentence[at + len(first.quote) : at + len(first.quote) + gap]
    return between.replace(",", " ").split() in ([], ["and"])


def _elided_parts(counts: Sequence[Claim], lexicon: Lexicon) -> frozenset[str]:
    """Bare figures right after a partitive part in their sentence ("four of the crew
    are cadets and three are engineers", "nine of them died and four were hurt"): the
    partitive is elided ("three [of the crew]"), so each is a part too, never the
    whole. ``counts``: in reading order."""
    cues = lexicon.reconcile
    words = frozenset(lexicon.prefilter.number_words)
    parts: set[str] = set()
    for before, claim in pairwise(counts):
        if (
            before.doc == claim.doc
            and before.evidence.sentence == claim.evidence.sentence
            and _bare_figure(claim.evidence.quote, words)
            and not _names_others(claim.evidence, cues.others)
            and (
                before.id in parts
                or is_part_in_phrase(before.evidence, cues)
                or is_part(before.evidence, cues)
            )
        ):
            parts.add(claim.id)
    return frozenset(parts)


def _names_others(evidence: Evidence, others: Sequence[str]) -> bool:
    """Whether the word right after a figure says its people are others than those just
    counted ("brought five more out and found three others dead"): a group of
    its own, no elided part of the one before."""
    at = evidence.sentence.find(evidence.quote)
    after = evidence.sentence[at + len(evidence.quote) :].split()[:1] if at >= 0 else []
    return bool(after) and after[0].strip(",.;:").lower() in others


def _bare_figure(quote: str, number_words: frozenset[str]) -> bool:
    """Whether a quote is a figure alone ("seven", "1,200"), with no noun of its own."""
    return all(w[:1].isdigit() or w.lower() in number_words for w in quote.split())


def _breakdown(whole: Claim, after: list[list[Claim]]) -> list[list[Claim]]:
    """The run of figures right after ``whole`` that adds up to it (two or more), else
    none."""
    assert isinstance(whole.value, CountValue) and whole.value.low is not None
    goal, total = whole.value.low, 0.0
    run: list[list[Claim]] = []
    for figure in after:
        value = figure[0].value
        assert isinstance(value, CountValue) and value.low is not None
        if run and not _listed_after(run[-1][0].evidence, figure[0].evidence):
            return []
        total += value.low
        run.append(figure)
        if total == goal:
            return run if len(run) >= 2 else []
        if total > goal:
            return []
    return []


def _listed_after(first: Evidence, second: Evidence) -> bool:
    """Whether a figure follows another as the next item of a list: the words between
    end in a comma, a semicolon or "and"/"or" ("31 men, 7 women and two children", "five
    in the morning and four later"), not in a verb of another clause ("to 21, saying two
    patients had been counted twice": a reason, no item of a breakdown)."""
    at = first.sentence.find(first.quote)
    gap = second.start - first.end
    if at < 0 or gap < 0:
        return False
    between = first.sentence[at + len(first.quote) : at + len(first.quote) + gap].strip()
    return between == "" or between[-1] in ",;" or between.split()[-1] in LIST_JOINERS


def _long_before(claim: Claim, ctx: _Context) -> bool:
    """Whether a claim speaks of a time that starts more than ``EARLIER_DAYS`` before its
    article: a date ("the last such sinking, in October 2013") or a count's stated time
    ("290 died in the 2011 sinking", "15,000 deaths since 2016"). That is an earlier event
    of its kind, or a tally over years, not the story's own: never compared with it."""
    published = ctx.published.get(claim.doc)
    if published is None:
        return False
    value = claim.value
    if isinstance(value, DateValue):
        start = value.end
    else:
        start = claim.time.start if claim.time is not None else None
    return start is not None and (published - start).days > EARLIER_DAYS


def _earlier_own(claim: Claim, ctx: _Context) -> bool:
    """Whether a count's own words state it for an earlier event (``_scope``'s test),
    asked once per claim."""
    known = ctx.earlier_own.get(claim.id)
    if known is None:
        published = ctx.published.get(claim.doc)
        known = ctx.earlier_own[claim.id] = (
            _long_before(claim, ctx)
            or claim.id in ctx.year_lines
            or earlier_event(claim, ctx.dated_event, published.year if published else None)
        )
    return known


def _going_on_earlier(counts: Sequence[Claim], ctx: _Context) -> frozenset[str]:
    """Counts in a bare sentence (no stated time, no year, no event noun) right after a
    sentence whose last count is an earlier event's."""
    out: set[str] = set()
    for prev, cur in pairwise(counts):  # in reading order
        if prev.doc == cur.doc:
            sentence = cur.evidence.sentence
            if (  # the cheap tests first: most counts follow no earlier event's (each
                # count's own test is asked once, and ``_scope`` asks it of every count)
                cur.time is None
                and sentence != prev.evidence.sentence
                and _earlier_own(prev, ctx)
                and _adjacent(prev.evidence, cur.evidence)
                and YEAR.search(sentence) is None
                and ctx.event_noun.search(sentence) is None
            ):
                out.add(cur.id)
    return frozenset(out)


def _is_future(claim: Claim, ctx: _Context) -> bool:
    """Whether the claim's stated time starts after its document's date."""
    time, published = claim.time, ctx.published.get(claim.doc)
    return (
        time is not None
        and time.start is not None
        and published is not None
        and (time.start > published)
    )


def _owner(claim: Claim, ctx: _Context, *, strict: bool) -> str | None:
    """Whose troops, dead or protesters: the subject, unless (for a count) it is the
    claim's own source or something that cannot own the count: a person, or a place the
    corpus names as where things happen. Otherwise a count keeps it only
    when the counted phrase names it ("17 Velorians") or the measure is one whose doer owns
    it (the lexicon's ``agent_owns``: "X sent 10,000 soldiers" are X's, even when X is
    who says so: "laid off by X: 1,800, X says"); any other
    subject is the sentence's doer or topic ("the outbreak killed 640", "police said 12
    died"), which says nothing about whose dead they are."""
    subject = claim.subject
    if subject is None or not strict:
        return subject
    own_source = subject == claim.source or (
        claim.source is not None and ctx.voices.speaks_for.get(claim.source) == subject
    )
    if own_source and claim.measure not in ctx.agent_owns:
        return None  # a doer that owns what it counts ("X says it laid off 600") stays
    entity = ctx.entity.get(subject)
    if entity is None:
        return subject
    if entity.type in NOT_OWNERS or subject == claim.location:
        return None
    organisation = entity.type in ORGANISATION_TYPES and claim.measure in ctx.agent_owns
    if subject in ctx.places and subject not in ctx.country_level and not organisation:
        return None  # the corpus names it as where things happen: a place, not an owner
    # (an organisation is also where its people strike: "on strike at X" does not stop X
    # owning its layoffs)
    if ctx.several(entity):
        return None  # "X, Y and Z have laid off 4,000": a total across them, no one's
    if claim.measure in ctx.agent_owns:
        return subject
    if ctx.names_in(claim.evidence.quote, entity) and not _own_group(claim, entity, ctx):
        return subject
    return None  # the sentence's doer or topic, not whose the counted people are


def _own_group(claim: Claim, entity: Entity, ctx: _Context) -> bool:
    """Whether the organisation a counted phrase names ("34,000 union members") is the
    story's own group for this measure: it is a voice of the story's counts of it (a union
    counting its strikers), so its members are whom every such count counts."""
    return (
        entity.type in ORGANISATION_TYPES
        and (ctx.story.get(claim.doc), claim.measure, entity.id) in ctx.voiced()
    )


def _row_class(scope: str, claim: Claim, ctx: _Context) -> str | None:
    """The group class a table row of one event's counts names, when its figure has no
    day of its own ("| All hostages | 96 |" under a recap of several days): the row
    counts every such event of that class so far, the class's running total. None for a
    row naming any other people ("| Velorian nationals | 31 |": a row of its own)."""
    if claim.time is not None or _row_day(claim.evidence.sentence, None) is not None:
        return None
    classes = frozenset(ctx.cues.group_classes)
    for word in reversed(scope.removeprefix("row:").replace(",", " ").split()):
        entry = ctx.lexicon.units.get(word) or ctx.lexicon.units.get(word.removesuffix("s"))
        if entry is not None:
            return entry.cls if entry.cls in classes else None
    return None


def _row_group(claim: Claim, place: str | None, ctx: _Context) -> str | None:
    """``row:<label>`` for a figure in a table row whose first cell names what the row
    counts ("| Velorian nationals | 31 |"): rows of one table are different questions. Not
    for a row labelled by a place (already its scope), a day (``_row_day``), a figure, or
    a voice (a row of who says what), nor for a row that only names what its figure
    counts (``measure_rows``)."""
    sentence = claim.evidence.sentence
    if place is not None or not sentence.lstrip().startswith("|"):
        return None
    cells = sentence.split("|")
    if len(cells) < 3:
        return None
    label = " ".join(cells[1].replace("*", " ").split())
    if not label or not any(ch.isalpha() for ch in label) or any(ch.isdigit() for ch in label):
        return None
    if _voice_row(label, cells[2:], ctx):
        return None
    if claim.evidence.quote.strip("|* ").strip() in label:
        return None
    story = ctx.story.get(claim.doc)
    apart = frozenset(kind for where, kind in ctx.kinds if where == story and kind)
    if claim.measure not in ctx.per_event_measures and names_no_group(
        claim, label.lower(), ctx.row_words, ctx.shared_row_labels, apart
    ):
        return None  # "| Deaths | 17 |": the measure's own question, as in prose
    return f"row:{label.lower()}"


def _voice_row(label: str, rest: list[str], ctx: _Context) -> bool:
    """Whether a table row's label names who gives its figure ("| Police | 4,000 |": rival
    estimates of one question). Not when a later cell of the row names a voice ("| Osk |
    3,140 | fire service |"): that column says who, so the label says what or where,
    even a name read as a person's."""
    if not (label.lower() in ctx.speaker_names or ctx.names_a_voice(label)):
        return False
    return not any(
        cell.strip(" *").lower() in ctx.speaker_names or ctx.names_a_voice(cell) for cell in rest
    )


def _narrow_place(claim: Claim, ctx: _Context) -> str | None:
    """The place a count is stated for, when narrower than the story: a table row's label
    ("| Teravia | 4,180 | 2,050 |": rows split the story by place, a country too), else,
    when narrower than a country, the claim's location, a place framing its sentence ("In
    X, police counted ...") or following its figure ("... 12,400 marchers in X")."""
    row = ctx.row_label.match(claim.evidence.sentence) if ctx.row_label else None
    if row is not None:
        return ctx.row_places[row.group(1).lower()]
    location = ctx.stated_place(claim)
    if location is None or location not in ctx.entity:
        return None
    if ctx.several_places(location):
        return None  # "at 44 facilities": that many places, no one place's count
    location = ctx.site_town.get(location, location)
    if location in ctx.event_sites.get(ctx.story.get(claim.doc), ()):
        return None  # where the story's event happened: the story's own question
    if location in ctx.country_level and (
        claim.measure in ctx.agent_owns or ctx.home.get(ctx.story.get(claim.doc)) == location
    ):
        return None  # the story's own country, or where a force is sent: no narrower
    return location


def _time_context(claim: Claim) -> str:
    """The claim's stated time with the words around it in its sentence, marked ``@T@``:
    "died in the @T@ earthquake"."""
    time = claim.time
    sentence = claim.evidence.sentence
    if time is None or not time.text or time.text not in sentence:
        return ""
    at = sentence.index(time.text)
    end = at + len(time.text)
    return f"{sentence[max(0, at - 20) : at]}@T@{sentence[end : end + 30]}"


def _event_time_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A time that dates a one-off event, not a count: "since @T@" (the lexicon's
    ``where_when.window_preps``), or "@T@('s)" followed by an event noun (the nouns of the
    lexicon's ``once`` predicates and its ``happening_nouns``, singular or plural: "hurt in
    Monday's clashes")."""
    once = {n for p in lexicon.predicates.values() if p.once for n in p.nouns}
    nouns = sorted(once | set(lexicon.reconcile.happening_nouns), key=lambda n: (len(n), n))
    event = "|".join(re.escape(n) for n in reversed(nouns)) or "(?!)"
    opens = "|".join(re.escape(w) for w in lexicon.where_when.window_preps) or "(?!)"
    return re.compile(
        rf"(?i:\b(?:{opens})\s+(?:the\s+)?@T@)|@T@(?:'s|’s)?\s+(?i:{event})(?:e?s)?\b"
    )


def _before_happening_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A before-word (the lexicon's ``before_event``), perhaps a determiner and one more
    word, then a noun of the story's event or of a happening ("before landfall", "ahead of
    the storm", "before the dam's collapse")."""
    nouns = {n for p in lexicon.predicates.values() if p.once for n in p.nouns}
    nouns |= set(lexicon.reconcile.before_event_nouns) | set(lexicon.reconcile.happening_nouns)
    event = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) or "(?!)"
    words = lexicon.reconcile.before_event
    marks = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"(?i:\b(?:{marks})\s+(?:(?:the|its|their|a)\s+)?(?:[\w'’-]+\s+)?(?:{event})(?:e?s)?\b)"
    )


def _other_event_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A one-off event's noun after a word that makes it another event of its kind ("a
    similar fire", "the previous sinking"), with at most one word between ("another deadly
    fire")."""
    once = {n for p in lexicon.predicates.values() if p.once for n in p.nouns}
    nouns = "|".join(re.escape(n) for n in sorted(once, key=len, reverse=True)) or "(?!)"
    words = lexicon.reconcile.other_event
    marks = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i:\b(?:{marks})\s+(?:[a-z-]+\s+)?(?:{nouns})s?\b)")


def _framing_pattern(preps: Sequence[str], places: dict[str, str]) -> re.Pattern[str] | None:
    """ "In X" / " in the X": a locative preposition and a known place name, matched at a
    given position (a sentence's start, or just after a claim's figure, with at most two
    lowercase words between: "8,000 people marched in X")."""
    if not places or not preps:
        return None
    names = "|".join(re.escape(p) for p in sorted(places, key=lambda p: (-len(p), p)))
    words = "|".join(re.escape(p) for p in sorted(preps, key=len, reverse=True))
    return re.compile(rf"(?:\s+[a-z]\w*){{0,2}}?\s*(?i:{words})\s+(?:the\s+)?({names})\b")


def _place_name_pattern(places: dict[str, str]) -> re.Pattern[str] | None:
    """Any known place name, as the framing and named-event patterns spell it (case and
    all)."""
    if not places:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(places, key=lambda p: (-len(p), p))))


def _next_place_pattern(places: dict[str, str]) -> re.Pattern[str] | None:
    """Another known place coordinated right after one (", Y", " and Y", ", and the Y")."""
    if not places:
        return None
    names = "|".join(re.escape(p) for p in sorted(places, key=lambda p: (-len(p), p)))
    return re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:{names})\b")


def _names_pattern(names: dict[str, str]) -> re.Pattern[str] | None:
    """Any of the names as whole words, in any case."""
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"\b(?i:{alternatives})\b")


def _row_label_pattern(places: dict[str, str]) -> re.Pattern[str] | None:
    """A table row whose first cell is a known place name: "| Teravia | 4,180 | ..."."""
    if not places:
        return None
    names = "|".join(re.escape(p) for p in sorted(places, key=lambda p: (-len(p), p)))
    return re.compile(rf"\s*\|\s*(?:\*\*)?((?i:{names}))(?:\*\*)?\s*\|")


def _headline_sites(
    documents: Sequence[GraphDocument],
    places: dict[str, str],
    country_level: frozenset[str],
    lexicon: Lexicon,
) -> dict[str | None, frozenset[str]]:
    """Each story's sites its headlines name as where its one-off event is: a place right
    before the event's noun in a title or heading ("Varden Hills fire: live", "inside the
    Osk Basin strike"). A count stated for that place is the story's own question, no
    narrower one ("900 had to leave the Varden Hills"). A country is never a site (its
    counts are the story's anyway)."""
    nouns = sorted(
        {n for p in lexicon.predicates.values() if p.once for n in p.nouns}, key=len, reverse=True
    )
    pattern = _place_event_pattern(nouns, places) if nouns else None
    sites: dict[str | None, set[str]] = defaultdict(set)
    if pattern is None:
        return {}
    for document in documents:
        heads = [document.title or ""] + [
            line for line in (document.body or "").split("\n")[:HEADLINE_LINES]
            if line.startswith("#")
        ]
        for head in heads:
            for found in pattern.finditer(head):
                place = places.get(found.group(1)) or places.get(found.group(1).lower())
                if place is not None and place not in country_level:
                    sites[document.story].add(place)
    return {story: frozenset(found) for story, found in sites.items()}


def _place_event_pattern(nouns: Sequence[str], places: dict[str, str]) -> re.Pattern[str] | None:
    """ "the X march": a known place name right before one of the event's nouns."""
    if not places:
        return None
    names = "|".join(re.escape(p) for p in sorted(places, key=lambda p: (-len(p), p)))
    events = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"\b({names})(?:'s|’s)?\s+(?i:{events})\b")


def _row_day(sentence: str, published: dt.date | None) -> dt.date | None:
    """The day a table row's first cell names ("| Tuesday 4 March | 3.5 million |"), when
    it names one day."""
    cells = sentence.split("|")
    if len(cells) < 3 or cells[0].strip():
        return None
    found = resolve_date(cells[1].strip().strip("*"), published=published)
    return found.start if found.granularity == "day" else None


def _key_id(key: FactKey) -> str:
    fields = key.model_dump(mode="json")
    if fields.get("event_day") is None:
        fields.pop("event_day", None)  # ids of facts without a day stay as they were
    blob = json.dumps(fields, sort_keys=True)
    return "fact:" + hashlib.sha1(blob.encode()).hexdigest()[:12]


# ------------------------------------------------------------------------ the stage


def reconcile(
    claims: Sequence[Claim],
    *,
    documents: Sequence[GraphDocument],
    entities: Sequence[Entity],
    lexicon: Lexicon,
    country_level: frozenset[str] = frozenset(),
    window_days: int = 0,
) -> Reconciliation:
    """Facts (sorted by id) and the claim-to-claim edges between their claims.

    ``country_level``: place entities that name a whole country, which do not narrow a
    count's scope; ``window_days``: how many days apart two figures may be and still
    speak for the same moment (0: the same day)."""
    with _without_cycle_collection():
        return _reconcile(
            claims,
            documents=documents,
            entities=entities,
            lexicon=lexicon,
            country_level=country_level,
            window_days=window_days,
        )


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Reconcile makes a few small objects per claim and frees them by reference counting
    (it builds no cycles); left on, the cyclic collector rescans every live claim again
    and again, half the run time on 100,000 claims. It is restored on the way out."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _reconcile(
    claims: Sequence[Claim],
    *,
    documents: Sequence[GraphDocument],
    entities: Sequence[Entity],
    lexicon: Lexicon,
    country_level: frozenset[str],
    window_days: int,
) -> Reconciliation:
    ctx = _Context(
        claims,
        documents=documents,
        entities=entities,
        lexicon=lexicon,
        country_level=country_level,
        window_days=window_days,
    )
    blocks: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        blocks[_block(claim, ctx)].append(claim)
    facts: list[Fact] = []
    edges: list[Edge] = []
    for block, members in blocks.items():
        key = FactKey(**dict(zip(KEY_FIELDS, block, strict=True)))  # type: ignore[arg-type]
        fact, fact_edges = _fact(key, sorted(members, key=CLAIM_ID), ctx)
        facts.append(fact)
        edges.extend(fact_edges)
    facts.sort(key=lambda f: f.id)
    edges.sort(key=lambda e: (e.kind, e.source, e.target))
    return Reconciliation(facts=facts, edges=edges)


def _entry(claim: Claim, ctx: _Context) -> _Entry:
    day = ctx.day(claim)
    time = claim.time
    last = time.end if time is not None and time.start == day and time.end else day
    return _Entry(
        claim=claim,
        voice=ctx.voices.voice(claim),
        day=day,
        last=last if last is None or day is None or last >= day else day,
        role=ctx.role(claim),
        order=(day is None, day or dt.date.min, claim.id),
        span=count_interval(claim.value) if isinstance(claim.value, CountValue) else None,
        vkey=value_key(claim.value),
        happening=ctx.happening(claim),
    )


def _role(claim: Claim, ctx: _Context) -> ValueRole:
    if claim.id in ctx.corrected or is_withdrawn(claim.evidence, ctx.cues):
        return "superseded"
    if claim.modality == "negated" or (isinstance(claim.value, CountValue) and claim.value.vague):
        return "not_asserted"
    if claim.modality == "expected" or is_scenario(claim.evidence, ctx.cues):
        return "projection"
    if claim.modality == "possible":
        return "hedged" if is_hedged_past(claim.evidence, ctx.cues) else "projection"
    return "stated"


def _fact(key: FactKey, claims: list[Claim], ctx: _Context) -> tuple[Fact, list[Edge]]:
    entries = _place_undated([_entry(c, ctx) for c in claims])
    entries = _mark_superseded(entries)
    multi = (
        key.type == "location"
        or key.scope == PART
        # earlier events' counts: the key does not say which earlier event (2009's, 2019's)
        or (key.type == "count" and key.scope == EARLIER)
        or (
            key.type == "date"
            and (key.scope == EARLIER or not ctx.once(ctx.event_predicate(claims[0])))
        )  # earlier events of a kind are several events, each with its own date
    )
    reasons: list[Reason] = []
    edges: list[Edge] = []
    if len(claims) > 1 and multi:
        reasons.append(_multi_reason(key, entries, ctx))
        live = [e for e in entries if e.role in ("stated", "hedged")]
    elif len(claims) > 1:
        entries, revisions = _revisions(entries, ctx)
        live = [e for e in entries if e.role in ("stated", "hedged")]
        # A figure its own source later revised was still stated on its day: it clashes
        # with an independent figure of that day all the same.
        said = [e for e in entries if e.role in ("stated", "hedged", "revised")]
        clashes = _clashes(said, ctx, timed=key.type == "count" and not _one_gathering(key, ctx))
        changes = _unstated_changes(live, ctx) if key.measure in ctx.cumulative_measures else []
        updates = _timeline(live, ctx) if key.type == "count" else []
        reasons += clashes + changes + revisions + updates + _set_aside(entries, ctx)
        edges += [_edge(r.claims[0], r.claims[1], "contradicts") for r in clashes + changes]
    else:
        live = [e for e in entries if e.role in ("stated", "hedged")]
    edges += _corroborations(live)
    values = _values(entries, ctx)
    status = _status(len(claims), reasons)
    consensus = _consensus(live, ctx) if status == "conflict" else _NO_CONSENSUS
    fact = Fact(
        id=_key_id(key),
        key=key,
        claims=[c.id for c in claims],
        values=values,
        status=status,
        explanation="",
        reasons=reasons,
        multi_valued=multi,
        independent_sources=len({e.voice for e in entries}),
        consensus=consensus.value,
        consensus_support=consensus.support,
        consensus_voices=consensus.voices,
        no_consensus=consensus.missing,
    )
    return fact, edges


def _one_gathering(key: FactKey, ctx: _Context) -> bool:
    """Whether a fact counts one gathering, its day in the key (a crowd on Saturday): its
    figures all speak for that gathering, whenever they were reported, so two voices'
    figures clash across days ("police put it at 12,000" on the day, organisers' 30,000
    in Monday's paper)."""
    return key.event_day is not None and key.measure in ctx.per_event_measures


def _status(n_claims: int, reasons: list[Reason]) -> str:
    kinds = {r.kind for r in reasons}
    if n_claims == 1:
        return "single"
    if kinds & {"clash", "unstated_change"}:
        return "conflict"
    if kinds & {"update", "revision", "superseded"}:
        return "updated"
    return "consistent"


def _multi_reason(key: FactKey, entries: list[_Entry], ctx: _Context) -> Reason:
    kind = "part" if key.scope == PART else "multi_valued"
    return Reason(
        kind=kind,  # type: ignore[arg-type]
        values=_labels(e.claim.value for e in entries if e.role != "not_asserted"),
        sources=sorted({e.voice for e in entries}),
    )


# ------------------------------------------------------------------------ roles over time


def _place_undated(entries: list[_Entry]) -> list[_Entry]:
    """An undated figure that repeats a figure dated elsewhere in the fact speaks for the
    days that figure was stated (an undated summary repeating the last known toll), not
    for any day: it is compared with that moment only. An undated figure found nowhere
    else may still be any day."""
    if all(e.day is not None for e in entries):
        return entries  # the common case
    days: dict[object, list[dt.date]] = defaultdict(list)
    for e in entries:
        if e.day is not None:
            days[e.span or e.vkey].append(e.day)
    out = []
    for e in entries:
        known = days.get(e.span or e.vkey) if e.day is None else None
        if known:
            first, last = min(known), max(known)
            e = _Entry(
                claim=e.claim,
                voice=e.voice,
                day=first,
                last=last,
                role=e.role,
                order=(False, first, e.claim.id),
                span=e.span,
                vkey=e.vkey,
                happening=e.happening,
            )
        out.append(e)
    return out


def _mark_superseded(entries: list[_Entry]) -> list[_Entry]:
    """A figure taken back by a later sentence is superseded wherever it was stated up to
    that day (an undated claim of it too)."""
    withdrawn: dict[tuple, dt.date | None] = {}
    for e in entries:
        if e.role == "superseded":
            k = e.vkey
            seen = withdrawn.get(k, e.day)
            withdrawn[k] = None if seen is None or e.day is None else max(seen, e.day)
    if not withdrawn:
        return entries
    out = []
    for e in entries:
        k = e.vkey
        if k in withdrawn and e.role in ("stated", "hedged"):
            until = withdrawn[k]
            if until is None or e.day is None or e.day <= until:
                e = _replace(e, "superseded")
        out.append(e)
    return out


def _replace(e: _Entry, role: ValueRole) -> _Entry:
    return _Entry(
        claim=e.claim,
        voice=e.voice,
        day=e.day,
        last=e.last,
        role=role,
        order=e.order,
        span=e.span,
        vkey=e.vkey,
        happening=e.happening,
    )


def _fits(a: _Entry, b: _Entry) -> bool:
    """Whether two claims' values can both hold (``values.compatible``, fast for counts);
    dates of two happenings of an event always can (``_one_happening``)."""
    if not _one_happening(a, b):
        return True
    if a.span is not None and b.span is not None:
        return a.span[0] <= b.span[1] and b.span[0] <= a.span[1]
    return compatible(a.claim.value, b.claim.value)


def _revisions(entries: list[_Entry], ctx: _Context) -> tuple[list[_Entry], list[Reason]]:
    """A voice that changes its own figure revises it: a revision reason for each change
    in its own timeline (undated claims last; the most recent ``MAX_TIMELINE`` changes of
    the fact are kept), and its earlier figure is set aside (role ``revised``) when the
    latest one is dated in a later window."""
    by_voice: dict[str, list[_Entry]] = defaultdict(list)
    for e in entries:
        if e.role in ("stated", "hedged"):
            by_voice[e.voice].append(e)
    revised: set[str] = set()
    changes: list[tuple[_Entry, _Entry]] = []
    for _, own in sorted(by_voice.items()):
        if len(own) < 2:
            continue
        own.sort(key=lambda e: (e.order[0], e.order[1], e.claim.doc, e.claim.evidence.start))
        latest = own[-1]
        steps = [(a, b) for a, b in pairwise(own) if not _fits(a, b)]
        if latest.day is not None:
            before = latest.day - ctx.window
            earlier = [
                e for e in own[:-1] if e.day is not None and e.day < before and not _fits(e, latest)
            ]
            revised.update(e.claim.id for e in earlier)
            # every figure set aside is named in a revision, so a fact never hides one
            stepped = {a.claim.id for a, _ in steps}
            steps += [(e, latest) for e in earlier if e.claim.id not in stepped]
        changes += steps
    changes.sort(key=lambda pair: (pair[1].order, pair[0].order))
    reasons = [_pair_reason("revision", a, b, ctx) for a, b in changes[-MAX_TIMELINE:]]
    out = [_replace(e, "revised") if e.claim.id in revised else e for e in entries]
    return out, reasons


def _set_aside(entries: list[_Entry], ctx: _Context) -> list[Reason]:
    """One reason per superseded value and one for projections, so renderers can say what
    was left out of the comparison and why."""
    reasons = []
    superseded = [e for e in entries if e.role == "superseded"]
    if superseded:
        reasons.append(_group_reason("superseded", superseded, ctx))
    projections = [e for e in entries if e.role == "projection"]
    if projections:
        reasons.append(_group_reason("projection", projections, ctx))
    return reasons


def _group_reason(kind: str, entries: list[_Entry], ctx: _Context) -> Reason:
    return Reason.model_construct(  # every field given, of its type: no validation
        kind=kind,  # type: ignore[arg-type]
        values=_labels(e.claim.value for e in entries),
        claims=sorted(e.claim.id for e in entries),
        sources=sorted({e.voice for e in entries}),
        dates=sorted({e.day for e in entries if e.day is not None}),
    )


def _pair_reason(kind: str, a: _Entry, b: _Entry, ctx: _Context) -> Reason:
    """A reason about two claims, in the order given (earlier first where time matters)."""
    return Reason.model_construct(  # every field given, of its type: no validation
        kind=kind,  # type: ignore[arg-type]
        values=[_label(a.claim.value, ctx), _label(b.claim.value, ctx)],
        claims=[a.claim.id, b.claim.id],
        sources=[a.voice, b.voice],
        dates=[d for d in (a.day, b.day) if d is not None],
        hedged="hedged" in (a.role, b.role),
    )


# ------------------------------------------------------------------------ clashes


def _clashes(live: list[_Entry], ctx: _Context, *, timed: bool) -> list[Reason]:
    """Pairs of values that cannot both hold, each with its first pair of claims from
    independent voices in one window (any window for ``timed=False``: a one-off date).

    Counts: for each distinct value, only the nearest value entirely above it that
    clashes, so reasons and edges grow with the number of values, not its square (two
    intervals are incompatible exactly when one lies entirely above the other). Dates:
    the few distinct values pairwise, and only two resolved days (``_a_day``)."""
    by_value: dict[tuple, list[_Entry]] = defaultdict(list)
    for e in live:
        by_value[e.vkey].append(e)
    keys = sorted(by_value)
    reasons = []
    sides = _Sides(by_value)
    if keys and isinstance(by_value[keys[0]][0].claim.value, CountValue):
        span = {k: count_interval(by_value[k][0].claim.value) for k in keys}  # type: ignore[arg-type]
        by_low = sorted(keys, key=lambda k: (span[k][0], k))
        lows = [span[k][0] for k in by_low]
        for key in keys:
            for above in by_low[bisect_right(lows, span[key][1]) :]:
                pair = _first_clash_of(sides[key], sides[above], ctx, timed=timed)
                if pair is not None:
                    reasons.append(_pair_reason("clash", *pair, ctx))
                    break
        return reasons
    for ka, kb in combinations(keys, 2):
        a, b = by_value[ka][0].claim.value, by_value[kb][0].claim.value
        if not (_a_day(a) and _a_day(b)) or compatible(a, b):
            continue
        pair = _first_clash_of(sides[ka], sides[kb], ctx, timed=timed)
        if pair is not None:
            reasons.append(_pair_reason("clash", *pair, ctx))
    return reasons


def _a_day(value: Value) -> bool:
    """Whether a date names one resolved day: only two such days of a one-off event can
    clash ("in June" and "in the spring" are too loose to tell it apart from another
    event's time)."""
    return isinstance(value, DateValue) and value.granularity == "day" and value.start is not None


class _Side(NamedTuple):
    """One value's claims as ``_first_clash_of`` reads them, sorted once: a value is compared
    with several others, and sorting its claims again for each is most of the cost."""

    entries: list[_Entry]  # as given
    by_when: list[_Entry]  # sorted by ``_when``
    dated: list[_Entry]  # the dated ones, by ``_when``
    undated: list[_Entry]  # the undated ones, as given
    starts: list[dt.date]  # ``dated``'s days
    longest: dt.timedelta  # the longest stated period among ``dated``


def _side(entries: list[_Entry]) -> _Side:
    by_when = sorted(entries, key=_when)
    dated = [e for e in by_when if e.day is not None]
    return _Side(
        entries=entries,
        by_when=by_when,
        dated=dated,
        undated=[e for e in entries if e.day is None],
        starts=[e.day for e in dated if e.day is not None],
        longest=max((e.last - e.day for e in dated if e.last and e.day), default=dt.timedelta()),
    )


class _Sides(dict[tuple, _Side]):
    """``_side`` of each value of a fact, made when first asked."""

    def __init__(self, by_value: dict[tuple, list[_Entry]]) -> None:
        super().__init__()
        self.by_value = by_value

    def __missing__(self, key: tuple) -> _Side:
        side = self[key] = _side(self.by_value[key])
        return side


def _first_clash_of(
    a_side: _Side, b_side: _Side, ctx: _Context, *, timed: bool
) -> tuple[_Entry, _Entry] | None:
    """The first pair of claims, one of each value, from independent voices, that speak of
    one happening at one moment (in ``_when`` order of the first value's claims)."""
    side_b, undated_b, dated_b = b_side.entries, b_side.undated, b_side.dated
    starts, longest = b_side.starts, b_side.longest
    for a in a_side.by_when:
        fixed = timed and ctx.before_happening(a.claim)  # "evacuated before landfall"
        if not timed or a.day is None or fixed:
            candidates: Iterable[_Entry] = side_b
        else:
            assert a.last is not None
            lo = bisect_left(starts, a.day - ctx.window - longest)
            hi = bisect_right(starts, a.last + ctx.window)
            candidates = [*dated_b[lo:hi], *undated_b]
        for b in candidates:
            if (
                b.voice != a.voice
                and _one_happening(a, b)
                and not _told_rise(a, b, ctx)
                and (
                    not timed
                    or _same_moment(a, b, ctx)
                    or (fixed and ctx.before_happening(b.claim))  # both before the event
                )
            ):
                return (a, b) if _when(a) <= _when(b) else (b, a)
    return None


def _told_rise(a: _Entry, b: _Entry, ctx: _Context) -> bool:
    """Whether one article tells a running total rising between two of its figures: the
    higher one said to have risen to ("the toll stood at 37 overnight ... has climbed to
    62"), or told after the lower as the update ("Latest figures: 66 dead"). An update
    the article states, not two voices disagreeing; two figures set against each other in
    one sentence ("now stands at 9,400, while X puts it at 12,500") are no such telling."""
    if a.claim.doc != b.claim.doc or a.claim.measure not in ctx.cumulative_measures:
        return False
    if a.claim.evidence.sentence == b.claim.evidence.sentence:
        return False
    if a.span is None or b.span is None:
        return False
    high, low = (a, b) if a.span[0] > b.span[1] else (b, a)
    evidence = high.claim.evidence
    if evidence.start > low.claim.evidence.start and states_update(evidence, ctx.cues):
        return True
    at = evidence.sentence.find(evidence.quote)
    return at > 0 and ctx.rose_to.search(evidence.sentence[:at]) is not None


def _one_happening(a: _Entry, b: _Entry) -> bool:
    """Whether two claims can speak of one happening: two dates clash only when they date
    the same one (two voices' days for a fire's outbreak), never the outbreak and the day
    it was contained, nor a bound ("since Sunday") and anything. Claims that are no
    dates, and dates whose word is unknown, may speak of any."""
    if BOUND in (a.happening, b.happening):
        return False
    return a.happening is None or b.happening is None or a.happening == b.happening


def _when(e: _Entry) -> tuple[bool, dt.date, str]:
    """Sort key: dated claims by day, undated last, then by id."""
    return e.order


def _same_moment(a: _Entry, b: _Entry, ctx: _Context) -> bool:
    """One window, and neither figure said to be an earlier state ("earlier in the day")."""
    if not _same_window(a, b, ctx):
        return False
    if _later_state(a, ctx) or _later_state(b, ctx):
        return False
    return not (is_earlier(a.claim.evidence, ctx.cues) or is_earlier(b.claim.evidence, ctx.cues))


def _later_state(e: _Entry, ctx: _Context) -> bool:
    """A current state's figure said to follow a change ("after three were freed, 212 were
    held"): the state moved within the day. Not a running total or one event's count,
    whose rivals on one day still clash ("after the march, police said 30,000")."""
    measure = e.claim.measure
    return (
        measure not in ctx.cumulative_measures
        and measure not in ctx.per_event_measures
        and follows_change(e.claim.evidence, ctx.cues, ctx.change_verbs)
    )


def _same_window(a: _Entry, b: _Entry, ctx: _Context) -> bool:
    if a.day is None or b.day is None or a.last is None or b.last is None:
        return True  # an undated figure may speak for any day
    return a.day - ctx.window <= b.last and b.day - ctx.window <= a.last


def _unstated_changes(live: list[_Entry], ctx: _Context) -> list[Reason]:
    """A running total that falls below an earlier window's figure from another voice,
    without the later sentence saying it replaces it. A figure its sentence names as an
    earlier state ("42 were hurt, up from 37") is neither: it was said of before."""
    dated = sorted(
        (e for e in live if e.day is not None and not is_earlier(e.claim.evidence, ctx.cues)),
        key=_when,
    )
    best: list[_Entry] = []  # highest earlier lows, from at most two voices
    reasons: dict[tuple, Reason] = {}
    ready = 0
    for e in dated:
        assert e.day is not None
        while ready < len(dated) and dated[ready].day < e.day - ctx.window:  # type: ignore[operator]
            best = _top_two(best, dated[ready])
            ready += 1
        if not isinstance(e.claim.value, CountValue) or states_update(e.claim.evidence, ctx.cues):
            continue
        high = count_interval(e.claim.value)[1]
        for earlier in best:
            if earlier.voice == e.voice:
                continue
            assert isinstance(earlier.claim.value, CountValue)
            if count_interval(earlier.claim.value)[0] > high:
                pair = (value_key(earlier.claim.value), e.vkey)
                reasons.setdefault(pair, _pair_reason("unstated_change", earlier, e, ctx))
            break
    return list(reasons.values())


def _top_two(best: list[_Entry], e: _Entry) -> list[_Entry]:
    """The entries with the highest lower bounds, one per voice, at most two."""
    if not isinstance(e.claim.value, CountValue):
        return best
    pool = [b for b in best if b.voice != e.voice] + [
        max([b for b in best if b.voice == e.voice] + [e], key=_low)
    ]
    return sorted(pool, key=_low, reverse=True)[:2]


def _low(e: _Entry) -> float:
    assert isinstance(e.claim.value, CountValue)
    return count_interval(e.claim.value)[0]


def _timeline(live: list[_Entry], ctx: _Context) -> list[Reason]:
    """Update reasons: where the figure most voices give changes from one window to the
    next, to a value that cannot hold together with the one before."""
    dated = sorted((e for e in live if e.day is not None), key=_when)
    windows: list[list[_Entry]] = []
    for e in dated:
        assert e.day is not None
        start = windows[-1][0].day if windows else None
        if start is not None and e.day - start <= ctx.window:
            windows[-1].append(e)
        else:
            windows.append([e])
    steps: list[tuple[_Entry, _Entry]] = []
    previous: _Entry | None = None
    for window in windows:
        current = _representative(window)
        if previous is not None and not _fits(previous, current):
            steps.append((previous, current))
        previous = current
    return [_pair_reason("update", a, b, ctx) for a, b in steps[-MAX_TIMELINE:]]


def _representative(window: list[_Entry]) -> _Entry:
    """The figure most voices give in one window (ties: the value whose key sorts first, so
    the choice never depends on input order)."""
    voices: dict[tuple, set[str]] = defaultdict(set)
    first: dict[tuple, _Entry] = {}
    for e in window:
        k = e.vkey
        voices[k].add(e.voice)
        first.setdefault(k, e)
    best = max(sorted(voices), key=lambda k: len(voices[k]))
    return first[best]


# ------------------------------------------------------------------------ values


def _values(entries: list[_Entry], ctx: _Context) -> list[FactValue]:
    groups: dict[tuple[object, ...], list[_Entry]] = defaultdict(list)
    for e in entries:
        groups[e.vkey].append(e)
    out = []
    for vk in sorted(groups):  # type: ignore[type-var]
        members = groups[vk]
        claims, sources, docs, days, voices = [], set(), set(), set(), set()
        for e in members:
            claims.append(e.claim.id)
            docs.add(e.claim.doc)
            voices.add(e.voice)
            if e.claim.source:
                sources.add(e.claim.source)
            if e.day is not None:
                days.add(e.day)
        out.append(
            FactValue.model_construct(  # every field given, of its type: no validation
                value=members[0].claim.value,
                label=_label(members[0].claim.value, ctx),
                claims=claims,
                sources=sorted(sources),
                documents=sorted(docs),
                as_of=sorted(days),
                voices=sorted(voices),
                role=_value_role(members),
            )
        )
    return out


ROLE_ORDER: tuple[ValueRole, ...] = (
    "stated",
    "hedged",
    "revised",
    "superseded",
    "projection",
    "not_asserted",
)


def _value_role(members: list[_Entry]) -> ValueRole:
    """A value's strongest role among its claims: stated if any claim states it."""
    roles = {e.role for e in members}
    return next(r for r in ROLE_ORDER if r in roles)


def _label(value: Value, ctx: _Context) -> str:
    return label(value, entity_names=ctx.names)


def _labels(values: Iterable[Value]) -> list[str]:
    seen: dict[tuple, str] = {}
    for v in values:
        seen.setdefault(value_key(v), label(v))
    return [seen[k] for k in sorted(seen)]


def _edge(source: str, target: str, kind: EdgeKind) -> Edge:
    return Edge.model_construct(source=source, target=target, kind=kind)  # already valid


def _corroborations(live: list[_Entry]) -> list[Edge]:
    """Independent voices stating the same value, chained in id order."""
    groups: dict[tuple, dict[str, Claim]] = defaultdict(dict)
    for e in live:  # in claim id order, as the fact's claims are
        groups[e.vkey].setdefault(e.voice, e.claim)
    edges = []
    for firsts in groups.values():
        edges += [_edge(a.id, b.id, "corroborates") for a, b in pairwise(firsts.values())]
    return edges


# ------------------------------------------------------------------------ consensus


@dataclass(frozen=True, slots=True)
class _Consensus:
    value: CountValue | None = None
    support: int = 0
    voices: int = 0
    missing: NoConsensus | None = None


_NO_CONSENSUS = _Consensus()


def _consensus(live: list[_Entry], ctx: _Context) -> _Consensus:
    """The interval a strict majority of the latest window's independent voices allows."""
    counted = [e for e in live if isinstance(e.claim.value, CountValue)]
    days = [e.day for e in counted if e.day is not None]
    if days:
        latest = max(days)
        counted = [e for e in counted if e.day is None or latest - e.day <= ctx.window]
    voices = {e.voice for e in counted}
    if not voices:
        return _Consensus(missing="no_values")
    intervals = [(count_interval(e.claim.value), e) for e in counted]  # type: ignore[arg-type]
    points = sorted({p for (lo, hi), _ in intervals for p in (lo, hi) if abs(p) != float("inf")})
    best, support = None, 0
    for point in points:
        n = len({e.voice for (lo, hi), e in intervals if lo <= point <= hi})
        if n > support:
            best, support = point, n
    if best is None or support * 2 <= len(voices):
        missing: NoConsensus = "tie" if support * 2 == len(voices) else "no_majority"
        return _Consensus(support=support, voices=len(voices), missing=missing)
    holding = [e.claim for (lo, hi), e in intervals if lo <= best <= hi]
    return _Consensus(value=_stated_overlap(holding), support=support, voices=len(voices))


def _stated_overlap(claims: list[Claim]) -> CountValue:
    """The overlap of the claims' stated bounds (not their tolerance-widened intervals). When
    approximate figures only meet inside their tolerance ("about 10,000" and "about 11,000"),
    the consensus is the approximate span between the stated figures ("about
    10,000-11,000"), never a point such as 10,450 that no source stated."""
    values = [c.value for c in claims if isinstance(c.value, CountValue)]
    lows = [v.low for v in values if v.low is not None]
    highs = [v.high for v in values if v.high is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    approximate = all(v.approximate for v in values)
    if low is not None and high is not None and low > high:
        low, high, approximate = high, low, True
    return CountValue(low=low, high=high, approximate=approximate, unit=values[0].unit)
