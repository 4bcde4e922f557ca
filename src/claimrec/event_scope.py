"""Counts that speak of another moment of the story's event than its outcome.

"Two patients had died in the ward before the flood": deaths before the one-off event are not
its toll, whatever the measure says. The words live in the lexicon (``reconcile.
before_event``: "before", "prior to"; ``before_event_measures``: the measures of harm an
event's toll counts); the event is named by a noun of one of the lexicon's ``once``
predicates (the fire, the boat) or of ``before_event_nouns`` (the sinking).

In a story about recurring gatherings (crowds counted on several days of action), the harm
done at a gathering (officers hurt, people arrested or held: the lexicon's
``reconcile.gathering_measures``) is counted per gathering too: "six officers were hurt"
at Monday's rally and "145 were injured" by Saturday's are two days' questions, not one
running toll; a figure over a stated period ("since 9 May") speaks for the day it starts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from claimrec.lexicon import Lexicon
from claimrec.models import Claim

AFTER_WINDOW = 60  # characters after a figure searched for "before the <event>"


def before_event_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """ "before the sinking", "prior to the boat's ...": a before-word, an optional
    determiner and one more word, then a one-off event's noun."""
    once = {n for p in lexicon.predicates.values() if p.once for n in p.nouns}
    once |= set(lexicon.reconcile.before_event_nouns)
    words = lexicon.reconcile.before_event
    if not once or not words:
        return None
    nouns = "|".join(re.escape(n) for n in sorted(once, key=len, reverse=True))
    marks = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{marks})\s+(?:the|its|their|a)\s+(?:[a-z-]+\s+)?(?:{nouns})s?\b)")


def before_event(claim: Claim, pattern: re.Pattern[str] | None, lexicon: Lexicon) -> bool:
    """Whether a count of harm is stated for before the story's event ("two had died of the
    cold before the flood"): the words follow its figure in its sentence."""
    if pattern is None or claim.measure not in lexicon.reconcile.before_event_measures:
        return False
    sentence, quote = claim.evidence.sentence, claim.evidence.quote
    at = sentence.find(quote)
    if at < 0:
        return False
    end = at + len(quote)
    return pattern.search(sentence, end, end + AFTER_WINDOW) is not None


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
EARLIER_EVENT_WINDOW = 50  # characters between an earlier event's noun and the figure
MIN_YEARS_BEFORE = 1  # a year this many full years before the article's is another event


def dated_event_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """ "the 2009 ferry fire", "the May 2012 fire": a year, at most one word, then a
    one-off event's noun; group 1 is the year."""
    once = {n for p in lexicon.predicates.values() if p.once for n in p.nouns}
    once |= set(lexicon.reconcile.before_event_nouns)
    if not once:
        return None
    nouns = "|".join(re.escape(n) for n in sorted(once, key=len, reverse=True))
    return re.compile(rf"\b((?:1[89]|20)\d\d)(?:['’]s)?\s+(?:[A-Za-z-]+\s+)?(?i:{nouns})s?\b")


def earlier_event(claim: Claim, pattern: re.Pattern[str] | None, published: int | None) -> bool:
    """Whether the figure counts an earlier event of the story's kind that its sentence
    dates by year just before it ("worse than the 2009 capsizing off X that killed more than
    210 people"), in a clause a past year opens ("last hit in 2019, when floods killed
    six"): that event's count, never the story's. ``published``: the article's year."""
    if pattern is None or published is None:
        return False
    sentence, quote = claim.evidence.sentence, claim.evidence.quote
    if _YEAR.search(sentence) is None:
        return False  # the common case, decided by one cheap scan
    at = sentence.find(quote)
    if at < 0:
        return False
    for found in pattern.finditer(sentence, max(0, at - EARLIER_EVENT_WINDOW - 40), at):
        years_before = published - int(found.group(1))
        if at - found.end() <= EARLIER_EVENT_WINDOW and years_before > MIN_YEARS_BEFORE:
            return True
    return any(
        published - int(found.group(1)) > MIN_YEARS_BEFORE
        for found in _YEAR_WHEN.finditer(sentence, 0, at)
    )


# "in 2019, when floods killed six": a clause that a year opens dates what it says
_YEAR_WHEN = re.compile(r"\b((?:1[89]|20)\d\d),?\s+when\b")


MIN_GATHERING_SHARE = 1 / 3  # of a story's counts that count its gatherings


def recurring_stories(
    counts: Iterable[tuple[str | None, bool, dt.date | None]], *, min_days: int = 2
) -> frozenset[str | None]:
    """Stories about recurring gatherings: a third or more of their counts count a gathering
    (a crowd), stated for at least ``min_days`` different days ("the third day of action",
    "the fifth"). A story about something else that mentions a crowd or two (onlookers
    at a fire on two days) is not one. ``counts``: each count's (story,
    whether it counts a gathering, the gathering's day)."""
    days: dict[str | None, set[dt.date]] = {}
    gatherings: dict[str | None, int] = {}
    total: dict[str | None, int] = {}
    for story, gathering, day in counts:
        total[story] = total.get(story, 0) + 1
        if gathering:
            gatherings[story] = gatherings.get(story, 0) + 1
            if day is not None:
                days.setdefault(story, set()).add(day)
    return frozenset(
        story
        for story, found in days.items()
        if len(found) >= min_days and gatherings[story] >= MIN_GATHERING_SHARE * total[story]
    )


# "- 2015: a fire injured 12 workers": a line (a timeline's item) a year labels
_YEAR_LABEL = re.compile(r"\s*(?:[-*•]\s*)?\**((?:1[89]|20)\d\d)\**\s*(?::|–|—|-\s)")


def year_labelled(
    claims: Sequence[Claim],
    bodies: Mapping[str, str | None],
    published: Mapping[str, dt.date | None],
) -> frozenset[str]:
    """Counts on a line a past year labels ("- 1998: a fire killed four people", a
    timeline's item): that year's event, never the story's, whatever the sentence itself
    says (the label is often split off as a sentence of its own)."""
    out: set[str] = set()
    for claim in claims:
        body, day = bodies.get(claim.doc), published.get(claim.doc)
        if claim.type != "count" or body is None or day is None:
            continue
        line = body[body.rfind("\n", 0, claim.evidence.start) + 1 : claim.evidence.start]
        label = _YEAR_LABEL.match(line)
        if label is not None and day.year - int(label.group(1)) > MIN_YEARS_BEFORE:
            out.add(claim.id)
    return frozenset(out)
