"""Cues: what the words around a figure say about the question it answers and its time.

Reconcile needs a few facts about a claim that are stated in words next to its
figure rather than in its value: whether it is an increment or a subset of a
total ("another 3,000", "nine of them"), whether its source takes it back
("withdrew its count of 60"), whether a later figure says it replaces an earlier
one ("revised", "now"), and whether a "might" speaks of the past ("might have
been killed", a hedged estimate) rather than of the future ("could rise to", a
projection). The words live in the lexicon's ``reconcile`` section; this module
only finds them, as whole-word phrases, in the claim's evidence sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimrec.lexicon import ReconcileWords
from claimrec.models import Evidence
from claimrec.numbers import parse_number

_WORD = re.compile(r"[\w][\w'’-]*")
_EDGE = r"[\w'’-]"


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@lru_cache(maxsize=64)
def pattern(items: tuple[str, ...], not_before: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """One regex finding any lexicon phrase as whole words (any spacing, any case), not
    followed by a word of ``not_before`` ("more" but not "more than")."""
    phrases = sorted({" ".join(words(i)) for i in items if words(i)}, key=lambda p: (-len(p), p))
    if not phrases:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    blocked = "|".join(map(re.escape, not_before))
    guard = rf"(?!\s+(?:{blocked})(?!{_EDGE}))" if blocked else ""
    return re.compile(rf"(?<!{_EDGE})(?:{alternatives})(?!{_EDGE}){guard}", re.IGNORECASE)


def _split(evidence: Evidence) -> tuple[str, str, str]:
    """The sentence before the quote, the quote, and after it (the quote alone when it
    cannot be found in the sentence)."""
    sentence, quote = evidence.sentence, evidence.quote
    at = sentence.find(quote)
    if at < 0:
        return "", quote, ""
    return sentence[:at], quote, sentence[at + len(quote) :]


def _last_words(text: str, n: int) -> str:
    return " ".join(text.split()[-n:]) if n > 0 else ""


def _first_words(text: str, n: int) -> str:
    return " ".join(text.split()[:n]) if n > 0 else ""


def _found(text: str, regex: re.Pattern[str] | None, not_after: Iterable[str] = ()) -> bool:
    """Whether ``regex`` matches ``text`` at a place not preceded by a word of
    ``not_after`` ("more" but not "or more")."""
    if regex is None:
        return False
    blocked = set(not_after)
    for match in regex.finditer(text):
        previous = text[: match.start()].split()[-1:] if blocked else []
        if not previous or previous[0].lower() not in blocked:
            return True
    return False


def tally_apart(evidence: Evidence, cues: ReconcileWords) -> str | None:
    """The kind of tally a figure is, when the lexicon's ``tallies_apart`` names it right
    after the figure ("265 excess deaths") or in its table row's label ("| Census
    bureau (excess mortality) | 265 |"): a statistical construct of its own, never a rival
    to the count of the dead. None for any other figure."""
    regex = pattern(tuple(cues.tallies_apart))
    if regex is None or regex.search(evidence.sentence) is None:
        return None  # the common case, decided by one scan of the sentence
    _, quote, after = _split(evidence)
    near = f"{quote} {_first_words(after, cues.part_window)}"
    cells = evidence.sentence.split("|")
    label = cells[1] if evidence.sentence.lstrip().startswith("|") and len(cells) > 2 else ""
    match = regex.search(near) or regex.search(label)
    return " ".join(words(match.group(0))) if match else None


def is_running_total(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words around a count of one event make it the total of all such events
    so far ("in all, 46 hostages have come out", "bringing to 131 the number freed")."""
    regex = pattern(tuple(cues.running_total))
    if regex is None or regex.search(evidence.sentence) is None:
        return False  # the common case, decided by one scan of the sentence
    before, quote, after = _split(evidence)
    window = cues.part_window
    return _found(f"{_last_words(before, window)} {quote} {_first_words(after, window)}", regex)


def is_running_count(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words around a count make it a running count, in the clause rather than
    beside the figure: "since the landslide, 14 climbers have been brought down", "bringing
    the total airlifted out to 37"."""
    regex = pattern(tuple(cues.running_total) + tuple(cues.running_since))
    if regex is None or regex.search(evidence.sentence) is None:
        return False
    before, quote, after = _split(evidence)
    window = cues.running_window
    # within the count's own clause: "the crews reached 7 on Friday, bringing the total to
    # 52" is that day's 7; the running total is the 52
    before = re.split(r"[,;:\u2014]", _last_words(before, window))[-1]
    after = re.split(r"[,;:\u2014]", _first_words(after, window))[0]
    return _found(f"{before} {quote} {after}", regex)


def is_part(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the figure counts an increment or a subset ("another 3,000", "the first
    contingent of 1,500", "nine of them"), never the total."""
    regex = pattern(tuple(cues.part_of), tuple(cues.part_of_not_before))
    if regex is None or regex.search(evidence.sentence) is None:
        return False  # the common case, decided by one scan of the sentence
    before, quote, after = _split(evidence)
    window = cues.part_window
    if _found(f"{_last_words(before, window)} {quote}", regex, cues.part_of_not_after):
        return True
    # after the figure, a marker that opens a subset names what follows, not this figure
    # ("21, among them three boys"), unless it follows the figure's words directly: then it
    # trails the subset it closes ("with 90 children among them")
    leading = frozenset(" ".join(words(w)) for w in cues.part_of_leading)
    trailing = tuple(w for w in cues.part_of if " ".join(words(w)) not in leading)
    after_regex = pattern(trailing, tuple(cues.part_of_not_before))
    if _found(f"{quote} {_first_words(after, window)}", after_regex, cues.part_of_not_after):
        return True
    head = " ".join(words(after)[:3]) + " "
    return bool(re.match(r"\s+\w", after)) and head.startswith(tuple(f"{w} " for w in leading))


@lru_cache(maxsize=64)
def _whole_pattern(markers: tuple[str, ...], window: int, end: str) -> re.Pattern[str] | None:
    """A figure, up to ``window`` words with no figure among them, a whole-of marker and up
    to five more words with no clause break, then ``end`` (the end of the text before a
    quote, or the whole's own figure inside a counted phrase)."""
    marker = pattern(markers)
    if marker is None:
        return None
    word = r"\s+[^\s\d;:]+"
    inside = r"\s+[^\s\d;:,.]+"  # the whole's own phrase: no clause break before it
    return re.compile(
        rf"(?<![\w,.])\d[\d,.]*(?:{word}){{0,{window}}}?\s+(?i:{marker.pattern})"
        rf"(?P<rest>(?:{inside}){{0,5}})\s*{end}"
    )


def is_whole(evidence: Evidence, cues: ReconcileWords, *, named: bool = False) -> bool:
    """Whether the figure is the whole an earlier figure of its sentence is a share of
    ("310 of the 480 nurses stayed away", "1,150 walked out, out of a staff the board
    numbers at 8,600"): the population counted (a roster, a staff), its own question, never
    the count of what some of them did. ``named``: only when words between the marker and
    the figure name what the whole is ("a staff the board numbers at")."""
    regex = _whole_pattern(tuple(cues.whole_of), cues.whole_of_window, "$")
    before, _, _ = _split(evidence)
    found = regex.search(before[-200:]) if regex is not None else None
    return found is not None and (not named or bool(found.group("rest").strip()))


def states_whole(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the counted phrase names the whole its figure is a share of ("7,300 of the
    9,100 workers"): a share of a stated whole counts its measure outright, no subset of
    another figure for it."""
    regex = _whole_pattern(tuple(cues.whole_of), cues.whole_of_window, r"\d")
    return regex is not None and regex.search(evidence.quote) is not None


@lru_cache(maxsize=1 << 16)
def _in_phrase(regex: re.Pattern[str] | None, phrase: str) -> bool:
    """Whether ``regex`` occurs in a counted phrase; phrases repeat across a corpus, so the
    answer is kept."""
    return regex is not None and regex.search(phrase) is not None


# A total, up to six words, then ": " ("put the figure at 96: ", "23 were freed on Friday: ");
# the total's number is no label's ("Day 3: ", "Sept. 15: ": a capitalised word before it).
_TOTAL_COLON = re.compile(
    r"(?<![A-Z][a-z.]\s)(?<![A-Z][a-z][a-z.]\s)(?<![A-Z][a-z][a-z][a-z.]\s)"
    r"\b\d[\d,.]*(?:\s+[^\s:;]+){0,6}:\s+"
)
_ITEM_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ARTICLES = frozenset({"a", "an"})  # "and a baby boy": one


def _counted_item(item: str, number_words: frozenset[str]) -> bool:
    """Whether a list item opens with a number: digits, a number word or "a"/"an"."""
    first = item.split(maxsplit=1)[0].lower() if item.strip() else ""
    return first[:1].isdigit() or first in number_words or first in _ARTICLES


def is_breakdown(evidence: Evidence, number_words: frozenset[str]) -> bool:
    """Whether the figure is an item of a breakdown right after a total ("put the figure at
    96: 80 men, 13 women and three children", "the count is 64: the 63 who died there and
    a baby born later"): a list of at least two counted items after a total and a colon
    counts parts of that total, never the total itself. ``number_words``: the lexicon's
    words that open a count ("two", "dozens")."""
    before, quote, after = _split(evidence)
    starts = [m.end() for m in _TOTAL_COLON.finditer(before)]
    if not starts:
        return False
    head = before[starts[-1] :]
    listed = head + quote + re.split(r"[;:.](?:\s|$)", after, maxsplit=1)[0]
    if ":" in listed:
        return False
    items = [_THE.sub("", i.strip()) for i in _ITEM_SEPARATOR.split(listed) if i.strip()]
    own = len([i for i in _ITEM_SEPARATOR.split(head) if i.strip()])  # the quote's item
    counted = [i for i in items if _counted_item(i, number_words)]
    return own < len(items) and _counted_item(items[own], number_words) and len(counted) >= 2


def is_part_in_phrase(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the counted phrase itself says it counts an increment ("56 new cases"):
    words that mark a part only inside the phrase ("a new toll" elsewhere is no part)."""
    return _in_phrase(pattern(tuple(cues.part_in_phrase)), evidence.quote)


def rate_pattern(cues: ReconcileWords) -> re.Pattern[str] | None:
    """The regex ``is_rate`` uses, for callers that test many claims."""
    return pattern(tuple(cues.rate), tuple(cues.rate_not_before))


def is_rate(
    evidence: Evidence, cues: ReconcileWords, *, regex: re.Pattern[str] | None = None
) -> bool:
    """Whether the figure is a rate ("about 700 admissions a week", "35 per day"): a count
    per period, never comparable with a total ("515 a week earlier" is a time, no rate)."""
    regex = regex or rate_pattern(cues)
    if regex is None:
        return False
    _, quote, after = _split(evidence)
    return regex.match(after.lstrip()) is not None or _in_phrase(regex, quote)


def is_withdrawn(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words just before the figure take it back ("withdrew its count of 60",
    "not the 60 it announced")."""
    regex = pattern(tuple(cues.withdrawn))
    if regex is None or regex.search(evidence.sentence) is None:
        return False  # the common case, decided by one scan of the sentence
    before, quote, _ = _split(evidence)
    text = f"{_last_words(before, cues.withdrawn_window)} {_first_words(quote, 2)}"
    return _found(text, regex)


def states_update(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the sentence presents its figure as replacing an earlier one."""
    return _found(evidence.sentence, pattern(tuple(cues.stated_update)))


def is_hedged_past(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether a modal speaks of the past ("might have been killed"): a hedged estimate of
    what happened, which can clash, unlike a projection ("could rise to")."""
    return _found(evidence.sentence, pattern(tuple(cues.hedged_past)))


def is_scenario(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words next to the figure name it a scenario ("called 1.4 million a
    worst case", "the best-case figure of 300"): what might happen, not a count."""
    regex = pattern(tuple(cues.scenario))
    if regex is None or regex.search(evidence.sentence) is None:
        return False  # the common case, decided by one scan of the sentence
    before, quote, after = _split(evidence)
    window = cues.scenario_window
    text = f"{_last_words(before, window)} {quote} {_first_words(after, window)}"
    return _found(text, regex)


def is_terms(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the figure is a term of an agreement, not a count of what happened: its
    sentence opens under the agreement ("Under the deal, 80 captives are to be freed"),
    or a verb of covering stands next to it ("the deal covers 80 captives", "out of the 80
    it covers")."""
    sentence = evidence.sentence.lstrip(" *_-")
    opening = pattern(tuple(cues.terms_framing))
    if opening is not None and opening.match(sentence) is not None:
        return True
    verbs = pattern(tuple(cues.terms_verbs))
    if verbs is None or verbs.search(evidence.sentence) is None:
        return False
    before, quote, after = _split(evidence)
    before, after = re.split(r"[;:,]", before)[-1], re.split(r"[;:,]", after)[0]  # its clause
    window = cues.terms_window
    return _found(f"{_last_words(before, window)} {quote} {_first_words(after, window)}", verbs)


def follows_change(evidence: Evidence, cues: ReconcileWords, changes: tuple[str, ...]) -> bool:
    """Whether the sentence says its figure comes after its people changed state ("after
    three boys were freed, the army said 212 were held"): a later state of the same
    day. ``changes``: verbs of changing state (any inflection); "after talks" is no change."""
    found = _change_pattern(tuple(cues.later_state), changes)
    return found is not None and found.search(evidence.sentence) is not None


@lru_cache(maxsize=8)
def _change_pattern(cues: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """A later-state cue, then within six words a verb of changing state."""
    if not cues or not verbs:
        return None
    opens = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    stems = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{opens})\b(?:\W+\w+){{0,6}}?\W+(?:{stems})\w*")


def is_earlier(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the sentence places its figure before the article's own moment ("the
    ministry had earlier given a figure of ...", "initially").

    A time word speaks of the figure nearest it: one with another figure between them
    belongs to that one ("nine released, five at noon and four earlier": only the four
    are earlier; "initially 25, later 70": the 70 is not)."""
    regex = pattern(tuple(cues.earlier))
    sentence = evidence.sentence
    if regex is None or regex.search(sentence) is None:
        return False
    at = sentence.find(evidence.quote)
    if at < 0:
        return True
    end = at + len(evidence.quote)
    for match in regex.finditer(sentence):
        if match.end() <= at:
            between = sentence[match.end() : at]
        elif match.start() >= end:
            between = sentence[end : match.start()]
        else:
            return True
        if not _has_figure(between):
            return True
    return False


def _has_figure(text: str) -> bool:
    """Whether a stretch of text states a number (digits or a number word)."""
    return any(ch.isdigit() for ch in text) or any(parse_number(w) is not None for w in words(text))
