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
from dataclasses import dataclass
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


# A sentence's runs of word characters: ASCII letters (lower-cased), digits and _ stay;
# every other byte, and each non-ASCII character (encoded as "?"), splits runs.
_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if (chr(c).isalnum() and c < 128) or c == 95 else 32
    for c in range(256)
)
_RUN = re.compile(r"[a-z0-9_]+")
# Non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter (dotted and dotless
# i, long s, the Kelvin sign): in a sentence with one, no word test is trusted.
_ASCII_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=1024)
def sentence_words(sentence: str) -> frozenset[bytes] | None:
    """The sentence's runs of letters, digits and _ (lower-cased), once per sentence (a
    claim's tests all read its one sentence). A word that a pattern bounded by ``\b`` or
    by ``pattern``'s edges finds opens a run, and its first run is one of these
    (``run_openers``); a run that a non-ASCII character splits only adds runs. None when
    the sentence has a character that ignoring case makes an ASCII letter (no word test
    is then trusted)."""
    if not sentence.isascii() and any(c in sentence for c in _ASCII_TWINS):
        return None
    return frozenset(sentence.encode("ascii", "replace").translate(_FOLD).split())


def run_openers(items: Iterable[str]) -> frozenset[bytes] | None:
    """The first run of letters, digits and _ of each word or phrase (lower-cased), to
    rule out by ``sentence_words`` a sentence in which no pattern of them can match; None
    when one is not ASCII or does not open with such a run."""
    out = set()
    for item in items:
        found = _RUN.match(item.lower())
        if found is None or not item.isascii():
            return None
        out.add(found.group(0).encode())
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Phrases:
    """A lexicon list as ``pattern`` finds it, with the first runs of its phrases
    (``run_openers``), so a sentence with none of them is ruled out without the regex
    (most are)."""

    regex: re.Pattern[str]
    openers: frozenset[bytes] | None  # None: a phrase opens with a non-ASCII word
    multiword: bool  # every phrase has two words or more

    def opens_none(self, sentence: str) -> bool:
        """Whether no word of the sentence opens a phrase (False when it cannot be told)."""
        if self.openers is None:
            return False
        found = sentence_words(sentence)
        return found is not None and self.openers.isdisjoint(found)

    def in_sentence(self, sentence: str) -> bool:
        """Whether the regex finds a phrase anywhere in the sentence (``opens_none`` first,
        written out: it is asked of every claim)."""
        if self.openers is not None:
            found = sentence_words(sentence)
            if found is not None and self.openers.isdisjoint(found):
                return False
        return self.regex.search(sentence) is not None


@lru_cache(maxsize=64)
def phrases(items: tuple[str, ...], not_before: tuple[str, ...] = ()) -> Phrases | None:
    """``pattern`` of the items, with the words their phrases open with."""
    regex = pattern(items, not_before)
    if regex is None:
        return None
    split = [w for w in map(words, items) if w]
    return Phrases(regex, run_openers(w[0] for w in split), all(len(w) > 1 for w in split))


def _joined(*lists: list[str], not_before: list[str] | None = None) -> Phrases | None:
    """``phrases`` of the lists joined."""
    return phrases(tuple(w for items in lists for w in items), tuple(not_before or ()))


class CueLists:
    """The cue lists of a lexicon's ``reconcile`` words, compiled once (kept as
    ``ReconcileWords.compiled``): reconcile asks these tests of every claim, and a list
    turned into a regex, or looked up, anew on each call would cost more than the test."""

    def __init__(self, cues: ReconcileWords) -> None:
        self.tallies_apart = _joined(cues.tallies_apart)
        self.running_total = _joined(cues.running_total)
        self.running_count = _joined(cues.running_total, cues.running_since)
        self.part_of = _joined(cues.part_of, not_before=cues.part_of_not_before)
        self.part_in_phrase = _joined(cues.part_in_phrase)
        self.rate = _joined(cues.rate, not_before=cues.rate_not_before)
        self.whole_of = _joined(cues.whole_of)
        markers, window = tuple(cues.whole_of), cues.whole_of_window
        self.whole_before_quote = _whole_pattern(markers, window, "$")
        self.whole_in_phrase = _whole_pattern(markers, window, r"\d")
        self.withdrawn = _joined(cues.withdrawn)
        self.stated_update = _joined(cues.stated_update)
        self.hedged_past = _joined(cues.hedged_past)
        self.scenario = _joined(cues.scenario)
        self.terms_framing = _joined(cues.terms_framing)
        self.terms_verbs = _joined(cues.terms_verbs)
        self.earlier = _joined(cues.earlier)
        self.earlier_before = _joined(cues.earlier_before)
        self.correction_report = _joined(cues.correction_report)
        self.correction_verdict = _joined(cues.correction_verdict)
        self.later_state = run_openers(cues.later_state)  # ``follows_change``'s cues


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
    found = cues.compiled.tallies_apart
    if found is None or not found.in_sentence(evidence.sentence):
        return None  # the common case, decided by the sentence's words
    regex = found.regex
    _, quote, after = _split(evidence)
    near = f"{quote} {_first_words(after, cues.part_window)}"
    cells = evidence.sentence.split("|")
    label = cells[1] if evidence.sentence.lstrip().startswith("|") and len(cells) > 2 else ""
    match = regex.search(near) or regex.search(label)
    return " ".join(words(match.group(0))) if match else None


def is_running_total(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words around a count of one event make it the total of all such events
    so far ("in all, 46 hostages have come out", "bringing to 131 the number freed")."""
    found = cues.compiled.running_total
    if found is None or not found.in_sentence(evidence.sentence):
        return False  # the common case, decided by the sentence's words
    before, quote, after = _split(evidence)
    window = cues.part_window
    text = f"{_last_words(before, window)} {quote} {_first_words(after, window)}"
    return _found(text, found.regex)


def is_running_count(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words around a count make it a running count, in the clause rather than
    beside the figure: "since the landslide, 14 climbers have been brought down", "bringing
    the total airlifted out to 37"."""
    found = cues.compiled.running_count
    if found is None or not found.in_sentence(evidence.sentence):
        return False
    regex = found.regex
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
    found = cues.compiled.part_of
    if found is None or not found.in_sentence(evidence.sentence):
        return False  # the common case, decided by the sentence's words
    regex = found.regex
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
    markers = cues.compiled.whole_of
    if markers is not None and markers.multiword and markers.opens_none(evidence.sentence):
        # a marker's first word has a space after it, inside the text before the quote as
        # in the sentence: the sentence's words decide (the common case)
        return False
    regex = cues.compiled.whole_before_quote
    before, _, _ = _split(evidence)
    found = regex.search(before[-200:]) if regex is not None else None
    return found is not None and (not named or bool(found.group("rest").strip()))


def states_whole(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the counted phrase names the whole its figure is a share of ("7,300 of the
    9,100 workers"): a share of a stated whole counts its measure outright, no subset of
    another figure for it."""
    regex = cues.compiled.whole_in_phrase
    return regex is not None and regex.search(evidence.quote) is not None


def _in_phrase(regex: re.Pattern[str] | None, phrase: str) -> bool:
    """Whether ``regex`` occurs in a counted phrase; phrases repeat across a corpus, so the
    answer is kept (under the regex's text: a compiled regex hashes its whole program)."""
    return regex is not None and _phrase_has(regex.pattern, regex.flags, phrase)


@lru_cache(maxsize=1 << 16)
def _phrase_has(source: str, flags: int, phrase: str) -> bool:
    return re.compile(source, flags).search(phrase) is not None


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
    if ":" not in before:
        return False  # the common case: no total and colon before the figure
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
    found = cues.compiled.part_in_phrase
    return _in_phrase(found.regex if found else None, evidence.quote)


def rate_pattern(cues: ReconcileWords) -> re.Pattern[str] | None:
    """The regex ``is_rate`` uses, for callers that test many claims."""
    return pattern(tuple(cues.rate), tuple(cues.rate_not_before))


def is_rate(
    evidence: Evidence, cues: ReconcileWords, *, regex: re.Pattern[str] | None = None
) -> bool:
    """Whether the figure is a rate ("about 700 admissions a week", "35 per day"): a count
    per period, never comparable with a total ("515 a week earlier" is a time, no rate)."""
    if regex is None:
        found = cues.compiled.rate
        regex = found.regex if found else None
    if regex is None:
        return False
    _, quote, after = _split(evidence)
    return regex.match(after.lstrip()) is not None or _in_phrase(regex, quote)


def is_withdrawn(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words just before the figure take it back ("withdrew its count of 60",
    "not the 60 it announced")."""
    found = cues.compiled.withdrawn
    if found is None or not found.in_sentence(evidence.sentence):
        return False  # the common case, decided by the sentence's words
    before, quote, _ = _split(evidence)
    text = f"{_last_words(before, cues.withdrawn_window)} {_first_words(quote, 2)}"
    return _found(text, found.regex)


def states_update(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the sentence presents its figure as replacing an earlier one."""
    found = cues.compiled.stated_update
    return found is not None and found.in_sentence(evidence.sentence)


def is_hedged_past(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether a modal speaks of the past ("might have been killed"): a hedged estimate of
    what happened, which can clash, unlike a projection ("could rise to")."""
    found = cues.compiled.hedged_past
    return found is not None and found.in_sentence(evidence.sentence)


def is_scenario(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the words next to the figure name it a scenario ("described 90,000 as
    the worst case", "the best-case figure of 300"): what might happen, not a count."""
    found = cues.compiled.scenario
    if found is None or not found.in_sentence(evidence.sentence):
        return False  # the common case, decided by the sentence's words
    before, quote, after = _split(evidence)
    window = cues.scenario_window
    text = f"{_last_words(before, window)} {quote} {_first_words(after, window)}"
    return _found(text, found.regex)


def is_terms(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the figure is a term of an agreement, not a count of what happened: its
    sentence opens under the agreement ("Under the deal, 80 captives are to be freed"),
    or a verb of covering stands next to it ("the deal covers 80 captives", "out of the 80
    it covers")."""
    if _opens_under_terms(evidence.sentence, cues.compiled.terms_framing):
        return True
    found = cues.compiled.terms_verbs
    if found is None or not found.in_sentence(evidence.sentence):
        return False
    verbs = found.regex
    before, quote, after = _split(evidence)
    before, after = re.split(r"[;:,]", before)[-1], re.split(r"[;:,]", after)[0]  # its clause
    window = cues.terms_window
    return _found(f"{_last_words(before, window)} {quote} {_first_words(after, window)}", verbs)


def _opens_under_terms(sentence: str, opening: Phrases | None) -> bool:
    """Whether the sentence, past leading markup, opens with a phrase of ``opening``. The
    sentence's words decide first, unless a "_" (a word character) could hide the
    opening word behind markup ("_Under the deal_")."""
    if opening is None or ("_" not in sentence and opening.opens_none(sentence)):
        return False
    return opening.regex.match(sentence.lstrip(" *_-")) is not None


def follows_change(evidence: Evidence, cues: ReconcileWords, changes: frozenset[str]) -> bool:
    """Whether the sentence says its figure comes after its people changed state ("after
    three boys were freed, the army said 212 were held"): a later state of the same
    day. ``changes``: verbs of changing state (any inflection); "after talks" is no change."""
    openers, runs = cues.compiled.later_state, sentence_words(evidence.sentence)
    if openers is not None and runs is not None and openers.isdisjoint(runs):
        return False  # the common case: no later-state cue, told by the sentence's words
    found = _change_pattern(tuple(cues.later_state), changes)
    return found is not None and found.search(evidence.sentence) is not None


@lru_cache(maxsize=8)
def _change_pattern(cues: tuple[str, ...], verbs: frozenset[str]) -> re.Pattern[str] | None:
    """A later-state cue, then within six words a verb of changing state."""
    if not cues or not verbs:
        return None
    opens = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    stems = "|".join(re.escape(v) for v in sorted(verbs, key=lambda v: (-len(v), v)))
    return re.compile(rf"(?i)\b(?:{opens})\b(?:\W+\w+){{0,6}}?\W+(?:{stems})\w*")


def is_earlier(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether the sentence places its figure before the article's own moment ("the
    ministry had earlier given a figure of ...", "initially").

    A time word speaks of the figure nearest it: one with another figure between them
    belongs to that one ("nine released, five at noon and four earlier": only the four
    are earlier; "initially 25, later 70": the 70 is not)."""
    if _marked_earlier(evidence, cues):
        return True
    found = cues.compiled.earlier
    sentence = evidence.sentence
    if found is None or not found.in_sentence(sentence):
        return False
    regex = found.regex
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


def _marked_earlier(evidence: Evidence, cues: ReconcileWords) -> bool:
    """Whether a mark of the earlier state a figure is measured from stands right before it,
    with only determiners between ("42 were hurt, up from 37", "down from the 60"): that
    figure only, never the one the sentence moves to (the 42), nor a figure after a place
    ("up from the valley, 30 walkers")."""
    found = cues.compiled.earlier_before
    if found is None or not found.in_sentence(evidence.sentence):
        return False
    before, _, _ = _split(evidence)
    fillers = set(cues.earlier_before_gap)
    return any(
        all(w in fillers for w in words(before[match.end() :]))
        for match in found.regex.finditer(before)
    )


def in_correction_note(sentence: str, cues: ReconcileWords) -> bool:
    """Whether a sentence tells what an earlier report said, as a correction note does: it
    names an earlier version ("A previous edition of the story put ...") or opens with
    a correction label ("Correction: A report on Monday said ...")."""
    report = cues.compiled.correction_report
    if report is not None and report.in_sentence(sentence):
        return True
    if ":" not in sentence:
        return False  # the common case: no label
    head = sentence.lstrip(" *_#-").split(":", 1)[0].split(",", 1)[0]
    return " ".join(words(head)) in {" ".join(words(label)) for label in cues.correction_labels}


def rules_out(sentence: str, cues: ReconcileWords) -> bool:
    """Whether a sentence rules out the figure of the one before it ("That figure was
    wrong.", "The correct number was 40.", "has since withdrawn that figure")."""
    verdict = cues.compiled.correction_verdict
    return verdict is not None and verdict.in_sentence(sentence)


def _has_figure(text: str) -> bool:
    """Whether a stretch of text states a number (digits or a number word)."""
    return any(ch.isdigit() for ch in text) or any(parse_number(w) is not None for w in words(text))
