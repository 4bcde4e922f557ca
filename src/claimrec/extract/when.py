"""When an event happened: which date and time phrases of a sentence are an event's time.

Every DATE entity that names a point or stretch of the calendar is an event's time,
whatever word it hangs on ("on 14 June", "the October 2013 sinking", a table row's
"| Sept. 15 |", "since March"), and so is a year heading a list item ("- 2011: ...").
A phrase the calendar cannot place is still one when it is introduced as a point ("on the
night", "since the fire", "four days after the sinking", "two weeks later") or is a part of
a day ("that evening", "Saturday night").
Not event times: durations ("for three weeks", "a three-day lockdown", "the last two
years"), ages ("a 27-year-old"), clock times alone ("at 2 a.m."), bare numbers, and the
stamps that date the article rather than an event ("Updated 14 June 2023 10:00").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Span, Token

from claimrec.dates import resolve_date
from claimrec.lexicon import Lexicon
from claimrec.models import DateValue

DATE_LABELS = frozenset({"DATE", "TIME"})
_BARE_NUMBER = re.compile(r"^[\d.,\s]+[kK]?$")
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_AGE = re.compile(r"\b(?:year|month|week|day)s?[- ]old\b|\baged?\b", re.IGNORECASE)


@dataclass(frozen=True)
class EventTime:
    """A date or time phrase of a sentence that tells when an event happened."""

    span: Span
    value: DateValue


def event_times(sent: Span, lexicon: Lexicon, published: dt.date | None) -> list[EventTime]:
    """The event times of ``sent``, in order (none in a line that stamps the article)."""
    if _publication_stamp(sent, lexicon):
        return []
    out = []
    ents = _day_parts_of_dates(list(sent.ents), lexicon)
    label = _year_label(sent)
    if label is not None and not any(e.start <= label.start < e.end for e in ents):
        ents = [label, *ents]
    for ent in ents:
        span = without_possessive(ent)
        if span.label_ not in DATE_LABELS or _bare_number(span.text) or _AGE.search(span.text):
            continue
        if span.label_ == "TIME" and _clock(span, lexicon):
            continue  # checked before resolving: dates.py is slow on clock times
        value = _ahead_if_future(span, resolve_date(span.text, published=published), published)
        if _is_event_time(span, value, lexicon):
            out.append(EventTime(span, value))
    return out


_BARE_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})  # "wo" of "won't"


def _ahead_if_future(span: Span, value: DateValue, published: dt.date | None) -> DateValue:
    """A bare weekday resolves to the latest one on or before the article's date (news
    mostly reports what happened), unless its verb is in the future tense: "the curfew
    will be lifted from Saturday", "talks will resume on Monday" mean the next one."""
    if (
        published is None
        or value.start is None
        or value.start > published
        or not _BARE_WEEKDAY.match(span.text.strip())
        or not _future(span)
    ):
        return value
    ahead = value.start + dt.timedelta(days=7)
    return value.model_copy(update={"start": ahead, "end": ahead})


def _future(span: Span) -> bool:
    """Whether the verb a date phrase hangs on has a future modal ("will", "shall")."""
    token = span.root
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in token.children)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _day_parts_of_dates(ents: list[Span], lexicon: Lexicon) -> list[Span]:
    """ "the evening of 9 April", "the small hours of 22 April": the parser names the part of
    the day and the date apart; they are one time, the date's day (a part of a day is no
    finer a granularity than the day), so the two become one span."""
    out: list[Span] = []
    skip = -1
    for k, ent in enumerate(ents):
        if k == skip:
            continue
        after = ents[k + 1] if k + 1 < len(ents) else None
        joined = after is not None and after.start == ent.end + 1
        if (
            joined
            and after is not None
            and after.label_ == "DATE"
            and ent.doc[ent.end].lower_ == "of"
            and any(t.lower_ in lexicon.where_when.day_parts for t in ent)
        ):
            out.append(Span(ent.doc, ent.start, after.end, label="DATE"))
            skip = k + 1
        else:
            out.append(ent)
    return out


_BULLETS = frozenset({"-", "*", "•", "–"})


def _year_label(sent: Span) -> Span | None:
    """A year that opens a line or list item before a colon ("- 2011: a fire at the plant
    killed two"): the date of what the item says, whether or not NER tagged it."""
    k = sent.start
    while k < sent.end and (sent.doc[k].text in _BULLETS or sent.doc[k].is_space):
        k += 1
    doc = sent.doc
    if k + 1 >= sent.end or not _YEAR.match(doc[k].text) or doc[k + 1].text != ":":
        return None
    return Span(doc, k, k + 1, label="DATE")


def without_possessive(ent: Span) -> Span:
    """ "last week's earthquake": the date is "last week"."""
    if len(ent) > 1 and ent[-1].tag_ == "POS":
        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def _bare_number(text: str) -> bool:
    """A DATE span that is only a number ("10k", "4,500") is not a date; a year is."""
    text = text.strip()
    return bool(_BARE_NUMBER.match(text)) and not _YEAR.match(text)


def _is_event_time(span: Span, value: DateValue, lexicon: Lexicon) -> bool:
    words = lexicon.where_when
    if value.start is not None or value.granularity != "unknown":
        return True
    prep = span.root.head.lower_ if span.root.dep_ == "pobj" else None
    before = span.doc[span.start - 1].lower_ if span.start > 0 else None
    if prep in words.duration_preps or before in words.duration_preps:
        return False  # "for nearly two months after the flood"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in words.relative_words:
        return True  # "four days after the sinking", "two weeks later"
    if any(t.like_num for t in span):
        return False  # an amount of time: "extended by two days"
    if prep in words.date_preps:
        return True  # "on the night", "since the fire"
    # a day or a part of one, without a clock: "that evening", "the next day"; not "hours"
    # alone, nor a rate ("twice a day", "every night")
    return span[0].lower_ not in words.rate_words and any(t.lower_ in words.day_parts for t in span)


def _clock(span: Span, lexicon: Lexicon) -> bool:
    """A clock time ("2 a.m.", "20:00", "noon"), which alone dates no day."""
    clock = set(lexicon.where_when.clock_words)
    return any(t.like_num or t.lower_ in clock or ":" in t.text for t in span)


def _publication_stamp(sent: Span, lexicon: Lexicon) -> bool:
    """A line that stamps the article ("Updated 14 June 2023", "By Ana Rulke, 3 May")."""
    words = list(islice((t for t in sent if t.is_alpha), 2))  # stop at two: cheaper
    if any(t.lower_ in lexicon.where_when.publication_words for t in words):
        return True
    return len(words) == 2 and words[0].lower_ == "by" and words[1].ent_type_ == "PERSON"


def dated_word(root: Token) -> tuple[str | None, str | None]:
    """The word a date phrase hangs on (its lemma, with its particle: "break out") and
    the preposition that opens the phrase ("since", "by", "on"). Reconcile reads them to
    tell the day an event began from a bound ("since Sunday") or a later stage of it
    ("contained on Sunday"). A date inside a larger date ("Tuesday" in "by Tuesday
    evening") hangs where the larger one does."""
    token = root
    while token.dep_ in {"compound", "nmod", "amod"} and token.head.ent_type_ in DATE_LABELS:
        token = token.head
    prep = None
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        prep = token.head.lower_
        token = token.head
    if token.head.i == token.i:
        return None, prep
    word = token.head
    particle = next((c.lower_ for c in word.children if c.dep_ == "prt"), None)
    lemma = word.lemma_.lower()
    return (f"{lemma} {particle}" if particle else lemma), prep
