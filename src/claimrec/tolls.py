"""Which question a toll, a patient count or a staff count answers: rules reconcile asks
about counts of a disaster or an epidemic (see ``reconcile._scope``).

Pure functions over one claim and what reconcile already knows (its lexicon, its article's
date); no state of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from claimrec.lexicon import Lexicon
from claimrec.models import Claim
from claimrec.voices import Voices


def forecast_of_now(
    claim: Claim, lexicon: Lexicon, published: dt.date | None, *, cumulative: bool
) -> bool:
    """Whether a forecast of a running toll speaks of the toll as it stands: one expected
    (not merely possible) with no horizon of its own ("the agency expected the count to top
    45", "the tally would pass 3,000 this week"). The dead of a fire are dead already and
    the week's count is this week's: such a figure answers the toll's own question, shown
    as a forecast and never compared. A forecast to a later day ("by January", "before
    the month is out", a day after its article) or a mere possibility ("could
    exceed 7,000") is a question of its own."""
    if not cumulative or claim.modality != "expected":
        return False
    time = claim.time
    if time is None:
        return True
    if time.start is None or (published is not None and time.start > published):
        return False
    return not _after_horizon(claim, lexicon)


def _after_horizon(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether the claim's stated time follows a horizon preposition ("by the end of
    September", "before January"): a target day, not the present period."""
    assert claim.time is not None
    sentence = claim.evidence.sentence
    at = sentence.find(claim.time.text)
    if at < 0:
        return False
    before = re.findall(r"[A-Za-z]+", sentence[max(0, at - 12) : at].lower())
    return bool(before) and before[-1] in lexicon.where_when.horizon_preps


def story_measures(
    claims: Sequence[Claim], story: dict[str, str | None]
) -> dict[str | None, frozenset[str]]:
    """The measures each story counts (its deaths, its injured ...)."""
    found: dict[str | None, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.type == "count" and claim.measure is not None:
            found[story.get(claim.doc)].add(claim.measure)
    return {k: frozenset(v) for k, v in found.items()}


def victims_measure(claim: Claim, lexicon: Lexicon, measures: frozenset[str]) -> str | None:
    """The measure a count of an event's victims answers, when nothing else in its sentence
    says what happened to them ("the inquiry now counts 41 victims"): in a story that counts
    deaths and no injured or casualties, the event's victims are its dead (the lexicon's
    ``tolls.victim_measure``). Victims a verb says something of ("five victims have been
    identified", "victims were treated") are that verb's question; in a story with injured
    too, "victims" may be either, and stay a count of their own."""
    words = lexicon.tolls
    if claim.measure != "other" or claim.counted not in words.victim_nouns:
        return None
    saying = {"other", *lexicon.counting_verbs, *lexicon.value_verbs, *lexicon.attribution_verbs}
    if claim.predicate not in saying:
        return None
    if words.victim_measure not in measures or measures & set(words.victim_rivals):
        return None
    return words.victim_measure


def measure_family(lexicon: Lexicon, measure: str) -> str:
    """The family of the first predicate that counts ``measure`` (deaths: killed)."""
    return next((p.family for p in lexicon.predicates.values() if p.measure == measure), measure)


WORD_PAIR = re.compile(r"\w\w")  # a word that goes on across a point


def within_events(
    claims: Sequence[Claim], bodies: dict[str, str | None], lexicon: Lexicon
) -> dict[str, str]:
    """For each count dated inside a bounded sub-event, that event's noun (claim id ->
    noun). A paragraph that names an event of stated length ("a three-day curfew", "the
    week-long campaign", "a 48-hour curfew") and then dates a figure relative to it ("on
    the second day", "by the end") gives that event's own tally: "by the end, its tally
    stood at 212 cases" counts the curfew's cases, not the epidemic's total."""
    words = lexicon.tolls
    within = _phrases(words.within_event)
    if within is None or not words.bounded_units:
        return {}
    units = "|".join(re.escape(u) for u in words.bounded_units)
    bounded = re.compile(
        rf"(?i)\b(?:[a-z]+|\d+)-(?:{units})(?:-long)?\s+([a-z]+)\b"
        rf"|\b(?:{units})-long\s+([a-z]+)\b"
    )
    out: dict[str, str] = {}
    paragraphs = _ParagraphEvents(bounded)
    for claim in claims:
        body = bodies.get(claim.doc)
        if claim.type != "count" or body is None or within.search(claim.evidence.sentence) is None:
            continue
        found = paragraphs.last_before(claim.doc, body, claim.evidence.start)
        if found is not None:  # the latest such event before the figure
            noun = (found.group(1) or found.group(2)).lower()
            if noun not in lexicon.where_when.day_parts:
                out[claim.id] = noun
    return out


class _ParagraphEvents:
    """The bounded events of each paragraph, found once per paragraph: a long article
    with many dated figures in one paragraph would otherwise be scanned again from the
    paragraph's start for each figure."""

    def __init__(self, bounded: re.Pattern[str]) -> None:
        self.bounded = bounded
        self.found: dict[tuple[str, int], tuple[list[int], list[re.Match[str]]]] = {}

    def last_before(self, doc: str, body: str, at: int) -> re.Match[str] | None:
        """The last bounded event of ``at``'s paragraph that ends before ``at``, as a scan
        of the paragraph up to ``at`` finds it."""
        start = body.rfind("\n", 0, at) + 1
        known = self.found.get((doc, start))
        if known is None:
            end = body.find("\n", start)
            events = list(self.bounded.finditer(body, start, len(body) if end < 0 else end))
            known = self.found[(doc, start)] = ([m.start() for m in events], events)
        starts, events = known
        k = bisect_left(starts, at)  # events starting before ``at``
        cut_word = at > 0 and WORD_PAIR.match(body, at - 1) is not None
        if cut_word or (k and events[k - 1].end() >= at):
            # an event reaching ``at``, or a word cut there: cut at ``at`` the text may
            # read otherwise, so scan it as cut
            cut = list(self.bounded.finditer(body, start, at))
            return cut[-1] if cut else None
        return events[k - 1] if k else None


def _phrases(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{alternatives})\b")


def staff_owner(
    claim: Claim, lexicon: Lexicon, *, subject_type: str | None, voices: Voices
) -> str | None:
    """Whose staff a count of an organisation's people is ("It now has some 2,300 staff",
    "the agency had 60 staff in the field"): the organisation that
    has them, named as the subject, else the organisation that says so of itself ("it",
    "the agency" point back to who speaks). Two organisations' staff are two questions,
    whatever verb of having or working says it. None for any other count, or when no
    organisation can be told. ``voices``: who says so, asked only of a staff count."""
    words = lexicon.tolls
    if (
        claim.measure != "other"
        or claim.counted not in words.staff_nouns
        or claim.predicate not in words.staff_verbs
    ):
        return None
    if claim.subject is not None and subject_type in {"ORG", "GROUP"}:
        return claim.subject
    voice = voices.voice(claim)
    return None if voice.startswith("doc:") else voice
