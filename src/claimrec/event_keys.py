"""Which occurrence of an event a date or place claim answers (the "when" and "where" keys
that reconcile's ``_event_block`` does not settle by the event's own word).

The story's one-off event (a fire, a sinking: a ``once`` predicate) is named by its noun or
verb, so every date and place said of it is one question. Two more rules tie other dates
and places to it, or to each other:

* **A day names its occurrence.** Events that recur or go unnamed (a strike that walks out
  in waves, hostages freed day after day, days of protest called one after another) are
  told apart by the day itself: two dates of such events answer one question exactly when
  they name the same stretch of the calendar, whatever verb their sentence hangs them on
  ("walked out on 4 May", a table row "| 4 May | 12,000 |", "the walkout began on 4 May").
  The verb is no guide: a table row, "came out on Friday" or "it was 4 May" name no event,
  and one occurrence is told with many verbs. Their values are then equal by construction:
  what the fact records is which mentions speak of that day, not a rivalry between days.
  (Two different events on one day, arrests on the day a strike began, share the fact: a
  known limit, the price of not trusting the verb.) A date of a statement ("said on
  Monday") is no occurrence of the event, and a date the calendar cannot place (a bare
  "that night", "last spring" without an article date) names none.
* **The one-off event's day and site are its own.** What the event did to people on the
  day it happened is dated by it: a date of a killing, injury or disappearance (a
  predicate that ``changes_state``) naming the event's day is that event's date ("killed
  on 7 May" in a story of the 7 May raid); other things that happened that day (a
  hearing, a visit) are not. A place the story names as where its one-off event happened
  is that event's place wherever a verb that names no other event mentions it again ("divers
  kept looking until dusk off Cape Lira"), a site inside a town inside a region
  being one "where" at different granularity. Countries are too wide to carry this over.
* **A coarse date is the one finer date inside it.** "By January" and "by 20 January",
  "completed last year" and "finished in May" of that year: a month, week or year said of
  an occurrence that the story elsewhere dates more finely is that occurrence, when just
  one finer date of the story falls inside it (two or more and it cannot say which).
* **A bare part of a day is the one-off event's.** "On the night", "that morning", with
  nothing to say which night, point back to the night the story is about: its one-off
  event's ("a few guests were away from the hotel on the night"). Not "the next day" or
  "the night of 3 May", which say which, nor a statement's "that evening".
* **A place with no event word names only itself.** A dateline ("VARNA —"), a table row's
  place cell, or a place on a verb that names no event ("pickets stood outside the gates
  in Varna", "most of the rise came at its plants in Selm") says where something is, not
  which event's "where" it answers; such places answer one question only when they name
  the same place (whoever the sentence's subject). Not a country: "in Ukraine" on any verb
  is background too wide to make one question of.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimrec.models import Claim, DateValue, LocationValue

OCCURRENCE = "occurrence"  # the predicate of a fact keyed by the day it names


def occurrence(value: DateValue) -> tuple[dt.date, dt.date] | None:
    """The stretch of the calendar a date names (first and last day), None when it names
    none that can be placed."""
    if value.start is None or value.granularity == "unknown":
        return None
    return value.start, value.end or value.start


def occurrence_scope(span: tuple[dt.date, dt.date]) -> str | None:
    """A fact key's scope for a stretch longer than its first day ("Nov. 24-30" is not
    "Nov. 24"): its last day."""
    start, end = span
    return None if end == start else f"to:{end.isoformat()}"


@dataclass(frozen=True, slots=True)
class EventAnchors:
    """Per story, the days and sites of its one-off event, each with the event's family."""

    days: dict[tuple[str | None, dt.date], str]
    sites: dict[tuple[str | None, str], str]
    main: dict[str | None, str]  # each story's most-said one-off event

    def family_of(self, claim: Claim, story: str | None) -> str | None:
        """The one-off event whose day or site the claim names, if any."""
        value = claim.value
        if isinstance(value, DateValue):
            span = occurrence(value)
            if span is None or span[0] != span[1]:
                return None
            return self.days.get((story, span[0]))
        if isinstance(value, LocationValue):
            return self.sites.get((story, value.entity))
        return None


def event_anchors(
    claims: Iterable[Claim],
    *,
    story_of: Callable[[Claim], str | None],
    once_family: Callable[[Claim], str | None],
    too_wide: frozenset[str],
) -> EventAnchors:
    """The days and sites said of each story's one-off event: a day when one of its date
    claims names a single day; a site when one of its place claims names a place narrower
    than a country (``too_wide``). ``once_family`` gives the family of a claim's one-off
    event (None for any other claim, or for another event of its kind). A day or site said
    of two one-off events goes to the one that says it most often."""
    days: dict[tuple[str | None, dt.date], Counter[str]] = defaultdict(Counter)
    sites: dict[tuple[str | None, str], Counter[str]] = defaultdict(Counter)
    said: dict[str | None, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if claim.type == "count":
            continue
        family = once_family(claim)
        if family is None:
            continue
        said[story_of(claim)][family] += 1
        value = claim.value
        if isinstance(value, DateValue):
            span = occurrence(value)
            if span is not None and span[0] == span[1] and value.granularity == "day":
                days[(story_of(claim), span[0])][family] += 1
        elif isinstance(value, LocationValue) and value.entity not in too_wide:
            sites[(story_of(claim), value.entity)][family] += 1
    return EventAnchors(
        days={at: _most_said(counter) for at, counter in days.items()},
        sites={at: _most_said(counter) for at, counter in sites.items()},
        main={story: _most_said(counter) for story, counter in said.items()},
    )


def finer_dates(
    values: Iterable[tuple[str | None, DateValue]],
) -> dict[tuple[str | None, tuple[dt.date, dt.date]], tuple[dt.date, dt.date]]:
    """For each story's coarse date (a week, month, season, quarter or year), the one finer
    stretch the story's dates name inside it, when just one (``values``: each date's story
    and value, the dates that name occurrences)."""
    spans: dict[str | None, set[tuple[dt.date, dt.date]]] = defaultdict(set)
    coarse: set[tuple[str | None, tuple[dt.date, dt.date]]] = set()
    for story, value in values:
        span = occurrence(value)
        if span is None:
            continue
        spans[story].add(span)
        if value.granularity != "day":
            coarse.add((story, span))
    out = {}
    for story, span in sorted(coarse, key=lambda at: (str(at[0]), at[1])):
        inside = [
            other
            for other in spans[story]
            if other != span
            and span[0] <= other[0]
            and other[1] <= span[1]
            and (other[1] - other[0]) < (span[1] - span[0])
        ]
        if len(inside) == 1:
            out[(story, span)] = inside[0]
    return out


def day_names(
    dated: Iterable[tuple[str | None, DateValue, str | None]],
) -> dict[tuple[str | None, tuple[dt.date, dt.date]], str]:
    """What to call each occurrence a story's dates name (``dated``: each date's story,
    value and kind of event, None for a bare verb): the kind of event most of its dates
    name, ties by name. Only a name: the dates are grouped by the day whatever it is."""
    kinds: dict[tuple[str | None, tuple[dt.date, dt.date]], Counter[str]] = defaultdict(Counter)
    for story, value, kind in dated:
        span = occurrence(value)
        if span is not None and kind is not None:
            kinds[(story, span)][kind] += 1
    return {at: _most_said(counter) for at, counter in kinds.items()}


def bare_day_part(claim: Claim, *, words: frozenset[str], determiners: frozenset[str]) -> bool:
    """Whether a date the calendar cannot place is a bare part of a day ("on the night",
    "that morning"): a determiner and one of ``words``, not followed by "of" ("the night of
    the fire" or "of 3 May" say which night)."""
    value = claim.value
    if not isinstance(value, DateValue) or value.start is not None:
        return False
    tokens = value.text.lower().split()
    if len(tokens) != 2 or tokens[0] not in determiners or tokens[1] not in words:
        return False
    sentence, quote = claim.evidence.sentence, claim.evidence.quote
    at = sentence.find(quote)
    after = sentence[at + len(quote) :].split() if at >= 0 else []
    return not after or after[0].lower() != "of"


def _most_said(counter: Counter[str]) -> str:
    """The most frequent family, ties broken by name (deterministic)."""
    return min(counter, key=lambda family: (-counter[family], family))
