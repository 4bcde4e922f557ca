"""Counts in stories that spread over sites and waves (a strike called out plant by plant).

Such a story keeps one running total (how many are out now) beside the figures of each
wave and each site. Reconcile asks four things of it, answered here from the claims alone:

- **whose people a count names** (``voiced_measures``): an organisation named in the
  counted phrase ("34,000 union members are on strike") narrows the question only when
  the story counts someone else's people too. When that organisation is itself a voice of
  the story's counts of that measure, its members are the story's own group (a union
  counting its strikers): naming them is no narrower than not naming them.
- **whether a "place" is one place** (``names_several_places``): "at 44 facilities", "in
  three districts" names a number of places, like a list: no one place's count.
- **whether a figure is added to a total** (``is_added``): "the two plants add 7,000
  strikers to the walkout" states an increment, not the total, whatever the verb's tense.
- **whether a dated table lists increments** (``increment_rows``): a table column whose
  rows are dated and whose values fall as well as rise cannot be a running total: each
  row is the increment of its day (a wave called out), its own question. The first row
  starts the count, so it is also the running total on its day.
- **what a bare repetition counts** (``repeated_figures``): a figure under a verb the
  lexicon does not know ("face 2,750 workers") that its article states again for one
  measure ("2,750 members walked out") asks that figure's question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from claimrec.cues import phrases
from claimrec.models import Claim, CountValue, Evidence

MIN_ROWS = 3  # a column of fewer dated rows says nothing about rising or falling
_LEADING_FIGURE = re.compile(r"^\d[\d,.]*$")


def voiced_measures(
    claims: Iterable[Claim],
    *,
    voice: Callable[[Claim], str],
    story: Callable[[Claim], str | None],
) -> frozenset[tuple[str | None, str, str]]:
    """(story, measure, voice) for every voice that states a count of that measure in that
    story: an organisation among them counts its own people."""
    return frozenset(
        (story(c), c.measure, voice(c))
        for c in claims
        if c.type == "count" and c.measure != "other" and c.source is not None
    )


def names_several_places(name: str, number_words: frozenset[str]) -> bool:
    """Whether a place name opens with a number ("44 facilities", "three districts"): it
    names that many places, none of them in particular."""
    first = name.split(maxsplit=1)[0].lower() if name.strip() else ""
    return bool(_LEADING_FIGURE.match(first)) or first in number_words


def is_added(evidence: Evidence, verbs: Sequence[str]) -> bool:
    """Whether the figure is added to something: a verb of adding just before it and "to"
    right after its phrase ("add about 4,600 workers to the walkout", "added 300 to the
    count"). A verb of adding that reports ("she added 40 had died") has no "to"."""
    found = phrases(tuple(verbs))
    sentence, quote = evidence.sentence, evidence.quote
    if found is None or not found.in_sentence(sentence):
        return False  # the common case, decided by the sentence's words
    regex = found.regex
    at = sentence.find(quote)
    if at < 0:
        return False
    before = " ".join(sentence[:at].split()[-2:])
    after = sentence[at + len(quote) :].split(maxsplit=1)
    return regex.search(before) is not None and bool(after) and after[0].lower() == "to"


def increment_rows(claims: Sequence[Claim]) -> dict[str, dt.date]:
    """Claim id -> day, for the rows of a dated table column that lists increments: its
    values, in date order, fall as well as rise. The earliest row is left out: nothing came
    before it, so it is the running total on its day as much as an increment."""
    columns: dict[tuple[object, ...], list[tuple[dt.date, int, Claim]]] = defaultdict(list)
    for claim in claims:
        if claim.time is None or "|" not in claim.evidence.sentence:
            continue  # the common case: no dated table row
        day = _row_day(claim)
        if day is None:
            continue
        value = claim.value
        assert isinstance(value, CountValue)
        key = (claim.doc, claim.measure, claim.predicate, value.unit, claim.source)
        columns[key].append((day, value.low or 0, claim))
    out: dict[str, dt.date] = {}
    for rows in columns.values():
        rows.sort(key=lambda r: (r[0], r[2].id))
        if len({r[0] for r in rows}) < MIN_ROWS or not _falls(r[1] for r in rows):
            continue
        first = rows[0][0]
        out.update((claim.id, day) for day, _, claim in rows if day != first)
    return out


def _row_day(claim: Claim) -> dt.date | None:
    """The one day a table cell's figure is dated to (its row's date), else None."""
    sentence, quote = claim.evidence.sentence, claim.evidence.quote
    if claim.time is None or "|" not in sentence or not isinstance(claim.value, CountValue):
        return None  # the common case: no table row
    at = sentence.find(quote)
    in_cell = at >= 0 and "|" in sentence[:at] and "|" in sentence[at + len(quote) :]
    start, end = claim.time.start, claim.time.end
    return start if in_cell and start is not None and end in (None, start) else None


def _falls(values: Iterable[int]) -> bool:
    """Whether a later value is ever lower than the one before it."""
    previous = None
    for value in values:
        if previous is not None and value < previous:
            return True
        previous = value
    return False


def repeated_figures(claims: Sequence[Claim], *, named: Collection[str]) -> dict[str, Claim]:
    """Claim id -> the claim it repeats: a figure of no measure, under a verb the lexicon
    does not know (none of ``named``: "see 2,750 workers", a headline's "2,750 Depot
    Staff Stop Work"), that an article states again, exactly, for one measure ("2,750
    members walked out"). An article repeating a figure speaks of one group of
    people; the sentence that says what happened to them says what it counts."""
    bare = [
        ((c.doc, _exact(c)), c)
        for c in claims
        if c.measure == "other" and c.predicate not in named and _exact(c) is not None
    ]
    docs = {doc for (doc, _), _ in bare}
    measured: dict[tuple[str, int | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.doc in docs and claim.measure != "other" and _exact(claim) is not None:
            measured[(claim.doc, _exact(claim))].append(claim)
    out: dict[str, Claim] = {}
    for at, claim in bare:
        said = measured.get(at, [])
        if said and len({c.measure for c in said}) == 1:
            out[claim.id] = min(said, key=lambda c: c.evidence.start)
    return out


def _exact(claim: Claim) -> int | None:
    """The one exact figure a claim states ("6,400"; None for "more than 6,000")."""
    value = claim.value
    if isinstance(value, CountValue) and value.low is not None and value.low == value.high:
        return value.low
    return None
